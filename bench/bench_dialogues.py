"""Call sentiment against people's own ratings: the service dialogues of ../shared/data/service-dialogues
(400 dialogues, per-turn and per-dialogue satisfaction ratings by three to five annotators; README there).

The calls sheet is loaded through the project's own load path (`load_sheet`, into a store of its own
in a temporary folder), and what it stored is compared with the truth:
- role placement: each stored turn's role against its true role (agent turns counted as the
  customer's are the error that matters; customer turns left unplaced lose their words);
- turn level: among true customer turns, how well the stored compound separates dissatisfied turns
  (mean rating <= 2.5) from satisfied ones (>= 3.5), as the AUC (the chance that a random dissatisfied
  turn scores below a random satisfied one), beside plain VADER on the same texts in the same run;
- call level: the call's figures (mean customer compound, its "negative" flag, the call's
  dissatisfaction) against the dialogues' overall ratings: the AUC between dialogues rated <= 2.5 and
  >= 3.5 overall (with a bootstrap interval: only a few are rated low), the AUC between calls with and
  without a dissatisfied turn (also on each half of the calls, by the parity of their ids), and the
  Spearman correlation with the overall rating; plain VADER's call mean beside them; then other ways
  of summing up a call's turns (its worst moments, its end), for the record.

Run: .venv/bin/python bench/bench_dialogues.py
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from empathy.access.roles import SYSTEM  # noqa: E402
from empathy.loading.sheet import load_sheet  # noqa: E402
from empathy.store import Store  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "service-dialogues"


def auc(low: pd.Series, high: pd.Series) -> float:
    """P(a value of `low` < a value of `high`), ties half: the Mann-Whitney U over n1 n2."""
    low, high = low.dropna(), high.dropna()
    return float(stats.mannwhitneyu(high, low).statistic / (len(low) * len(high)))


def main() -> None:
    truth = pd.read_csv(DATA / "turn_labels_sgd.csv")
    dialogues = pd.read_csv(DATA / "dialogues_sgd.csv")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "dialogues.duckdb")
        start = time.perf_counter()
        report = load_sheet(store, path=DATA / "calls_sgd.csv", kind="calls", user=SYSTEM)
        took = time.perf_counter() - start
        turns = store.query("SELECT call_id, turn, speaker, role, compound, scored, dissatisfaction FROM utterances")
        calls = store.query("SELECT call_id, sentiment_mean, negative, dissatisfaction FROM calls")
        store.close()
    print(f"loaded {report.rows_new} calls in {took:.1f} s; notes: {len(report.notes)}")
    for note in report.notes:
        print(f"  {note[:300]}")
    turns = turns.merge(truth, on=["call_id", "turn"], how="outer", indicator=True)
    assert (turns["_merge"] == "both").all(), "the stored turns do not line up with the truth"
    placed = pd.crosstab(turns["true_role"], turns["role"])
    print("\nRole placement (rows: true role, columns: stored role):\n")
    print(placed.to_string())
    agent_as_customer = int(((turns["true_role"] == "agent") & (turns["role"] == "customer")).sum())
    print(f"\nagent turns counted as the customer's: {agent_as_customer}")

    customer = turns[turns["true_role"] == "customer"].copy()
    vader = SentimentIntensityAnalyzer()
    customer["plain"] = [vader.polarity_scores(text)["compound"] for text in customer["text"]]
    unhappy, happy = customer["sat_mean"] <= 2.5, customer["sat_mean"] >= 3.5
    print(f"\nTurn level: {unhappy.sum()} dissatisfied and {happy.sum()} satisfied customer turns\n")
    print("| score | AUC dissatisfied vs satisfied | mean on dissatisfied | share <= -0.05 of dissatisfied |")
    print("|---|---|---|---|")
    for name, column in (("plain VADER (baseline)", "plain"), ("stored compound (the load)", "compound")):
        values = customer[column]
        print(f"| {name} | {auc(values[unhappy], values[happy]):.3f} | {values[unhappy].mean():+.3f} | "
              f"{(values[unhappy] <= -0.05).mean():.0%} |")
    unhappiness = customer["dissatisfaction"]
    print(f"| dissatisfaction (higher = less satisfied) | {auc(-unhappiness[unhappy], -unhappiness[happy]):.3f} | "
          f"{unhappiness[unhappy].mean():.3f} (satisfied: {unhappiness[happy].mean():.3f}) | "
          f"{(unhappiness[unhappy] >= 0.35).mean():.0%} at >= 0.35 |")

    calls = calls.merge(dialogues, on="call_id")
    worst = customer.groupby("call_id")["sat_mean"].min()
    calls["has_dissatisfied"] = calls["call_id"].map(worst) <= 2.5
    rated_low, rated_high = calls["overall_mean"] <= 2.5, calls["overall_mean"] >= 3.5
    calls["plain_mean"] = calls["call_id"].map(customer.groupby("call_id")["plain"].mean())
    print(f"\nCall level: {len(calls)} calls, {rated_low.sum()} rated <= 2.5 overall, {rated_high.sum()} rated "
          f">= 3.5, {calls['has_dissatisfied'].sum()} with a dissatisfied turn\n")
    print(f"- 'negative' flag fired on {int(calls['negative'].fillna(False).sum())} calls, "
          f"{int((calls['negative'].fillna(False) & rated_low).sum())} of them rated <= 2.5 overall\n")
    figures = (("plain VADER, call mean (baseline)", "plain_mean", 1),
               ("stored compound, call mean", "sentiment_mean", 1),
               ("call dissatisfaction (mean of the turns')", "dissatisfaction", -1))
    halves = calls["call_id"].str[-1].astype(int) % 2 == 0
    print("| call figure | AUC rated <= 2.5 vs >= 3.5 overall (95% bootstrap) "
          "| AUC with vs without a dissatisfied turn (even / odd ids) | Spearman with the overall rating |")
    print("|---|---|---|---|")
    for name, column, sign in figures:
        value = sign * calls[column]
        low_high = auc(value[rated_low], value[rated_high])
        lo, hi = bootstrap_auc(value[rated_low], value[rated_high])
        had = calls["has_dissatisfied"]
        per_half = " / ".join(f"{auc(value[had & half], value[~had & half]):.3f}" for half in (halves, ~halves))
        rho = stats.spearmanr(calls["overall_mean"], value, nan_policy="omit").statistic
        print(f"| {name} | {low_high:.3f} ({lo:.2f}-{hi:.2f}) | {auc(value[had], value[~had]):.3f} ({per_half}) | "
              f"{rho:.3f} |")
    print("\nOther ways to sum up a call's dissatisfaction (the customer's worst moments, the end), from the same "
          "stored turns:\n")
    print("| call figure | AUC rated <= 2.5 vs >= 3.5 | AUC with vs without a dissatisfied turn | Spearman |")
    print("|---|---|---|---|")
    placed = customer[customer["role"] == "customer"]
    scored = placed.dropna(subset=["dissatisfaction"]).sort_values(["call_id", "turn"])
    by_call = scored.groupby("call_id")["dissatisfaction"]
    ways = {"mean (the board's)": by_call.mean(), "worst turn": by_call.max(),
            "mean of the worst two": by_call.apply(lambda d: d.nlargest(2).mean()),
            "half mean, half worst": 0.5 * by_call.mean() + 0.5 * by_call.max(),
            "last turn": by_call.last(), "last third": by_call.apply(lambda d: d.iloc[-max(1, len(d) // 3):].mean())}
    for name, found in ways.items():
        value = -calls["call_id"].map(found)
        had = calls["has_dissatisfied"]
        rho = stats.spearmanr(calls["overall_mean"], value, nan_policy="omit").statistic
        print(f"| {name} | {auc(value[rated_low], value[rated_high]):.3f} | {auc(value[had], value[~had]):.3f} | "
              f"{rho:.3f} |")


def bootstrap_auc(low: pd.Series, high: pd.Series, rounds: int = 2000) -> tuple[float, float]:
    """A 95% percentile interval of the AUC, both groups resampled (seeded: the same run, the same interval)."""
    rng = np.random.default_rng(0)
    low, high = low.dropna().to_numpy(), high.dropna().to_numpy()
    found = [auc(pd.Series(rng.choice(low, len(low))), pd.Series(rng.choice(high, len(high)))) for _ in range(rounds)]
    return float(np.percentile(found, 2.5)), float(np.percentile(found, 97.5))

if __name__ == "__main__":
    main()
