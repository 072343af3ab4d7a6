from datetime import date

import pandas as pd

from empathy.meeting.charts import calls_chart, impact_chart, segment_chart, trend_chart


def test_trend_marks_the_current_window_and_hollows_low_samples():
    trend = pd.DataFrame({"window": ["2026-W45", "2026-W46", "2026-W47"],
                          "start": [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)],
                          "value": [10.0, 12.0, 8.0], "n": [40, 12, 35], "low_n": [False, True, False]})
    spec = trend_chart(trend, "+.0f").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["current"] for r in rows] == [False, False, True]
    assert [r["sample"] for r in rows] == ["enough answers", "low n", "enough answers"]
    line, points = spec["layer"]
    assert line["mark"]["type"] == "line" and points["mark"]["type"] == "point"
    assert points["encoding"]["fill"]["condition"][0] == {"test": "datum.low_n", "value": "white"}


def test_conditional_marks_pass_vega_lites_schema():
    """The charts' conditions are written as channel values, not `alt.when`: checked against the schema here."""
    rows = pd.DataFrame({"value": ["EMEA", "APAC"], "figure": [20.0, -5.0], "margin_of_error": [4.0, None],
                         "n": [80, 6], "low_n": [False, True]})
    segments = segment_chart(rows, "+.0f", "NPS").to_dict()
    assert segments["layer"][0]["encoding"]["opacity"] == {
        "condition": [{"test": "datum.low_n", "value": 0.3}], "value": 0.9}
    timeline = pd.DataFrame({"kind": ["call", "call"], "said_at": pd.to_datetime(["2026-11-02", "2026-11-09"]),
                             "sentiment": [-0.6, 0.4], "escalated": [True, False]})
    calls = calls_chart(timeline).to_dict()
    colours = [layer["encoding"]["color"] for layer in calls["layer"] if "color" in layer.get("encoding", {})]
    assert colours == [{"condition": [{"test": "datum.escalated", "value": "#b91c1c"}], "value": "#2563eb"}]
    impact = impact_chart(pd.DataFrame({"theme": ["billing", "speed"], "effect": [-6.0, 2.0],
                                        "significant": [True, False], "gap": [-20.0, 5.0], "n": [50, 40]})).to_dict()
    assert impact["encoding"]["color"]["condition"] == [{"test": "datum.effect < 0", "value": "#b91c1c"}]
    assert impact["encoding"]["opacity"]["condition"] == [{"test": "datum.significant", "value": 0.9}]
