"""Where a figure comes from: the board's five figures split by a dimension, and what one value of it
(a segment, a theme, a role) holds: its trend, its themes, its calls.

Built on the same aggregates and tests as the board (`empathy/figures/metrics.py`), so a segment's NPS, its
margin of error and its change mean exactly what the board's do.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from empathy.figures.metrics import (
    WORSE_WHEN_UP,
    Window,
    compare,
    figure_trends,
    grouped_aggregates,
    nps_test,
    nps_value,
    utc_bounds,
)
from empathy.figures.redact import redact, split_contacts
from empathy.figures.scope import Scope
from empathy.figures.settings import Settings
from empathy.figures.voice import VoiceRule
from empathy.store import Store
from sentiment import korean

FIGURES = ("nps", "csat", "ces", "sentiment", "participation")
TABLE_OF = {"nps": "surveys", "csat": "surveys", "ces": "surveys", "sentiment": "calls",
            "participation": "participation"}
NEGATIVE = -0.05  # as on the board: a mention at or below this compound is negative


def measured(scope: Scope) -> list[str]:
    """The figures the scope can be read for (calls have no respondent role, answers no call type)."""
    return [name for name in FIGURES if scope.applies_to(TABLE_OF[name])]


def segment_figures(store: Store, window: Window, scope: Scope, settings: Settings) -> pd.DataFrame:
    """One row per value of the scope's group and figure: value, figure, n, margin of error, the
    window before's value, the change, its p-value and significance, and whether n is small."""
    found = grouped_aggregates(store, [window.previous(), window], settings.timezone, settings.speeder_seconds,
                               scope)
    rows = []
    for value, (before, now) in found.items():
        for name, figure in compare(now, before, settings.min_n).items():
            if name in measured(scope):
                rows.append({"value": value, "metric": name, "figure": figure.value, "n": figure.n,
                             "margin_of_error": figure.details.get("margin_of_error"),
                             "previous": figure.previous, "delta": figure.test.delta,
                             "p_value": figure.test.p_value, "significant": figure.test.significant,
                             "low_n": figure.low_n})
    frame = pd.DataFrame(rows, columns=["value", "metric", "figure", "n", "margin_of_error", "previous", "delta",
                                        "p_value", "significant", "low_n"])
    shown = frame.groupby("value")["n"].transform("sum") > 0  # a value seen only in the window before
    return frame[shown].reset_index(drop=True)


def hurting_first(frame: pd.DataFrame, metric: str) -> list[str]:
    """The values ordered by what hurts most on `metric`: the lowest figure first (the highest share
    of unhappy calls), samples too small to judge after those that are not, values without the
    figure last."""
    rows = frame[frame["metric"] == metric]
    hurt = -rows["figure"] if metric in WORSE_WHEN_UP else rows["figure"]
    ordered = rows.assign(unknown=rows["figure"].isna(), small=rows["low_n"], hurt=hurt).sort_values(
        ["unknown", "small", "hurt", "value"], kind="stable")
    rest = sorted(set(frame["value"]) - set(ordered["value"]))
    return ordered["value"].tolist() + rest


def value_trends(store: Store, window: Window, scope: Scope, settings: Settings) -> pd.DataFrame:
    """Each figure of the scope over the board's trend windows ending with `window`."""
    return figure_trends(store, window, settings.trend_windows, timezone=settings.timezone, min_n=settings.min_n,
                         speeder_seconds=settings.speeder_seconds, scope=scope)[1]


def theme_mentions(store: Store, window: Window, scope: Scope, timezone: str) -> pd.DataFrame:
    """Per theme, how often comments and customer turns in scope mention it, their mean sentiment
    and how many of the mentions are negative; the most mentioned first."""
    lo, hi = utc_bounds(window, timezone)
    parts, params = [], []
    if scope.applies_to("surveys"):
        joins, _, where, bound = scope.source("surveys")
        parts.append(f"""SELECT unnest(s.themes) AS theme, s.sentiment AS compound FROM {joins}
                         WHERE s.superseded_by IS NULL AND s.submitted_at >= ? AND s.submitted_at < ?{where}""")
        params += [lo, hi, *bound]
    if scope.applies_to("calls"):
        joins, _, where, bound = scope.source("calls")
        parts.append(f"""SELECT unnest(u.themes), u.compound FROM {joins}
                         JOIN utterances u ON u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash
                         WHERE c.superseded_by IS NULL AND c.started_at >= ? AND c.started_at < ?
                           AND u.role = 'customer'{where}""")
        params += [lo, hi, *bound]
    if not parts:
        return pd.DataFrame(columns=["theme", "mentions", "sentiment", "negative"])
    return store.query(f"""
        SELECT theme, count(*) AS mentions, avg(compound) AS sentiment,
               count(*) FILTER (WHERE compound <= {NEGATIVE}) AS negative
        FROM ({" UNION ALL ".join(parts)}) GROUP BY theme ORDER BY mentions DESC, theme""", params)


