"""Every figure in the two seed articles, with what it counts and the date it resolves to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.figures import Figure, extract

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
Row = tuple[str, str, float | None, str | None, str | None, str | None, str | None, str | None]

# (text, kind, value, counted, approx, resolved, resolved_end, unit), in reading order
SEED_000: list[Row] = [
    ('2025-05-11', 'date', None, None, None, '2025-05-11', None, None),
    ('February 24, 2022 to May 8, 2025', 'range', None, None, None, '2022-02-24', '2025-05-08', None),
    ('end of April', 'date', None, None, None, '2025-04', None, None),
    ('2,857', 'count', 2857, 'Russian military personnel', None, None, None, None),
    ('May 12', 'date', None, None, None, '2025-05-12', None, None),
    ('May 11', 'date', None, None, None, '2025-05-11', None, None),
    ('two', 'count', 2, 'countries', None, None, None, None),
    ('Three', 'number', 3, None, None, None, None, None),
    ('May 11', 'date', None, None, None, '2025-05-11', None, None),
    ('Thursday', 'date', None, None, None, '2025-05-15', None, None),
    ('This week', 'date', None, None, None, '2025-05-05', '2025-05-11', None),
    ('Victory Day', 'date', None, None, None, '2025-05-09', None, None),
    ('this week', 'date', None, None, None, '2025-05-05', '2025-05-11', None),
    ('Thursday', 'date', None, None, None, '2025-05-15', None, None),
    ('May 14–16', 'range', None, None, None, '2025-05-14', '2025-05-16', None),
    ('May 15', 'date', None, None, None, '2025-05-15', None, None),
    ('Over 107,000', 'count', 107000, 'Russian soldiers', 'more_than', None, None, None),
    ('107,620', 'count', 107620, 'Russian military personnel', None, None, None, None),
    ('February 24, 2022 to May 8, 2025', 'range', None, None, None, '2022-02-24', '2025-05-08', None),
    ('end of April', 'date', None, None, None, '2025-04', None, None),
    ('2,857', 'count', 2857, 'Russian military personnel', None, None, None, None),
    ('first', 'ordinal', 1, 'time', None, None, None, None),
    ('February', 'date', None, None, None, '2025-02', None, None),
    ('third', 'ordinal', 3, 'year anniversary', None, None, None, None),
    ('26,600', 'count', 26600, 'volunteers', None, None, None, None),
    ('17,100', 'count', 17100, 'recruited prisoners', None, None, None, None),
    ('nearly 12,000', 'count', 12000, 'mobilized soldiers', 'approx', None, None, None),
    ('Over 5,000', 'count', 5000, 'officers', 'more_than', None, None, None),
    ('in recent months', 'date', None, None, None, '2025-02', '2025-05', None),
    ('Feb. 24', 'date', None, None, None, '2025-02-24', None, None),
    ('around 165,000', 'count', 165000, 'Russian troops', 'approx', None, None, None),
    ('nearly 100,000', 'number', 100000, None, 'approx', None, None, None),
    ('2024', 'date', None, None, None, '2024', None, None),
    ('Feb. 15', 'date', None, None, None, '2025-02-15', None, None),
    ('around 250,000', 'count', 250000, 'soldiers', 'approx', None, None, None),
    ('20,000', 'count', 20000, 'killed', None, None, None, None),
    ('December', 'date', None, None, None, '2024-12', None, None),
    ('48,000', 'count', 48000, 'requests', None, None, None, None),
    ('Feb. 16', 'date', None, None, None, '2025-02-16', None, None),
    ('over 46,000', 'count', 46000, 'Ukrainian soldiers', 'more_than', None, None, None),
    ('380,000', 'count', 380000, 'injured', None, None, None, None),
    ('As of April 11', 'date', None, None, None, '2025-04-11', None, None),
    ('965,890', 'count', 965890, 'troops', None, None, None, None),
    ('May 11', 'date', None, None, None, '2025-05-11', None, None),
    ('May 15', 'date', None, None, None, '2025-05-15', None, None),
    ('30-day', 'duration', 30, None, None, None, None, 'P30D'),
]

SEED_003: list[Row] = [
    ('16-05-2025', 'date', None, None, None, '2025-05-16', None, None),
    ('909', 'count', 909, 'bodies', None, None, None, None),
    ('34', 'count', 34, 'Russian soldiers', None, None, None, None),
    ('909', 'count', 909, 'servicemen', None, None, None, None),
    ('on a monthly basis', 'set', None, None, None, None, None, 'P1M'),
    ('January', 'date', None, None, None, '2025-01', None, None),
    ('757', 'count', 757, 'bodies', None, None, None, None),
    ('49', 'count', 49, 'troops', None, None, None, None),
    ('February', 'date', None, None, None, '2025-02', None, None),
    ('757', 'count', 757, 'bodies', None, None, None, None),
    ('45', 'number', 45, None, None, None, None, None),
    ('March', 'date', None, None, None, '2025-03', None, None),
    ('909', 'count', 909, 'Ukrainian servicemen', None, None, None, None),
    ('43', 'count', 43, 'Russians', None, None, None, None),
    ('eight', 'count', 8, 'civilians', None, None, None, None),
    ('Last month', 'date', None, None, None, '2025-04', None, None),
    ('909', 'count', 909, 'Ukrainian bodies', None, None, None, None),
    ('41', 'count', 41, 'soldiers', None, None, None, None),
    ('Friday', 'date', None, None, None, '2025-05-16', None, None),
    ('three', 'count', 3, 'exchanges', None, None, None, None),
    ('April 26', 'date', None, None, None, '2025-04-26', None, None),
    ('more than 76,000', 'number', 76000, None, 'more_than', None, None, None),
    ('first', 'ordinal', 1, 'direct talks', None, None, None, None),
    ('over three years', 'duration', 3, None, 'more_than', None, None, 'P3Y'),
    ('Friday', 'date', None, None, None, '2025-05-16', None, None),
    ('1,000', 'count', 1000, 'prisoners', None, None, None, None),
    ('an hour ago', 'date', None, None, None, '2025-05-16', None, None),
    ('Tuesday', 'date', None, None, None, '2025-05-13', None, None),
    ('January', 'date', None, None, None, '2025-01', None, None),
    ('first', 'ordinal', 1, 'time', None, None, None, None),
    ('since 2022', 'date', None, None, None, '2022', None, None),
    ('first', 'ordinal', 1, 'Istanbul negotiations', None, None, None, None),
    ('Last week', 'date', None, None, None, '2025-05-05', '2025-05-11', None),
    ('$300 billion', 'money', 300000000000, None, None, None, None, 'USD'),
    ('April', 'date', None, None, None, '2025-04', None, None),
    ('in recent months', 'date', None, None, None, '2025-02', '2025-05', None),
    ('some 20,000', 'count', 20000, 'anti-drone missiles', 'approx', None, None, None),
    ('Sunday', 'date', None, None, None, '2025-05-11', None, None),
    ('an hour ago', 'date', None, None, None, '2025-05-16', None, None),
    ('today', 'date', None, None, None, '2025-05-16', None, None),
    ('in the past 25 years', 'duration', 25, None, None, '2000', '2025', 'P25Y'),
    ('today', 'date', None, None, None, '2025-05-16', None, None),
    ('19th-century', 'date', None, None, None, '1800', '1899', None),
    ('1917', 'date', None, None, None, '1917', None, None),
    ('at least one', 'count', 1, 'Western partner', 'at_least', None, None, None),
    ('1850s', 'date', None, None, None, '1850', '1859', None),
    ('Today', 'date', None, None, None, '2025-05-16', None, None),
    ('one', 'number', 1, None, None, None, None, None),
    ('the coming years', 'date', None, None, None, '2025', '2028', None),
    ('first', 'ordinal', 1, None, None, None, None, None),
    ('2 hours ago', 'date', None, None, None, '2025-05-16', None, None),
    ('18th', 'ordinal', 18, 'sanctions package', None, None, None, None),
    ('Tuesday', 'date', None, None, None, '2025-05-13', None, None),
    ('April', 'date', None, None, None, '2025-04', None, None),
    ('Tuesday', 'date', None, None, None, '2025-05-13', None, None),
    ('Tuesday', 'date', None, None, None, '2025-05-13', None, None),
    ('today', 'date', None, None, None, '2025-05-16', None, None),
]

CASES = [
    ("000_f7ba2992e29d3270.txt", dt.date(2025, 5, 11), SEED_000),
    ("003_7f94f20fc10e6d5d.txt", dt.date(2025, 5, 16), SEED_003),
]


def _figures(name: str, published: dt.date) -> tuple[str, list[Figure]]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, extract(text, published)


@pytest.mark.parametrize(("name", "published", "expected"), CASES, ids=["seed000", "seed003"])
def test_every_figure_of_the_seed(name: str, published: dt.date, expected: list[Row]) -> None:
    text, figures = _figures(name, published)
    assert [(f.text, f.kind) for f in figures] == [(row[0], row[1]) for row in expected]
    for f, (surface, kind, value, counted, approx, resolved, resolved_end, unit) in zip(figures, expected):
        assert text[f.start:f.end] == f.text == surface
        assert (f.value, f.counted, f.approx) == (value, counted, approx), surface
        assert (f.resolved, f.resolved_end, f.unit) == (resolved, resolved_end, unit), surface


@pytest.mark.parametrize(("name", "published", "expected"), CASES, ids=["seed000", "seed003"])
def test_seed_figures_are_sorted_and_disjoint(name: str, published: dt.date, expected: list[Row]) -> None:
    _, figures = _figures(name, published)
    for a, b in zip(figures, figures[1:]):
        assert a.end <= b.start


def _one(name: str, published: dt.date, surface: str, nth: int = 0) -> Figure:
    text, figures = _figures(name, published)
    found = [f for f in figures if f.text == surface]
    assert len(found) > nth, surface
    return found[nth]


S000 = ("000_f7ba2992e29d3270.txt", dt.date(2025, 5, 11))
S003 = ("003_7f94f20fc10e6d5d.txt", dt.date(2025, 5, 16))


def test_period_between_two_full_dates() -> None:
    f = _one(*S000, "February 24, 2022 to May 8, 2025")
    assert (f.kind, f.resolved, f.resolved_end, f.relative) == ("range", "2022-02-24", "2025-05-08", False)


def test_additional_is_not_part_of_what_is_counted() -> None:
    f = _one(*S000, "2,857")
    assert (f.kind, f.value, f.counted) == ("count", 2857, "Russian military personnel")


def test_month_day_without_year_takes_the_nearest_year() -> None:
    assert _one(*S000, "May 12").resolved == "2025-05-12"
    assert _one(*S000, "Feb. 24").resolved == "2025-02-24"
    assert _one(*S000, "December").resolved == "2024-12"


def test_weekday_after_will_looks_ahead() -> None:
    f = _one(*S000, "Thursday")
    assert (f.resolved, f.relative, f.granularity) == ("2025-05-15", True, "day")


def test_weekday_in_past_report_is_the_latest_one() -> None:
    assert _one(*S003, "Friday").resolved == "2025-05-16"
    assert _one(*S003, "Sunday").resolved == "2025-05-11"
    assert _one(*S003, "Tuesday").resolved == "2025-05-13"


def test_day_range_within_a_month() -> None:
    f = _one(*S000, "May 14–16")
    assert (f.kind, f.resolved, f.resolved_end) == ("range", "2025-05-14", "2025-05-16")


def test_three_in_words() -> None:
    f = _one(*S000, "Three")
    assert (f.kind, f.value) == ("number", 3)


def test_qualified_counts() -> None:
    f = _one(*S000, "nearly 12,000")
    assert (f.kind, f.value, f.counted, f.approx) == ("count", 12000, "mobilized soldiers", "approx")
    f = _one(*S000, "Over 5,000")
    assert (f.value, f.counted, f.approx) == (5000, "officers", "more_than")
    f = _one(*S000, "around 165,000")
    assert (f.value, f.counted, f.approx) == (165000, "Russian troops", "approx")
    f = _one(*S003, "more than 76,000")
    assert (f.kind, f.value, f.approx) == ("number", 76000, "more_than")
    f = _one(*S003, "some 20,000")
    assert (f.value, f.counted, f.approx) == (20000, "anti-drone missiles", "approx")


def test_year_inside_a_phrase_is_a_date() -> None:
    f = _one(*S000, "2024")
    assert (f.kind, f.resolved, f.granularity) == ("date", "2024", "year")
    assert _one(*S000, "nearly 100,000").value == 100000


def test_thirty_day_ceasefire_is_a_duration() -> None:
    f = _one(*S000, "30-day")
    assert (f.kind, f.unit, f.value) == ("duration", "P30D", 30)


def test_monthly_basis_is_a_set() -> None:
    f = _one(*S003, "on a monthly basis")
    assert (f.kind, f.unit) == ("set", "P1M")


def test_relative_months() -> None:
    assert _one(*S003, "January").resolved == "2025-01"
    assert _one(*S003, "Last month").resolved == "2025-04"
    f = _one(*S000, "in recent months")
    assert (f.resolved, f.resolved_end, f.relative) == ("2025-02", "2025-05", True)


def test_over_three_years_is_a_qualified_duration() -> None:
    f = _one(*S003, "over three years")
    assert (f.kind, f.unit, f.approx) == ("duration", "P3Y", "more_than")


def test_money_with_multiplier() -> None:
    f = _one(*S003, "$300 billion")
    assert (f.kind, f.value, f.unit) == ("money", 3e11, "USD")


def test_ordinals_count_what_follows() -> None:
    f = _one(*S003, "18th")
    assert (f.kind, f.value, f.counted) == ("ordinal", 18, "sanctions package")
    f = _one(*S000, "third")
    assert (f.kind, f.value, f.counted) == ("ordinal", 3, "year anniversary")


def test_centuries_decades_years() -> None:
    f = _one(*S003, "19th-century")
    assert (f.kind, f.resolved, f.resolved_end, f.granularity) == ("date", "1800", "1899", "century")
    assert _one(*S003, "1917").resolved == "1917"
    f = _one(*S003, "1850s")
    assert (f.resolved, f.resolved_end, f.granularity) == ("1850", "1859", "decade")


def test_past_years_span() -> None:
    f = _one(*S003, "in the past 25 years")
    assert (f.kind, f.unit, f.resolved, f.resolved_end) == ("duration", "P25Y", "2000", "2025")


def test_hours_ago_resolve_to_the_publication_day() -> None:
    assert _one(*S003, "an hour ago").resolved == "2025-05-16"
    assert _one(*S003, "2 hours ago").resolved == "2025-05-16"


def test_each_and_past_exchanges() -> None:
    f = _one(*S003, "1,000")
    assert (f.kind, f.counted) == ("count", "prisoners")
    f = _one(*S003, "three")
    assert (f.kind, f.value, f.counted) == ("count", 3, "exchanges")


def test_handed_over_is_not_a_qualifier() -> None:
    f = _one(*S003, "909", 3)
    assert (f.counted, f.approx) == ("Ukrainian bodies", None)
