"""The figure record shared by the extractor and its callers."""

from __future__ import annotations

from dataclasses import asdict, dataclass

KINDS = (
    "number", "count", "money", "percent", "quantity", "ordinal",
    "duration", "date", "time", "range", "set",
)
APPROX = ("approx", "more_than", "at_least", "at_most", "less_than")
TABLE_COLUMNS = ("start", "end", "text", "kind", "value", "low", "high", "unit", "counted", "approx", "resolved",
                 "resolved_end", "granularity", "relative")
"""The figures table's columns after paragraph_id and doc_id, in the order of `Figure.columns()`."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a text.

    value: the number with words and multipliers applied ("$300 billion" -> 3e11); None for
    ranges (low/high instead), dates, times and sets.
    unit: ISO 4217 code for money ("cent", "penny" for the subunits), "%" or "percentage point",
    a unit symbol for quantities ("km", "tonne", "°C", "km/h"), an ISO 8601 duration for
    durations ("P30D") and sets ("P1M"); for a range of durations, one step of its unit ("PT1M").
    resolved / resolved_end: ISO date, month or year ("2025-05-11", "2025-05", "2025"), a clock
    time ("14:30") or both ("2025-05-11T14:30"); a period carries its first and last part
    (week: Monday and Sunday, decade: "1850" and "1859"). None when it needs a publication date
    that was not given.
    granularity: day, week, month, quarter, half, season, year, decade, century, time or
    "part of day".
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    approx: str | None = None
    resolved: str | None = None
    resolved_end: str | None = None
    granularity: str | None = None
    relative: bool = False

    def to_dict(self) -> dict:
        return asdict(self)

    def columns(self) -> tuple:
        """Its values in the order of the figures table's columns after paragraph_id and doc_id.

        What loading workers send back: a tuple pickles in a sixth of the time a slotted dataclass
        does and unpickles in under half, in the process that writes.
        """
        return (self.start, self.end, self.text, self.kind, self.value, self.low, self.high, self.unit, self.counted,
                self.approx, self.resolved, self.resolved_end, self.granularity, int(self.relative))