def calls_in_scope(store: Store, window: Window, scope: Scope, timezone: str, limit: int = 500) -> pd.DataFrame:
    """The calls in scope in the window, the most negative first."""
    if not scope.applies_to("calls"):
        return pd.DataFrame(columns=CALL_COLUMNS)
    lo, hi = utc_bounds(window, timezone)
    joins, _, where, params = scope.source("calls")
    return store.query(f"""
        SELECT c.call_id, c.started_at, c.account_id, acc.account_name, coalesce(c.call_type, 'support') AS call_type,
               c.agent, c.sentiment_mean, c.sentiment_min, c.negative, c.escalated, c.resolved, c.customer_turns
        FROM {joins}
        LEFT JOIN accounts acc ON acc.account_id = c.account_id AND acc.superseded_by IS NULL
        WHERE c.superseded_by IS NULL AND c.started_at >= ? AND c.started_at < ?{where}
        ORDER BY c.sentiment_mean NULLS LAST, c.started_at DESC, c.call_id LIMIT ?""", [lo, hi, *params, limit])


def languages_said(store: Store, window: Window, scope: Scope, timezone: str) -> pd.DataFrame:
    """How many calls (by the language most of their scored customer turns are in) and survey comments
    in scope in the window are in each language: kind ("call" or "comment"), language, n."""
    lo, hi = utc_bounds(window, timezone)
    parts, params = [], []
    for kind, source, alias, said_at in (("call", "calls", "c", "started_at"), ("comment", "surveys", "s", "submitted_at")):
        if scope.applies_to(source):
            joins, _, where, bound = scope.source(source)
            parts.append(f"""SELECT '{kind}' AS kind, {alias}.language, count(*) AS n FROM {joins}
                             WHERE {alias}.superseded_by IS NULL AND {alias}.language IS NOT NULL
                               AND {alias}.{said_at} >= ? AND {alias}.{said_at} < ?{where} GROUP BY ALL""")
            params += [lo, hi, *bound]
    if not parts:
        return pd.DataFrame({"kind": pd.Series(dtype="str"), "language": pd.Series(dtype="str"),
                             "n": pd.Series(dtype="int64")})
    return store.query(" UNION ALL ".join(parts) + " ORDER BY kind, n DESC", params)


CALL_COLUMNS = ["call_id", "started_at", "account_id", "account_name", "call_type", "agent", "sentiment_mean",
                "sentiment_min", "negative", "escalated", "resolved", "customer_turns"]


