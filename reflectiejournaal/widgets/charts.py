"""A bar chart drawn by plotext, in the colours of the app's theme, with whole numbers only.

Counts of entries are whole numbers: the axis shows at most five of them, and the bars use
half-block characters so a bar of 1 is visibly half a bar of 2 even a few rows high.
"""

from __future__ import annotations

from textual.color import Color
from textual_plotext import PlotextPlot

MAX_TICKS = 5


class BarChart(PlotextPlot):
    """Focusable, so Tab brings a chart below the fold into view at 80×24."""

    DEFAULT_CSS = """
    BarChart { height: 10; width: 1fr; }
    BarChart:focus { background-tint: $foreground 8%; }
    """
    can_focus = True

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.bars: list[tuple[str, int]] = []

    def show(self, title: str, bars: list[tuple[str, int]]) -> None:
        """Draw ``bars`` (label, count) under ``title``; drawn again on each change."""
        self.bars = bars
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title)
        labels = [label for label, _ in bars]
        values = [value for _, value in bars]
        top = max([1, *values])
        plt.bar(labels, values, marker="hd", width=0.6, color=self._colour())
        plt.ylim(0, top)
        step = -(-top // MAX_TICKS)
        plt.yticks(list(range(step, top + 1, step)))
        self.refresh()

    def _colour(self) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables.get("primary", "cyan")).rgb
