"""Call sentiment against people's own ratings: the service dialogues of ../shared/data/service-dialogues
(400 dialogues, per-turn and per-dialogue satisfaction ratings by three to five annotators; README there).

The calls sheet is loaded through the project's own load path (`load_sheet`, into a store of its own
in a temporary folder), and what it stored is compared with the truth:
- role placement: each stored turn's role against its true role (agent turns counted as the
  customer's are the error that matters; customer turns left unplaced lose their words);
- turn level: among true customer turns, how well the stored compound separates dissatisfied turns
  (mean rating <= 2.5) from satisfied ones (>= 3.5), as the AUC (the chance that a random dissatisfied
  turn scores below a random satisfied one), beside plain VADER on the same texts in the same run;
- call level: the call's mean customer compound and its "negative" flag against the dialogues rated
  <= 2.5 overall, and the AUC of the call mean for calls with at least one dissatisfied turn.

Run: .venv/bin/python bench/bench_dialogues.py
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from empathy.access import SYSTEM  # noqa: E402
from empathy.loading import load_sheet  # noqa: E402
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
    rated_low = calls["overall_mean"] <= 2.5
    print(f"\nCall level: {len(calls)} calls, {rated_low.sum()} rated <= 2.5 overall, "
          f"{calls['has_dissatisfied'].sum()} with a dissatisfied turn\n")
    print(f"- 'negative' flag fired on {int(calls['negative'].fillna(False).sum())} calls, "
          f"{int((calls['negative'].fillna(False) & rated_low).sum())} of them rated <= 2.5 overall")
    had, calm = calls[calls["has_dissatisfied"]], calls[~calls["has_dissatisfied"]]
    vader_auc = auc(had["sentiment_mean"], calm["sentiment_mean"])
    print(f"- AUC, calls with a dissatisfied turn vs without: VADER call mean {vader_auc:.3f}; "
          f"call dissatisfaction {auc(-had['dissatisfaction'], -calm['dissatisfaction']):.3f}")
    def rho(column: str, sign: int) -> float:
        return stats.spearmanr(calls["overall_mean"], sign * calls[column], nan_policy="omit").statistic
    print(f"- Spearman with the dialogue's overall rating: VADER call mean {rho('sentiment_mean', 1):.3f}; "
          f"call dissatisfaction (negated) {rho('dissatisfaction', -1):.3f}")
    print(f"- dialogues rated <= 2.5: mean call dissatisfaction {calls.loc[rated_low, 'dissatisfaction'].mean():.3f}, "
          f"others {calls.loc[~rated_low, 'dissatisfaction'].mean():.3f}")


if __name__ == "__main__":
    main()