def theme_impact(store: Store, window: Window, timezone: str, scope: Scope = Scope()) -> pd.DataFrame:
    """For each theme, the NPS of answers whose comment mentions it against the NPS of those that
    don't, with n, the z-test of the gap, and the points it moves the overall NPS:
    overall - NPS(without) = share mentioning x gap. Most costly first."""
    lo, hi = utc_bounds(window, timezone)
    joins, _, where, params = scope.source("surveys")
    answers = f"""SELECT s.score, s.themes FROM {joins} WHERE s.superseded_by IS NULL AND s.metric = 'nps'
                  AND s.submitted_at >= ? AND s.submitted_at < ?{where}"""
    found = store.query(f"""
        WITH answers AS ({answers}),
        overall AS (SELECT count(*) AS n, count(*) FILTER (WHERE score >= 9) AS promoters,
                           count(*) FILTER (WHERE score <= 6) AS detractors FROM answers)
        SELECT t.theme, t.n, t.promoters, t.detractors, o.n AS total_n, o.promoters AS total_promoters,
               o.detractors AS total_detractors
        FROM (SELECT theme, count(*) AS n, count(*) FILTER (WHERE score >= 9) AS promoters,
                     count(*) FILTER (WHERE score <= 6) AS detractors
              FROM (SELECT unnest(themes) AS theme, score FROM answers) GROUP BY theme) t, overall o""",
                        [lo, hi, *params])
    rows = []
    for r in found.itertuples():
        rest = (r.total_promoters - r.promoters, r.total_detractors - r.detractors, r.total_n - r.n)
        if not rest[2]:
            continue  # every answer mentions it: nothing to compare with
        with_theme, without = nps_value(r.promoters, r.detractors, r.n)[0], nps_value(*rest)[0]
        overall = nps_value(r.total_promoters, r.total_detractors, r.total_n)[0]
        test = nps_test((r.promoters, r.detractors, r.n), rest)
        rows.append({"theme": r.theme, "n": r.n, "nps": with_theme, "n_without": rest[2], "nps_without": without,
                     "gap": with_theme - without, "effect": overall - without, "p_value": test.p_value,
                     "significant": test.significant})
    frame = pd.DataFrame(rows, columns=["theme", "n", "nps", "n_without", "nps_without", "gap", "effect",
                                        "p_value", "significant"])
    return frame.sort_values(["effect", "theme"]).reset_index(drop=True)


STOPWORDS = frozenset("""a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
or other our ours out over own same she should so some such than that the their theirs them then there these they
this those through to too under until up very was we were what when where which while who whom why will with would
you your yours us also get got still even really already yet every one since again lot much many
i'm it's we'd don't can't didn't doesn't isn't wasn't we're they're you're i've we've
너무 정말 진짜 완전 좀 잘 더 또 다 때 것 수 거 이번 하다 되다 있다 같다 보다 주다""".split())


def untagged_phrases(store: Store, window: Window, timezone: str, rule: VoiceRule, top: int = 20) -> pd.DataFrame:
    """The two- and three-word phrases that recur most in negative verbatims no theme tags (survey
    comments and customer turns), as candidates for new themes: phrase, how many verbatims hold it,
    and one of them (redacted). A phrase neither starts nor ends with a common word like "the". Korean
    text is read by its lemmas (`korean.lemma_words`), so 느려요 and 느립니다 are one phrase, 느리다,
    which matches every form of it when added to the taxonomy."""
    lo, hi = utc_bounds(window, timezone)
    found = store.query(f"""
        SELECT q.text, q.lemmas, a.contacts FROM (
            SELECT comment AS text, lemmas, account_id FROM survey_responses
            WHERE superseded_by IS NULL AND sentiment <= {NEGATIVE} AND len(themes) = 0
              AND submitted_at >= ? AND submitted_at < ?
            UNION ALL
            SELECT u.text, u.lemmas, c.account_id FROM utterances u
            JOIN calls c ON u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash
            WHERE c.superseded_by IS NULL AND u.role = 'customer' AND u.scored AND u.compound <= {NEGATIVE}
              AND len(u.themes) = 0 AND c.started_at >= ? AND c.started_at < ?) q
        LEFT JOIN accounts a ON a.account_id = q.account_id AND a.superseded_by IS NULL""", [lo, hi, lo, hi])
    counts: Counter[str] = Counter()
    example: dict[str, tuple[str, str | None]] = {}
    for text, lemmas, contacts in zip(found["text"], found["lemmas"], found["contacts"]):
        words = korean.lemma_words(lemmas) if isinstance(lemmas, str) else \
            re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
        seen = {" ".join(words[i:i + size]) for size in (2, 3) for i in range(len(words) - size + 1)
                if words[i] not in STOPWORDS and words[i + size - 1] not in STOPWORDS}
        counts.update(seen)
        for phrase in seen:
            example.setdefault(phrase, (text, None if pd.isna(contacts) else contacts))
    common: list[tuple[str, int]] = []
    for phrase, count in sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0])):
        if count > 1 and len(common) < top and not any(count == c and phrase in p for p, c in common):
            common.append((phrase, count))  # "big wins" is left out when "no big wins either" counts as often
    return pd.DataFrame({"phrase": [p for p, _ in common], "verbatims": [c for _, c in common],
                         "example": [redact(example[p][0], split_contacts(example[p][1]), rule.phone_regions)
                                     for p, _ in common]})
