from datetime import date

import pandas as pd

from empathy.meeting.charts import trend_chart


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
