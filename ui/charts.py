"""Chart builders: each takes a frame and returns an Altair chart, nothing else."""

from __future__ import annotations

import altair as alt
import pandas as pd

INK, MUTED, ACCENT = "#1f2937", "#9ca3af", "#2563eb"


def trend_chart(trend: pd.DataFrame, value_format: str, height: int = 70) -> alt.Chart:
    """A figure over its last windows (window, start, value, n, low_n): a line whose last point, the
    window on the board, is marked; windows below the minimum n are hollow points."""
    frame = trend.assign(current=trend["start"] == trend["start"].max(),
                         sample=trend["low_n"].map({True: "low n", False: "enough answers"}))
    base = alt.Chart(frame).encode(
        x=alt.X("start:T", axis=None),
        y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("window:N", title="Window"),
                 alt.Tooltip("value:Q", title="Value", format=value_format),
                 alt.Tooltip("n:Q", title="n"), alt.Tooltip("sample:N", title="Sample")])
    line = base.mark_line(color=MUTED, strokeWidth=2)
    stroke = alt.when("datum.current").then(alt.value(ACCENT)).otherwise(alt.value(MUTED))
    fill = alt.when("datum.low_n").then(alt.value("white")).when("datum.current").then(alt.value(ACCENT)) \
        .otherwise(alt.value(MUTED))
    points = base.mark_point(size=60, strokeWidth=2, filled=True).encode(stroke=stroke, fill=fill)
    return (line + points).properties(height=height).configure_view(stroke=None)
