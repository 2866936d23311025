"""The figure record shared by the extractor and its callers."""

from __future__ import annotations

from dataclasses import asdict, dataclass

KINDS = (
    "number", "count", "money", "percent", "quantity", "ordinal",
    "duration", "date", "time", "range", "set",
)
APPROX = ("approx", "more_than", "at_least", "at_most", "less_than")


@dataclass(frozen=True, slots=True)
class Figure:
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
