"""Figure extraction on single sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys

import pytest

from store.figures import Figure, extract

PUB = dt.date(2025, 5, 11)


def only(text: str, published: dt.date | None = PUB) -> Figure:
    figures = extract(text, published)
    assert len(figures) == 1, figures
    return figures[0]


def find(text: str, surface: str, published: dt.date | None = PUB) -> Figure:
    for f in extract(text, published):
        if f.text == surface:
            return f
    raise AssertionError(f"{surface!r} not among {[f.text for f in extract(text, published)]}")


def test_figure_is_frozen_and_serialisable() -> None:
    f = only("They sent $300 billion to Ukraine.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.value = 1  # type: ignore[misc]
    d = f.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["kind"] == "money" and d["unit"] == "USD" and d["value"] == 3e11


def test_spans_are_offsets_into_the_text() -> None:
    text = "Over 5,000 officers and 26,600 volunteers were killed on May 11."
    figures = extract(text, PUB)
    assert [f.text for f in figures] == ["Over 5,000", "26,600", "May 11"]
    for f in figures:
        assert text[f.start:f.end] == f.text
    assert all(a.end <= b.start for a, b in zip(figures, figures[1:]))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Three were injured.", "Three", 3),
        ("It costs 1.5 million.", "1.5 million", 1_500_000),
        ("one hundred and sixty-one", "one hundred and sixty-one", 161),
        ("twenty-one trillion three hundred", "twenty-one trillion three hundred", 21_000_000_000_300),
        ("two and a half", "two and a half", 2.5),
        ("a dozen", "a dozen", 12),
        ("The total is 1,234,567.", "1,234,567", 1_234_567),
        ("10k", "10k", 10_000),
        ("1.3e6", "1.3e6", 1_300_000),
        ("three quarters", "three quarters", 0.75),
        ("The answer is minus five point five", "minus five point five", -5.5),
    ],
)
def test_numbers_in_digits_and_words(text: str, surface: str, value: float) -> None:
    f = find(text, surface)
    assert f.kind == "number"
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("between 900 and 1,000 people", "between 900 and 1,000", 900, 1000),
        ("between 5 and 10 people", "between 5 and 10", 5, 10),
        ("The number range is 1000-5000", "1000-5000", 1000, 5000),
        ("from one thousand to one thousand and five hundred", "from one thousand to one thousand and five hundred", 1000, 1500),
        ("The deal is worth between $1.2 and $1.5 billion.", "between $1.2 and $1.5 billion", 1.2e9, 1.5e9),
        ("From 2 to 3 million people fled.", "From 2 to 3 million", 2e6, 3e6),
        ("It costs $5 to $10 million", "$5 to $10 million", 5e6, 1e7),
        ("between 500,000 and 1.5 million people", "between 500,000 and 1.5 million", 5e5, 1.5e6),
        ("from 20 to 1.5 million", "from 20 to 1.5 million", 20, 1.5e6),
    ],
)
def test_ranges(text: str, surface: str, low: float, high: float) -> None:
    f = extract(text, PUB)[0]
    assert f.text == surface
    assert (f.kind, f.value, f.low, f.high) == ("range", None, low, high)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("They sent $300 billion to Ukraine.", "$300 billion", 3e11, "USD"),
        ("a fine of €2 million", "€2 million", 2e6, "EUR"),
        ("its quarterly operating profit improved to 361 million pounds", "361 million pounds", 361e6, "GBP"),
        ("He was paid 5,000 hryvnias.", "5,000 hryvnias", 5000, "UAH"),
        ("I would like to buy this item for USD 200.", "USD 200", 200, "USD"),
        ("five million yen", "five million yen", 5e6, "JPY"),
        ("the deal was worth 12 billion rubles", "12 billion rubles", 12e9, "RUB"),
    ],
)
def test_money(text: str, surface: str, value: float, unit: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.unit) == ("money", unit)
    assert f.value == pytest.approx(value)


def test_range_of_durations_keeps_the_unit() -> None:
    f = only("It takes 5 to 10 minutes.")
    assert (f.kind, f.low, f.high, f.unit) == ("range", 5, 10, "PT1M")


def test_percent_and_percentage_points() -> None:
    f = find("Prices rose 27% in the quarter.", "27%")
    assert (f.kind, f.value, f.unit) == ("percent", 27, "%")
    f = find("Support fell by 3 percentage points.", "3 percentage points")
    assert (f.kind, f.value, f.unit) == ("percent", 3, "percentage point")
    assert find("twenty percent", "twenty percent").value == 20


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("the 1,500,000 kilometres from Earth", "1,500,000 kilometres", 1_500_000, "km"),
        ("a 45-acre horse farm", "45-acre", 45, "acre"),
        ("16,000 metric tons of psyllium", "16,000 metric tons", 16000, "tonne"),
        ("The average weight is 10kg.", "10kg", 10, "kg"),
        ("temperatures near 32 degrees Celsius", "32 degrees Celsius", 32, "°C"),
        ("it can run at over 188 miles an hour", "over 188 miles an hour", 188, "mph"),
    ],
)
def test_quantities(text: str, surface: str, value: float, unit: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.unit) == ("quantity", unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("a full 30-day unconditional ceasefire", "30-day", "P30D"),
        ("he served three years in prison", "three years", "P3Y"),
        ("the mission took 16 hours", "16 hours", "PT16H"),
        ("after a two-year maintenance period", "two-year", "P2Y"),
    ],
)
def test_durations_are_iso_8601(text: str, surface: str, unit: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.unit) == ("duration", unit)


@pytest.mark.parametrize(
    ("text", "value", "counted", "approx"),
    [
        ("2,857 additional Russian military personnel have been confirmed killed.", 2857, "Russian military personnel", None),
        ("the ministry returned 909 bodies to Ukraine", 909, "bodies", None),
        ("and nearly 12,000 mobilized soldiers, according to the media", 12000, "mobilized soldiers", "approx"),
        ("it rerouted some 20,000 anti-drone missiles to the Middle East", 20000, "anti-drone missiles", "approx"),
        ("the sides agreed to swap 1,000 prisoners each", 1000, "prisoners", None),
        ("at least 14 people died", 14, "people", "at_least"),
        ("up to 700 contract workers", 700, "contract workers", "at_most"),
        ("fewer than 50 cases", 50, "cases", "less_than"),
        ("an estimated 3,000 homes", 3000, "homes", "approx"),
        ("25 naïve recruits were sent", 25, "naïve recruits", None),
        ("some 40 Ukrainian émigrés returned", 40, "Ukrainian émigrés", "approx"),
        ("3 cafés closed", 3, "cafés", None),
    ],
)
def test_counts(text: str, value: float, counted: str, approx: str | None) -> None:
    f = only(text)
    assert (f.kind, f.value, f.counted, f.approx) == ("count", value, counted, approx)
    assert f.approx is None or f.text.split()[0].lower() in ("nearly", "some", "at", "up", "fewer", "an")


def test_qualifier_is_part_of_the_span() -> None:
    f = only("Kiev's casualties amounted to more than 76,000.")
    assert (f.text, f.kind, f.approx) == ("more than 76,000", "number", "more_than")
    f = only("Over 5,000 officers have also been killed.")
    assert f.text == "Over 5,000"


def test_ordinals() -> None:
    f = only("The 18th sanctions package was unveiled.")
    assert (f.kind, f.value, f.counted) == ("ordinal", 18, "sanctions package")
    assert find("the twenty-first round", "twenty-first").value == 21


def test_full_date_and_range_of_dates() -> None:
    f = only("The report covers the period of February 24, 2022 to May 8, 2025.")
    assert (f.kind, f.resolved, f.resolved_end, f.granularity) == ("range", "2022-02-24", "2025-05-08", "day")
    f = only("a meeting from May 14\u201316", dt.date(2025, 5, 11))
    assert (f.resolved, f.resolved_end, f.relative) == ("2025-05-14", "2025-05-16", True)


def test_month_day_takes_the_nearest_year() -> None:
    assert only("on Dec. 30 the talks ended", dt.date(2025, 1, 3)).resolved == "2024-12-30"
    assert only("the talks start on Jan. 4", dt.date(2024, 12, 30)).resolved == "2025-01-04"
    assert only("planned for May 12", PUB).resolved == "2025-05-12"


def test_weekdays_look_back_unless_the_sentence_looks_ahead() -> None:
    assert only("He arrived on Friday.", PUB).resolved == "2025-05-09"
    assert only("I will wait for Putin on Thursday in Turkey.", PUB).resolved == "2025-05-15"
    assert only("They meet next Tuesday.", PUB).resolved == "2025-05-13"


@pytest.mark.parametrize(
    ("published", "resolved"),
    [
        (dt.date(2025, 5, 15), "2025-05-13"),  # Thursday: the Tuesday two days before
        (dt.date(2025, 5, 18), "2025-05-13"),  # Sunday
        (dt.date(2025, 5, 12), "2025-05-06"),  # Monday: the latest Tuesday is in the week before
        (dt.date(2025, 5, 13), "2025-05-06"),  # Tuesday: a week ago
        (dt.date(2025, 5, 14), "2025-05-06"),  # Wednesday: the day before would be "yesterday"
    ],
)
def test_last_tuesday_is_the_latest_tuesday_at_least_two_days_before_the_article(published: dt.date, resolved: str) -> None:
    f = only("The minister resigned last Tuesday.", published)
    assert (f.text, f.kind, f.resolved) == ("last Tuesday", "date", resolved)


def test_previous_tuesday_is_still_the_tuesday_of_the_week_before() -> None:
    assert only("He had resigned the previous Tuesday.", dt.date(2025, 5, 15)).resolved == "2025-05-06"


def test_rubio_travel_on_may_15_looks_ahead() -> None:
    f = find("Rubio will travel to Istanbul for talks on May 15.", "May 15", PUB)
    assert (f.resolved, f.relative) == ("2025-05-15", True)


@pytest.mark.parametrize(
    ("text", "resolved", "granularity"),
    [
        ("Last month, Russia handed over bodies.", "2025-04", "month"),
        ("In January, Russia handed over bodies.", "2025-01", "month"),
        ("It happened three years ago.", "2022", "year"),
        ("It was agreed yesterday.", "2025-05-10", "day"),
        ("This week, the world watched.", "2025-05-05", "week"),
        ("Talks have stalled since 2022.", "2022", "year"),
    ],
)
def test_relative_dates(text: str, resolved: str, granularity: str) -> None:
    f = only(text, PUB)
    assert (f.kind, f.resolved, f.granularity) == ("date", resolved, granularity)


def test_relative_expressions_without_publication_date_are_found_not_resolved() -> None:
    for text in ("Last month, Russia handed over bodies.", "He arrived on Friday.", "planned for May 12",
                 "It was agreed yesterday.", "It happened three years ago."):
        f = only(text, None)
        assert f.kind == "date" and f.relative and f.resolved is None, text
    f = only("The report covers February 24, 2022.", None)
    assert f.resolved == "2022-02-24"


def test_time_of_day() -> None:
    f = only("The strike hit at 14:30 local time.")
    assert (f.kind, f.resolved) == ("time", "14:30")
    assert only("at 2:30 pm").resolved == "14:30"


def test_year_of_a_date_and_a_date_are_not_counted() -> None:
    figures = extract("On May 8, 2025, 34 soldiers were returned.", PUB)
    assert [(f.text, f.kind) for f in figures] == [("May 8, 2025", "date"), ("34", "count")]


def test_phone_numbers_are_not_figures() -> None:
    assert extract("Call +1 202-555-0143 for details.", PUB) == []
    assert extract("Call (202) 555-0143 now.", PUB) == []


@pytest.mark.parametrize("text", [
    "It was one step forward for peace.", "At one point the talks stalled.", "Kyiv was, at one time, the hub.",
    "It is one thing to promise.", "They are one and the same.", "I, for one, doubt it.", "One of these days it ends.",
    "For one, the talks stalled.", "Officials, for one, declined.",
])
def test_one_in_an_idiom_counts_nothing(text: str) -> None:
    assert extract(text, PUB) == []


@pytest.mark.parametrize("text", ["Kyiv freed 90 prisoners in exchange for one, a pilot.",
                                  "They traded 90 prisoners for one; Moscow agreed."])
def test_one_in_a_swap_still_counts(text: str) -> None:
    assert [f.text for f in extract(text, PUB)] == ["90", "one"]


@pytest.mark.parametrize(("text", "counted"), [
    ("The vote was lost by one point.", "point"), ("She took one step toward the door.", "step"),
    ("There was one stage left in the race.", "stage left"),
])
def test_one_beside_an_idiom_word_still_counts(text: str, counted: str) -> None:
    assert [(f.text, f.counted) for f in extract(text, PUB)] == [("one", counted)]


def test_set() -> None:
    f = only("Similar swaps have been carried out on a monthly basis.")
    assert (f.kind, f.unit) == ("set", "P1M")


def test_empty_and_figure_free_text() -> None:
    assert extract("", PUB) == []
    assert extract("The Kremlin said nothing.", PUB) == []


def test_datetime_publication_is_accepted() -> None:
    f = only("It was agreed yesterday.", dt.datetime(2025, 5, 11, 9, 30))  # type: ignore[arg-type]
    assert f.resolved == "2025-05-10"


def test_package_does_not_import_textual() -> None:
    code = "import sys, store.figures; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_article_before_dollar_is_not_a_currency_prefix() -> None:
    f = find("Kyiv received a $50 billion loan.", "$50 billion")
    assert (f.kind, f.unit, f.value) == ("money", "USD", 5e10)
    assert find("It sold for A$3 million.", "A$3 million").unit == "AUD"


def test_model_designations_are_not_figures() -> None:
    figures = extract("The F-16 jets and Su-34 bombers flew; COVID-19 spread.", PUB)
    assert figures == []


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("He flew 3 F-16 jets.", "3", "F-16 jets"),
        ("Ukraine received 6 F-16s last year.", "6", "F-16s"),
        ("Russia lost 3 Su-34 bombers and 2 MiG-29 jets.", "2", "MiG-29 jets"),
        ("Russia lost 50 T-72 tanks.", "50", "T-72 tanks"),
        ("He treated 10 Covid-19 patients.", "10", "Covid-19 patients"),
        ("Ukraine got 31 M1A1 tanks.", "31", "M1A1 tanks"),
        ("Leaders of the 7 G7 nations met.", "7", "G7 nations"),
    ],
)
def test_a_count_of_a_model_counts_the_whole_designation(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted) == ("count", counted)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Two C-130 Hercules landed.", "Two", "C-130 Hercules"),
        ("It sent 3 C-17 transports.", "3", "C-17 transports"),
        ("It bought 4 CH-47 Chinooks.", "4", "CH-47 Chinooks"),
        ("It flies 5 P-8 Poseidons.", "5", "P-8 Poseidons"),
    ],
)
def test_a_single_capital_letter_before_a_dash_and_digits_is_a_model_not_circa(text: str, surface: str, counted: str) -> None:
    assert [(f.text, f.kind, f.counted) for f in extract(text, PUB)] == [(surface, "count", counted)]


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("The navy lost 12 F/A-18 jets.", "12", "F/A-18 jets"),
        ("It flew two F/A-18E Super Hornets.", "two", "F/A-18E Super Hornets"),
        ("It bought 6 EA-18G Growlers.", "6", "EA-18G Growlers"),
    ],
)
def test_a_model_whose_letters_are_joined_by_a_slash_is_counted_whole(text: str, surface: str, counted: str) -> None:
    assert [(f.text, f.kind, f.counted) for f in extract(text, PUB)] == [(surface, "count", counted)]


def test_a_unit_with_a_slash_still_measures() -> None:
    assert [(f.kind, f.unit) for f in extract("It flew at 900 km/h.", PUB)] == [("quantity", "km/h")]


def test_a_model_named_by_one_capital_letter_alone_is_no_figure() -> None:
    assert extract("A C-130 landed and a C-5 took off.", PUB) == []


def test_a_model_designation_with_letters_after_its_digits_is_no_figure() -> None:
    assert extract("A Tu-22M3 crashed near the G7 summit.", PUB) == []
    assert [f.counted for f in extract("Ukraine wants 2 Tu-22M3 bombers.", PUB)] == ["Tu-22M3 bombers"]


def test_change_by_then_level_is_not_a_range() -> None:
    figures = extract("Unemployment rose by 0.4 percentage points to 4.1%.", PUB)
    assert [(f.text, f.kind, f.unit) for f in figures] == [
        ("0.4 percentage points", "percent", "percentage point"),
        ("4.1%", "percent", "%"),
    ]


def test_past_tense_month_is_not_pushed_into_the_future() -> None:
    f = only("The jets arrived in Ukraine in August.", dt.date(2025, 5, 16))
    assert (f.text, f.resolved) == ("August", "2024-08")
    f = only("The jets will arrive in August.", dt.date(2025, 5, 16))
    assert f.resolved == "2025-08"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Production fell in April and May.", [("April", "2025-04"), ("May", "2025-05")]),
        ("March, April and May were dry.", [("March", "2025-03"), ("April", "2025-04"), ("May", "2025-05")]),
        ("May and June were hot.", [("May", "2025-05"), ("June", "2025-06")]),
    ],
)
def test_may_or_march_joined_to_another_month_is_a_month(text: str, months: list[tuple[str, str]]) -> None:
    figures = extract(text, dt.date(2025, 6, 10))
    assert [(f.text, f.kind, f.resolved, f.granularity) for f in figures] == [(t, "date", r, "month") for t, r in months]


@pytest.mark.parametrize(
    ("text", "resolved", "resolved_end"),
    [
        ("The show will run from May to September.", "2025-05", "2025-09"),
        ("The festival will run from May to March.", "2025-05", "2026-03"),
        ("The show will run from March to May.", "2026-03", "2026-05"),
    ],
)
def test_months_said_ahead_stay_this_year_when_the_article_falls_within_them(
        text: str, resolved: str, resolved_end: str) -> None:
    f = only(text, dt.date(2025, 6, 10))
    assert (f.kind, f.resolved, f.resolved_end) == ("range", resolved, resolved_end)


@pytest.mark.parametrize("text", ["In April, May said no.", "Smith and May agreed.", "Exports rose in April and may rise."])
def test_may_after_a_comma_or_a_name_or_in_lower_case_is_no_month(text: str) -> None:
    assert [f.text for f in extract(text, dt.date(2025, 6, 10))] == (["April"] if "April" in text else [])


@pytest.mark.parametrize("text", [
    "Officials said aid would be sent to Kharkiv by Friday.", "The aid is due by Friday.",
    "Aid would arrive by Friday.", "Aid would be delivered on Friday.",
])
def test_a_weekday_something_is_due_or_would_happen_on_is_the_coming_one(text: str) -> None:
    assert only(text, dt.date(2025, 5, 12)).resolved == "2025-05-16"
    assert only(text.replace("would be sent", "was sent").replace("is due by", "came on")
                .replace("would arrive", "arrived").replace("would be delivered", "was delivered"),
                dt.date(2025, 5, 12)).resolved == "2025-05-09"


def test_scores_and_votes_are_separate_numbers() -> None:
    figures = extract("The bill passed 218-214 in the House.", PUB)
    assert [(f.text, f.kind) for f in figures] == [("218", "number"), ("214", "number")]


def test_day_range_before_month() -> None:
    f = only("The summit runs from 24 to 26 June.", dt.date(2025, 5, 16))
    assert (f.text, f.kind, f.resolved, f.resolved_end) == ("24 to 26 June", "range", "2025-06-24", "2025-06-26")


def test_ratio() -> None:
    f = only("One in five voters stayed home.")
    assert (f.kind, f.value) == ("number", 0.2)


def test_week_of_year_and_weekday_with_day() -> None:
    f = only("How about the first week of 2015", dt.date(2018, 11, 29))
    assert (f.resolved, f.resolved_end, f.granularity) == ("2014-12-29", "2015-01-04", "week")
    f = only("Are you free on Tuesday the 4th?", dt.date(2019, 6, 1))
    assert f.resolved == "2019-06-04"


def test_duration_counted_from_a_date() -> None:
    f = only("The vote is two weeks before Christmas.", dt.date(2016, 11, 7))
    assert (f.kind, f.resolved) == ("date", "2016-12-11")


def test_time_range_on_a_day() -> None:
    f = only("Where were you yesterday afternoon from 3-8pm?", dt.date(2018, 11, 1))
    assert (f.kind, f.resolved, f.resolved_end) == ("range", "2018-10-31T15:00", "2018-10-31T20:00")


def test_bench_skips_politely_without_cases(tmp_path: object) -> None:
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, TEARSHEET_EVAL_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "bench.figures_eval"], cwd=root, env=env, capture_output=True, text=True)
    assert out.returncode == 0
    assert "no labelled cases" in out.stdout


def test_numbers_that_label_things_count_nothing() -> None:
    assert [(f.text, f.kind) for f in extract("UN Security Council Resolution 2231 expired.", PUB)] == [("2231", "number")]
    assert [(f.text, f.kind) for f in extract("He lives at 10 Downing Street.", PUB)] == [("10", "number")]
    assert extract("The 5G rollout began; 24/7 coverage continued.", PUB) == []


def test_counted_noun_stops_at_the_plural_head() -> None:
    figures = extract("Russia fired 40 missiles and 100 drones overnight.", PUB)
    assert [(f.value, f.counted) for f in figures] == [(40, "missiles"), (100, "drones")]
    f = only("Ukraine's 3rd Assault Brigade held the line.")
    assert (f.kind, f.counted) == ("ordinal", "Assault Brigade")


def test_conversion_in_brackets_is_not_negative() -> None:
    figures = extract("The aid totals €1.5 billion ($1.6 billion).", PUB)
    assert [(f.text, f.value, f.unit) for f in figures] == [("€1.5 billion", 1.5e9, "EUR"), ("$1.6 billion", 1.6e9, "USD")]
    assert find("The annual revenue is ($99.99).", "($99.99)").value == -99.99


def test_magnitude_and_mid_year() -> None:
    f = find("A magnitude 7.8 earthquake struck.", "magnitude 7.8")
    assert (f.kind, f.unit, f.value) == ("quantity", "magnitude", 7.8)
    f = only("Growth should pick up by mid-2024.")
    assert (f.text, f.kind, f.resolved) == ("mid-2024", "date", "2024")


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "granularity"),
    [
        ("Prices rose after the 2024 collapse.", "2024", "2024", "year"),
        ("Protests grew after the March crackdown.", "March", "2025-03", "month"),
        ("Turnout fell after the May 2024 vote.", "May 2024", "2024-05", "month"),
    ],
)
def test_a_date_after_after_the_is_when_something_happened_not_a_range_after_it(
        text: str, surface: str, resolved: str, granularity: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.resolved, f.resolved_end, f.granularity) == (surface, "date", resolved, None, granularity)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Turnout fell after the 2024 elections.", "2024"),
        ("The 2022 midterms were close.", "2022"),
        ("He spoke during the 2014 protests.", "2014"),
        ("Taiwan's 2024 elections were calm.", "2024"),
        ("She won gold at the 2012 Olympics.", "2012"),
        ("Growth slowed before the 2020 floods.", "2020"),
    ],
)
def test_a_year_before_events_in_the_plural_is_the_year_not_a_count(text: str, year: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.resolved, f.granularity, f.counted) == (year, "date", year, "year", None)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Of the 2000 soldiers, few came back.", "2000", "soldiers"),
        ("The 1500 protesters marched.", "1500", "protesters"),
        ("Police counted 2000 protests last year.", "2000", "protests"),
    ],
)
def test_a_year_shaped_number_before_people_or_without_a_determiner_still_counts(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted) == ("count", counted)


@pytest.mark.parametrize(
    ("text", "surface", "resolved"),
    [("Prices rose after 2024.", "after 2024", "2025"), ("Prices rose after the year 2024.", "after the year 2024", "2025"),
     ("Prices rose after March.", "after March", "2025-04"),
     ("Prices rose after the end of 2024.", "after the end of 2024", "2025"),
     ("He will go back after the beginning of March.", "after the beginning of March", "2026-04")],
)
def test_a_date_that_after_leads_to_directly_opens_a_range_after_it(text: str, surface: str, resolved: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.resolved) == (surface, "range", resolved)


def test_change_to_level_is_not_a_range() -> None:
    figures = extract("The Dow fell 1.2% to 42,500.20 points.", PUB)
    assert [(f.text, f.kind) for f in figures] == [("1.2%", "percent"), ("42,500.20", "number")]


@pytest.mark.parametrize("gap", [" " * 5000, "\n" * 5000, " - " * 2000])
def test_long_runs_of_blanks_do_not_join_figures(gap: str) -> None:
    text = f"Over 5,000 troops{gap}between 5{gap}and 6 pm on May 5{gap}at 5, up 12%{gap}plus 3 percent"
    figures = extract(text, PUB)
    assert figures[0].text == "Over 5,000"
    assert all(text[f.start:f.end] == f.text for f in figures)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("There're at most 100 and at least 20 apples.", 20, 100),
        ("It is larger than twenty and less or equal than thirty five.", 20, 35),
        ("The number range is 1000 - 5000", 1000, 5000),
        ("These apples are about 20~100", 20, 100),
    ],
)
def test_ranges_from_comparatives_and_signs(text: str, low: float, high: float) -> None:
    f = only(text)
    assert (f.kind, f.low, f.high) == ("range", low, high)


def test_or_more_after_a_number() -> None:
    f = only("There were five hundred or more in the shop.")
    assert (f.value, f.approx) == (500, "at_least")


def test_quarters_and_halves_of_a_year() -> None:
    f = only("In the first quarter of 2025, GDP grew.")
    assert (f.kind, f.resolved, f.resolved_end, f.granularity) == ("date", "2025-01", "2025-03", "quarter")
    f = only("Prices fell in the second half of 2024.")
    assert (f.resolved, f.resolved_end, f.granularity) == ("2024-07", "2024-12", "half")


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "resolved_end", "granularity"),
    [
        ("In Q3 2025 sales rose.", "Q3 2025", "2025-07", "2025-09", "quarter"),
        ("In Q-3 2025 sales rose.", "Q-3 2025", "2025-07", "2025-09", "quarter"),
        ("In 2025 Q1 sales rose.", "2025 Q1", "2025-01", "2025-03", "quarter"),
        ("In H1 2024 sales rose.", "H1 2024", "2024-01", "2024-06", "half"),
        ("In H-2 2024 sales rose.", "H-2 2024", "2024-07", "2024-12", "half"),
    ],
)
def test_a_quarter_or_half_label_with_a_year_is_its_date_and_counts_nothing(
        text: str, surface: str, resolved: str, resolved_end: str, granularity: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.resolved, f.resolved_end, f.granularity) == (surface, "date", resolved, resolved_end, granularity)


@pytest.mark.parametrize(
    "text", ["In FY2024 sales rose.", "In FY 2024/25 sales rose.", "In FY2024-25 sales rose.", "In FY24 sales rose.",
             "In Q-3 sales rose."],
)
def test_a_fiscal_year_or_a_quarter_without_a_year_is_no_figure(text: str) -> None:
    assert extract(text, PUB) == []


@pytest.mark.parametrize(
    "text", ["The bank's third-quarter earnings beat forecasts.", "Profit rose in the third quarter.",
             "First-half sales fell.", "The 3rd-quarter figures were late."],
)
def test_a_quarter_or_half_named_in_words_without_a_year_is_no_figure(text: str) -> None:
    assert extract(text, PUB) == []


def test_a_quarter_named_in_words_before_its_year_is_its_date_and_counts_nothing() -> None:
    assert [(f.text, f.kind, f.resolved, f.resolved_end) for f in extract("Fourth-quarter 2024 results were strong.", PUB)] == [
        ("Fourth-quarter 2024", "date", "2024-10", "2024-12")]


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "resolved_end", "granularity"),
    [
        ("Growth slowed in the second half of last year.", "the second half of last year", "2024-07", "2024-12", "half"),
        ("In the first quarter of the year sales fell.", "the first quarter of the year", "2025-01", "2025-03", "quarter"),
        ("Sales should pick up in next year's first quarter.", "next year's first quarter", "2026-01", "2026-03", "quarter"),
    ],
)
def test_a_quarter_or_half_of_a_year_said_relative_to_the_article_is_that_period(
        text: str, surface: str, resolved: str, resolved_end: str, granularity: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.resolved, f.resolved_end, f.granularity, f.relative) == (
        surface, "date", resolved, resolved_end, granularity, True)


def test_a_visa_class_is_no_figure_and_the_count_beside_it_stays() -> None:
    assert [(f.text, f.kind, f.counted) for f in extract("She got an H-1B visa and 3 jobs.", PUB)] == [("3", "count", "jobs")]


def test_capitalised_plural_modifier_stays_in_the_counted_phrase() -> None:
    f = only("Ukraine received 31 Abrams tanks.")
    assert (f.kind, f.counted) == ("count", "Abrams tanks")


def test_dotless_i_and_long_s_read_as_the_letters_they_stand_for() -> None:
    f = only("They met at mıdnight on Monday.")
    assert (f.text, f.kind, f.resolved) == ("mıdnight on Monday", "date", "2025-05-05T00:00")
    f = only("The talks resume on ſeptember 5.")
    assert (f.kind, f.resolved) == ("date", "2025-09-05")
    f = only("Talks were held in ſeptember.")
    assert (f.kind, f.resolved) == ("date", "2024-09")


def test_a_span_beyond_the_calendar_is_a_duration_without_dates() -> None:
    f = only("The plan holds within 1999 centuries.")
    assert (f.kind, f.resolved) == ("duration", None)


@pytest.mark.parametrize("text", ["The talks are expected to last two days.", "The truce won't last two weeks."])
def test_last_as_a_verb_is_a_length_of_time_not_the_days_before(text: str) -> None:
    f = only(text)
    assert (f.kind, f.text[-4:], f.resolved, f.relative) == ("duration", text[-5:-1], None, False)
    assert f.text.startswith("two")


def test_the_last_two_days_are_the_days_before_the_article() -> None:
    f = only("The strikes went on over the last two days.")
    assert (f.kind, f.resolved, f.resolved_end) == ("duration", "2025-05-09", "2025-05-11")


@pytest.mark.parametrize(
    ("text", "surface", "unit", "resolved", "resolved_end"),
    [
        ("Prices rose in the past week.", "in the past week", "P1W", "2025-05-04", "2025-05-11"),
        ("Strikes went on over the last week.", "over the last week", "P1W", "2025-05-04", "2025-05-11"),
        ("The past week was the hardest.", "The past week", "P1W", "2025-05-04", "2025-05-11"),
        ("Prices rose in the past month.", "in the past month", "P1M", "2025-04", "2025-05"),
        ("Prices rose in the past year.", "in the past year", "P1Y", "2024", "2025"),
        ("Prices rose this past week.", "this past week", "P1W", "2025-05-04", "2025-05-11"),
        ("Prices rose in the past day.", "in the past day", "P1D", "2025-05-10", "2025-05-11"),
        ("The past day was calm.", "The past day", "P1D", "2025-05-10", "2025-05-11"),
        ("Prices rose in the last day.", "in the last day", "P1D", "2025-05-10", "2025-05-11"),
    ],
)
def test_the_past_week_is_the_seven_days_up_to_the_article_as_the_past_seven_days_are(
        text: str, surface: str, unit: str, resolved: str, resolved_end: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.unit, f.resolved, f.resolved_end) == (surface, "duration", 1, unit, resolved, resolved_end)
    days = only("Prices rose in the past seven days.")
    week = only("Prices rose in the past week.")
    assert (week.resolved, week.resolved_end) == (days.resolved, days.resolved_end)


@pytest.mark.parametrize(
    ("text", "surface", "unit", "resolved", "resolved_end"),
    [
        ("Police made 40 arrests in the past week of protests.", "in the past week", "P1W", "2025-05-04", "2025-05-11"),
        ("This past month of fighting was hard.", "This past month", "P1M", "2025-04", "2025-05"),
    ],
)
def test_the_past_week_of_something_is_still_the_week_up_to_the_article(
        text: str, surface: str, unit: str, resolved: str, resolved_end: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.unit, f.resolved, f.resolved_end) == ("duration", unit, resolved, resolved_end)


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "resolved_end"),
    [
        ("Prices rose last week.", "last week", "2025-04-28", "2025-05-04"),
        ("Prices rose the previous week.", "the previous week", "2025-04-28", "2025-05-04"),
    ],
)
def test_last_week_without_the_past_is_still_the_calendar_week_before(
        text: str, surface: str, resolved: str, resolved_end: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.granularity, f.resolved, f.resolved_end) == (surface, "date", "week", resolved, resolved_end)


@pytest.mark.parametrize(
    "text", ["He spent the last week of the campaign in Ohio.", "The last month of the year was calm.",
             "On the last day of the trial he spoke.", "On the last day, he left."],
)
def test_the_last_week_of_something_else_is_no_date(text: str) -> None:
    assert extract(text, PUB) == []


def test_the_last_week_of_a_month_is_still_that_week() -> None:
    f = only("He left the last week of July for Ohio.")
    assert (f.text, f.resolved, f.resolved_end) == ("the last week of July", "2025-07-28", "2025-08-03")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Talks are expected in the last week of July.", "the last week of July"),
        ("Talks are expected in the first week of Sept. this year.", "the first week of Sept."),
    ],
)
def test_a_week_of_a_month_takes_a_point_only_after_an_abbreviated_month(text: str, surface: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.granularity, text[f.start:f.end]) == ("date", "week", surface)


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "resolved_end"),
    [
        ("Prices rose in the past 24 hours.", "in the past 24 hours", "2025-05-10", "2025-05-11"),
        ("Strikes went on over the last 48 hours.", "over the last 48 hours", "2025-05-09", "2025-05-11"),
        ("Rain is due in the next 24 hours.", "in the next 24 hours", "2025-05-11", "2025-05-12"),
    ],
)
def test_hours_before_or_after_the_article_are_the_days_they_reach(text: str, surface: str, resolved: str, resolved_end: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.granularity, f.resolved, f.resolved_end) == (surface, "duration", "day", resolved, resolved_end)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The army withdrew within 48 hours.", "PT48H"),
        ("The army retreated within two weeks.", "P2W"),
        ("Within 48 hours, the army had withdrawn.", "PT48H"),
        ("He ordered troops to leave within three days.", "P3D"),
        ("In the following two weeks, troops withdrew from the city.", "P2W"),
        ("Over the next two weeks, troops withdrew from the city.", "P2W"),
    ],
)
def test_within_a_span_told_in_the_past_is_a_length_not_the_days_after_the_article(text: str, unit: str) -> None:
    f = only(text)
    assert (f.kind, f.unit, f.resolved, f.resolved_end, f.relative) == ("duration", unit, None, None, False)


@pytest.mark.parametrize(
    ("text", "resolved_end"),
    [
        ("They must leave within 48 hours.", "2025-05-13"),
        ("Troops will leave within 48 hours.", "2025-05-13"),
        ("The army is to withdraw within two weeks.", "2025-05-25"),
        ("Officials said troops would withdraw within two weeks.", "2025-05-25"),
    ],
)
def test_within_a_span_still_to_come_runs_from_the_article(text: str, resolved_end: str) -> None:
    f = only(text)
    assert (f.kind, f.resolved, f.resolved_end) == ("duration", "2025-05-11", resolved_end)


@pytest.mark.parametrize("text", [
    "Officials said troops would withdraw in the following two weeks.",
    "Over the next two weeks, troops will withdraw from the city.",
])
def test_the_following_weeks_still_to_come_run_from_the_day_after_the_article(text: str) -> None:
    f = only(text)
    assert (f.kind, f.resolved, f.resolved_end) == ("duration", "2025-05-12", "2025-05-26")


def test_this_past_weekend_and_summer_are_still_the_calendar_ones() -> None:
    assert only("Prices rose this past weekend.").resolved == "2025-05-03"
    assert only("Prices rose this past summer.").resolved == "2024-06"


@pytest.mark.parametrize("day", range(12, 19))
def test_this_past_weekend_is_the_last_one_over_before_the_article_on_any_day_of_the_week(day: int) -> None:
    f = only("This past weekend, crowds gathered in Tbilisi.", dt.date(2025, 5, day))
    assert (f.text, f.kind, f.resolved, f.resolved_end) == ("This past weekend", "date", "2025-05-10", "2025-05-11")



def test_month_dates_with_wide_spacing() -> None:
    f = find("The summit opened on  May   12  and closed two days later.", "May   12")
    assert (f.kind, f.resolved) == ("date", "2025-05-12")
    f = only("The meeting runs from May 14 - 16, officials said.")
    assert (f.text, f.kind, f.resolved, f.resolved_end) == ("May 14 - 16", "range", "2025-05-14", "2025-05-16")


def test_number_words_after_a_and_minus() -> None:
    figures = extract("It costs a hundred and twenty dollars, minus five.", PUB)
    assert [(f.text, f.kind, f.value) for f in figures] == [
        ("a hundred and twenty dollars", "money", 120), ("minus five", "number", -5),
    ]


def test_units_whose_first_letter_folds() -> None:
    figures = extract("Temperatures rose by 3 ºC and 5 μm of rain fell.", PUB)
    assert [(f.text, f.unit) for f in figures] == [("3 ºC", "°C"), ("5 μm", "µm")]


def test_durations_from_quantity_words() -> None:
    figures = extract("The ceasefire held for a few days, then lasted one and a half weeks.", PUB)
    assert [(f.text, f.unit, f.approx) for f in figures] == [("a few days", "P3D", "approx"), ("one and a half weeks", "P1.5W", None)]


@pytest.mark.parametrize(("text", "counted"), [("Output fell to 2.4m b/d in May.", "b/d"), ("It pumps 1.1m bpd.", "bpd")])
def test_an_m_before_barrels_a_day_is_millions(text: str, counted: str) -> None:
    [count] = [f for f in extract(text, PUB) if f.kind == "count"]
    assert (count.value, count.counted) == (float(text.split("m ")[0].split()[-1]) * 1e6, counted)


@pytest.mark.parametrize(("text", "durations"), [
    ("Delegations met for a second round of direct talks.", []),
    ("Talks resumed after a second round in Istanbul.", []),
    ("Officials asked for a second-round vote.", []),
    ("The walls shook for a second-long burst.", ["a second"]),
    ("It lasted a second.", ["a second"]),
    ("For a second, nothing moved.", ["a second"]),
    ("It took a second longer.", ["a second"]),
])
def test_a_second_before_a_noun_is_the_ordinal_not_one_second(text: str, durations: list[str]) -> None:
    assert [f.text for f in extract(text, PUB) if f.kind == "duration"] == durations


@pytest.mark.parametrize(
    "text",
    ["Nearly 40 people were hurt, according to the Daily Mail.", "The Weekly Standard said 40 people attended.",
     "Daily Wire Service reported 40 arrests.", "40 copies of the New York Daily News were sold."],
)
def test_a_frequency_word_in_a_proper_name_is_not_a_set(text: str) -> None:
    assert [f.kind for f in extract(text, PUB)] == ["count"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Daily patrols continued along the border.", "Daily"), ("Daily, 40 people cross the bridge.", "Daily"),
     ("Negotiators met daily.", "daily"), ("Monitors Will Report Weekly In Kharkiv", "Weekly"),
     ("Talks continue on a weekly basis.", "on a weekly basis")],
)
def test_a_frequency_word_outside_a_name_is_still_a_set(text: str, surface: str) -> None:
    assert find(text, surface).kind == "set"


@pytest.mark.parametrize(
    ("text", "surface", "value", "counted"),
    [
        ("More than 6m refugees are in Europe.", "More than 6m", 6_000_000, "refugees"),
        ("About 1.5m people fled.", "About 1.5m", 1_500_000, "people"),
        ("Nearly 10m Ukrainians have fled.", "Nearly 10m", 10_000_000, "Ukrainians"),
        ("The state pumps 3m barrels a day.", "3m", 3_000_000, "barrels"),
        ("Storms cut power to 2.4m homes.", "2.4m", 2_400_000, "homes"),
    ],
)
def test_an_m_before_a_plural_noun_counts_millions(text: str, surface: str, value: float, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.value, f.counted, f.unit) == ("count", value, counted, None)


@pytest.mark.parametrize(
    "text", ["The wall is 6m wide.", "They built a 10m-high wall.", "She won the 100m sprint.", "The pit is 6m deep.", "He fell 6m."],
)
def test_an_m_in_a_measure_stays_metres(text: str) -> None:
    f = only(text)
    assert (f.kind, f.unit, f.value) == ("quantity", "m", 6 if "6m" in text else 10 if "10m" in text else 100)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("She won the 100m hurdles.", "100m", 100),
        ("Giant 20m waves hit the coast.", "20m", 20),
        ("She ran 400m relays.", "400m", 400),
        ("The team won the 100m freestyle heats.", "100m", 100),
        ("They won a 400m relay.", "400m", 400),
        ("Storms cut power to 2.4m homes and 20m waves battered the coast.", "20m", 20),
    ],
)
def test_an_m_before_a_race_or_a_measured_thing_is_metres_though_plural(text: str, surface: str, value: float) -> None:
    f = find(text, surface)
    assert (f.kind, f.unit, f.value, f.counted) == ("quantity", "m", value, None)


def test_an_m_before_a_plural_of_anything_else_is_still_millions_beside_metres() -> None:
    f = find("Storms cut power to 2.4m homes and 20m waves battered the coast.", "2.4m")
    assert (f.kind, f.value, f.counted) == ("count", 2_400_000, "homes")
    f = only("They planted 20m trees.")
    assert (f.kind, f.value, f.counted) == ("count", 20_000_000, "trees")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("The EU pledged €800m.", 8e8, "EUR"), ("London gave £2.5bn in aid.", 2.5e9, "GBP"), ("It costs $40m a year.", 4e7, "USD")],
)
def test_money_with_m_and_bn_after_a_currency_symbol(text: str, value: float, unit: str) -> None:
    f = only(text)
    assert (f.kind, f.value, f.unit) == ("money", value, unit)


MAR12 = dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("More aid is promised by June.", "2025-06"),
        ("Kyiv has until February to answer.", "2026-02"),
        ("The fund must be spent before January.", "2026-01"),
        ("More aid is promised by Friday.", "2025-03-14"),
        ("Aid is pledged until Monday.", "2025-03-17"),
        ("Forms are accepted no later than 5 February.", "2026-02-05"),
    ],
)
def test_a_deadline_without_a_year_points_forward(text: str, resolved: str) -> None:
    assert only(text, MAR12).resolved == resolved


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("The fighting lasted until June.", "2024-06"),
        ("The army held the town until February.", "2025-02"),
        ("The convoy arrived by Friday.", "2025-03-07"),
    ],
)
def test_a_deadline_told_in_the_past_stays_in_the_past(text: str, resolved: str) -> None:
    assert only(text, MAR12).resolved == resolved


def test_tense_is_read_from_the_clause_holding_the_date() -> None:
    figures = extract('He said "by June" deliveries will start, and in December the plant closed.', MAR12)
    assert [(f.text, f.resolved) for f in figures] == [("June", "2025-06"), ("December", "2024-12")]
    figures = extract("The plant will reopen in June; it closed in December.", MAR12)
    assert [(f.text, f.resolved) for f in figures] == [("June", "2025-06"), ("December", "2024-12")]


def test_a_future_cue_outside_a_quotation_still_reaches_the_date() -> None:
    assert only('He said the plant "will close" in December.', MAR12).resolved == "2025-12"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Section 230 protects platforms.", "230"),
        ("Article 5 guarantees collective defence.", "5"),
        ("Resolution 2231 sanctions lapsed.", "2231"),
        ("Reporters waited outside No 10 today.", "10"),
        ("A Boeing 737 crashed.", "737"),
    ],
)
def test_a_number_in_a_name_counts_nothing(text: str, surface: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted) == ("number", None)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("NATO invoked Article 5 after the attack.", "5"),
        ("Route 66 signs were stolen.", "66"),
        ("Flight 370 passengers were never found.", "370"),
        ("The Patriot 3 missiles were sent.", "3"),
        ("Chapter 11 proceedings began.", "11"),
        ("In Article 5 members pledge defence.", "5"),
        ("The UN passed Resolution 1973 in March.", "1973"),
        ("He sued under Section 1983 of the code.", "1983"),
        ("The airline grounded its Boeing 737s.", "737"),
    ],
)
def test_a_number_in_a_name_is_neither_a_count_a_year_nor_a_length_of_time(text: str, surface: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted, f.resolved) == ("number", None, None)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("The airline ordered 40 Boeing 737 jets.", "40", "Boeing 737 jets"),
        ("The airline ordered 40 Boeing 737s.", "40", "Boeing 737s"),
        ("It leased 12 Airbus A320 planes.", "12", "Airbus A320 planes"),
        ("Russia lost 3 Sukhoi Su-34 bombers.", "3", "Sukhoi Su-34 bombers"),
        ("It bought 40 Boeing jets.", "40", "Boeing jets"),
    ],
)
def test_a_maker_and_its_model_number_are_part_of_what_is_counted(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted) == ("count", counted)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The airline ordered 20 A350-1000 jets.", "A350-1000 jets"),
        ("It leased 4 Airbus A330-200 planes.", "Airbus A330-200 planes"),
        ("It ordered 20 Embraer E195-E2 jets.", "Embraer E195-E2 jets"),
        ("It flies 3 Boeing 737-800 jets.", "Boeing 737-800 jets"),
    ],
)
def test_a_model_with_its_variant_after_a_dash_is_no_figure_and_the_count_before_it_stays(text: str, counted: str) -> None:
    assert [(f.kind, f.counted) for f in extract(text, PUB)] == [("count", counted)]


@pytest.mark.parametrize("text", ["The A350-1000 landed.", "The Boeing 787-9 is new."])
def test_a_model_with_its_variant_alone_is_no_figure(text: str) -> None:
    assert extract(text, PUB) == []


@pytest.mark.parametrize(
    "text", ["An ATR 72-600 crashed.", "A Dash 8-400 landed.", "The ATR 42-500 is old.", "A Boeing 777-300ER landed."])
def test_a_number_and_its_variant_after_a_name_is_a_model_not_a_range(text: str) -> None:
    assert extract(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("It leased 3 ATR 72-600 planes.", "3", "ATR 72-600 planes"),
        ("Two Dash 8-400 turboprops landed.", "Two", "Dash 8-400 turboprops"),
    ],
)
def test_a_count_of_a_named_model_with_its_variant_counts_the_model(text: str, surface: str, counted: str) -> None:
    assert [(f.text, f.kind, f.counted) for f in extract(text, PUB)] == [(surface, "count", counted)]


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("The airline ordered 10 787-9 Dreamliners.", "10", "787-9 Dreamliners"),
        ("Qantas ordered 12 787-10 Dreamliners.", "12", "787-10 Dreamliners"),
        ("Ukraine got 12 737-800 jets.", "12", "737-800 jets"),
        ("Two 787-9 Dreamliners landed.", "Two", "787-9 Dreamliners"),
        ("It flies 4 737-800s.", "4", "737-800s"),
    ],
)
def test_a_count_before_a_numbered_model_counts_the_model(text: str, surface: str, counted: str) -> None:
    assert [(f.text, f.kind, f.counted) for f in extract(text, PUB)] == [(surface, "count", counted)]


@pytest.mark.parametrize("text", ["The 787-9 Dreamliner landed.", "The 787-9s are new.", "It retired its 737-800s."])
def test_a_numbered_model_before_its_name_or_in_the_plural_is_no_figure(text: str) -> None:
    assert extract(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Crowds of between 10 000-20 000 people marched.", ["between 10 000-20 000"]),
        ("Crowds of 1 500-2 000 people marched.", ["1 500-2 000"]),
        ("It ordered 100-200 jets.", ["100-200"]),
        ("In 2023 15-20 people died.", ["2023", "15-20"]),
        ("It was a 101-99 Lakers win.", ["101", "99"]),
        ("Boston won 112-104 Sunday.", ["112", "104", "Sunday"]),
    ],
)
def test_numbers_joined_by_a_dash_that_name_no_model_stay(text: str, surfaces: list[str]) -> None:
    assert [f.text for f in extract(text, PUB)] == surfaces


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Police held 15-20 people.", ["15-20"]),
        ("Recruits aged 18-25 signed up.", ["18-25"]),
        ("Voters ages 18-25 stayed home.", ["18-25"]),
        ("Arsenal beat Chelsea 3-1.", ["3", "1"]),
        ("England beat Wales 24-17.", ["24", "17"]),
        ("Boston beat Miami 112-104 on Sunday.", ["112", "104", "Sunday"]),
        ("Prices fell from 1990-1995.", ["from 1990-1995"]),
        ("Chelsea won the Premier League 2016-17 title.", ["2016-17"]),
        ("Articles 15-20 apply.", ["15-20"]),
        ("Some 100-200 people fled.", ["Some 100-200"]),
        ("Between 300-400 Russians died.", ["Between 300-400"]),
        ("In Kharkiv 100-200 people died.", ["100-200"]),
        ("Kyiv 300-400 people", ["300-400"]),
    ],
)
def test_ranges_scores_and_seasons_after_a_capitalised_word_are_no_models(text: str, surfaces: list[str]) -> None:
    assert [f.text for f in extract(text, PUB)] == surfaces


@pytest.mark.parametrize("text", ["In Q3-2025 sales rose.", "In H1-2024 sales rose."])
def test_a_quarter_or_half_with_its_year_after_a_dash_is_still_a_date(text: str) -> None:
    assert only(text).kind == "date"


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Two Boeing 787 Dreamliners landed in Kyiv.", "Two", "Boeing 787 Dreamliners"),
        ("Ukraine got 6 Lockheed F-16 Fighting Falcons.", "6", "Lockheed F-16 Fighting Falcons"),
    ],
)
def test_a_capitalised_phrase_holding_a_model_is_what_a_number_counts(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted) == ("count", counted)
    assert all(g.kind != "count" for g in extract(text, PUB) if g.text != surface)


def test_the_model_number_after_a_maker_stays_a_number_in_a_name() -> None:
    f = find("The airline ordered 40 Boeing 737 jets.", "737")
    assert (f.kind, f.counted) == ("number", None)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("On Monday 300 people were evacuated.", "300", "people"),
        ("In Kharkiv 12 people were killed.", "12", "people"),
        ("Officials said that at Bakhmut 500 soldiers died.", "500", "soldiers"),
    ],
)
def test_a_weekday_or_a_place_opening_the_sentence_names_nothing_and_the_count_stays(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.counted) == ("count", counted)


def test_dates_and_lengths_of_time_beside_names_are_still_read() -> None:
    assert find("On May 5 the vote took place.", "May 5").resolved == "2025-05-05"
    assert find("By June 2025 they had left.", "June 2025").resolved == "2025-06"
    assert find("The law of 1983 stands.", "1983").resolved == "1983"
    assert find("The run took 45s.", "45s").unit == "PT45S"


def test_a_flight_code_is_no_figure() -> None:
    assert extract("Flight MH17 was shot down over Donbas.", PUB) == []


@pytest.mark.parametrize(
    "text", ["Security has tightened since 9/11 in the US.", "The 9/11 attacks changed the region.", "9/11 changed everything."],
)
def test_a_month_day_pair_without_a_dating_context_is_no_date(text: str) -> None:
    assert extract(text, MAR12) == []


@pytest.mark.parametrize(
    ("text", "resolved"),
    [("The talks resume on 5/12.", "2025-05-12"), ("Leave from 10/1 to 11/7.", "2024-10-01"), ("Polls close, 6/4 at 5pm, in Ohio.", "2025-06-04T17:00")],
)
def test_a_month_day_pair_with_a_dating_context_is_a_date(text: str, resolved: str) -> None:
    assert extract(text, MAR12)[0].resolved == resolved


def test_a_fraction_with_a_small_denominator_or_a_measure_stays() -> None:
    assert find("A 3/4 majority is needed.", "3/4").value == 0.75
    assert find("A mouse gets through a 1/16 inch gap.", "1/16 inch").unit == "in"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Casualties rose from 1,200 to 1,450.", "casualties"),
        ("The number of refugees has risen sharply from 1,200 to 1,450.", "refugees"),
        ("Prices fell from 1,200 to 1,450 homes.", "homes"),
    ],
)
def test_a_change_from_one_level_to_another_keeps_what_it_counts(text: str, counted: str) -> None:
    figures = extract(text, MAR12)
    assert [(f.text, f.kind, f.value, f.counted) for f in figures] == [
        ("1,200", "count", 1200, counted), (figures[1].text, "count", 1450, counted)]


@pytest.mark.parametrize("text", ["Prices rose from 12 to 15.", "Interest rates fell from 5 to 4."])
def test_a_change_in_what_measures_counts_nothing(text: str) -> None:
    assert [f.counted for f in extract(text, MAR12)] == [None, None]


@pytest.mark.parametrize(
    ("text", "before", "after", "kind", "unit"),
    [
        ("Prices rose from 12 to 15 dollars.", "12", "15 dollars", "money", "USD"),
        ("The price rose from $12 to $15.", "$12", "$15", "money", "USD"),
        ("The rate rose from 12% to 15%.", "12%", "15%", "percent", "%"),
        ("Unemployment fell from 5.1% to 4.9%.", "5.1%", "4.9%", "percent", "%"),
        ("The score fell from 40 to 35.", "40", "35", "number", None),
        ("The Fed raised its rate from 4% to 4.5%.", "4%", "4.5%", "percent", "%"),
        ("The river dropped from 12 metres to 9 metres.", "12 metres", "9 metres", "quantity", "m"),
        ("Fares were cut from 40 to 35 euros.", "40", "35 euros", "money", "EUR"),
    ],
)
def test_a_change_from_one_value_to_another_is_two_values_of_one_kind_not_a_range(
        text: str, before: str, after: str, kind: str, unit: str | None) -> None:
    figures = extract(text, PUB)
    assert [(f.text, f.kind, f.unit) for f in figures] == [(before, kind, unit), (after, kind, unit)]


def test_the_value_before_a_change_of_duration_is_a_duration_in_the_same_unit() -> None:
    figures = extract("The trip grew from 5 to 10 days.", PUB)
    assert [(f.text, f.kind, f.unit) for f in figures] == [("5", "duration", "P5D"), ("10 days", "duration", "P10D")]


def test_the_value_before_a_change_takes_the_multiplier_of_the_value_after_it() -> None:
    figures = extract("Sales rose from 1.2 to 1.5 billion dollars.", PUB)
    assert [(f.kind, f.value) for f in figures] == [("money", 1.2e9), ("money", 1.5e9)]


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Between 12 and 15 people were hurt.", "Between 12 and 15", 12, 15),
        ("Police held 12 to 15 people.", "12 to 15", 12, 15),
        ("Police held 12-15 people.", "12-15", 12, 15),
        ("From 12 to 15 people were arrested.", "From 12 to 15", 12, 15),
        ("Temperatures ranged from 12 to 15 degrees.", "from 12 to 15 degrees", 12, 15),
        ("Prices rose, ranging from 12 to 15 dollars.", "from 12 to 15 dollars", 12, 15),
    ],
)
def test_a_range_without_a_change_before_it_stays_a_range(text: str, surface: str, low: float, high: float) -> None:
    f = only(text)
    assert (f.text, f.kind, f.low, f.high) == (surface, "range", low, high)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("The third round took place in Istanbul.", "third", "round"),
        ("It was the first time today that he spoke.", "first", "time"),
        ("The second round ended talks.", "second", "round"),
        ("Nearly 10m Ukrainians left home.", "Nearly 10m", "Ukrainians"),
    ],
)
def test_a_counted_noun_stops_at_a_verb_or_a_day_word(text: str, surface: str, counted: str) -> None:
    assert find(text, surface, MAR12).counted == counted


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("The 14th Amendment protects citizens.", "14th", "Amendment"),
        ("The 14th Amendment protects the rights of citizens.", "14th", "Amendment"),
        ("The second round draws 64 players.", "second", "round"),
        ("One company owns the stadium.", "One", "company"),
    ],
)
def test_a_counted_noun_stops_at_a_present_verb_with_an_object(text: str, surface: str, counted: str) -> None:
    assert find(text, surface, MAR12).counted == counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("One man dies after the blast.", "man"),
        ("The blast hit the town. One soldier dies.", "soldier"),
        ("One woman flees, police say.", "woman"),
    ],
)
def test_after_one_a_present_verb_with_no_noun_after_it_ends_the_counted_noun(text: str, counted: str) -> None:
    f = find(text, "One")
    assert (f.kind, f.value, f.counted) == ("count", 1, counted)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("One child remains missing.", "child"),
        ("One man remains hospitalised after the blast.", "man"),
        ("One soldier seems confused.", "soldier"),
        ("One border post remains closed.", "border post"),
    ],
)
def test_after_one_a_present_verb_before_a_participle_ends_the_counted_noun(text: str, counted: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.counted) == ("One", "count", 1, counted)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("One border crossing remains closed.", "One", "border crossing"),
        ("Three court hearings were held.", "Three", "court hearings"),
        ("Two people wounded in the attack", "Two", "people"),
    ],
)
def test_a_counted_phrase_may_end_in_a_noun_in_ing(text: str, surface: str, counted: str) -> None:
    assert find(text, surface).counted == counted


def test_a_weekday_after_a_number_is_not_what_it_counts() -> None:
    assert [(f.text, f.counted) for f in extract("Lakers won 112-104 Sunday.", MAR12) if f.kind != "date"] == \
        [("112", None), ("104", None)]


def test_after_one_a_plural_before_a_noun_stays_in_the_counted_phrase() -> None:
    assert find("One news agency reports in May.", "One").counted == "news agency"


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Third-round matches resumed.", "Third", "round matches"),
        ("The 5th grade students took the test.", "5th", "grade students"),
        ("The second round matches are on Sunday.", "second", "round matches"),
        ("The 3rd Infantry Division moved north.", "3rd", "Infantry Division"),
        ("40 soldiers guard the gate.", "40", "soldiers"),
        ("Newsom signed 15 executive orders this week.", "15", "executive orders"),
        ("He signed 15 executive orders the day he took office.", "15", "executive orders"),
    ],
)
def test_a_plural_noun_after_a_counted_noun_stays_in_the_phrase(text: str, surface: str, counted: str) -> None:
    assert find(text, surface, MAR12).counted == counted


@pytest.mark.parametrize(
    ("text", "surface"),
    [("About 300 fled the city.", "About 300"), ("At least 40 died in the attack.", "At least 40"),
     ("12 were killed yesterday.", "12"), ("Twelve escaped overnight.", "Twelve"), ("300 went home.", "300")],
)
def test_what_the_counted_did_is_not_what_a_number_counts(text: str, surface: str) -> None:
    f = find(text, surface, MAR12)
    assert (f.kind, f.counted) == ("number", None)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Moscow lost 250,000 soldiers, with 20,000 killed in battles.", "20,000", "killed"),
        ("There were 380,000 injured.", "380,000", "injured"),
        ("Twelve escaped prisoners were caught.", "Twelve", "escaped prisoners"),
    ],
)
def test_a_participle_naming_the_counted_is_still_counted(text: str, surface: str, counted: str) -> None:
    assert find(text, surface, MAR12).counted == counted


def test_an_m_before_a_measure_word_and_a_plural_stays_metres() -> None:
    f = only("They built 6m high walls.")
    assert (f.kind, f.unit, f.value) == ("quantity", "m", 6)


def test_a_count_followed_by_an_adverb_of_time_or_place_counts_nothing() -> None:
    for text in ("The strikes injured at least 45 overnight, officials said.", "It said 12 more overnight."):
        [figure] = [f for f in extract(text, None) if f.kind in ("count", "number")]
        assert figure.counted is None, text


def test_over_a_span_of_time_is_across_it_and_for_over_it_is_more_than() -> None:
    def approx(text: str) -> str | None:
        [figure] = [f for f in extract(text, None) if f.kind == "duration"]
        return figure.approx

    assert approx("The jets will be delivered over 18 months.") is None
    assert approx("Defence spending over four years rises.") is None
    assert approx("The war has lasted for over two years.") == "more_than"
    assert approx("The siege ended in over 3 weeks.") == "more_than"


def test_an_m_before_no_noun_is_millions_where_its_sentence_counts_in_millions_and_metres_elsewhere() -> None:
    def read(text: str, number: str) -> tuple[str, float | None]:
        [figure] = [f for f in extract(text, None) if f.text == number]
        return figure.kind, figure.value

    assert read("About 3.7 million people are displaced, and 6.8m have fled abroad.", "6.8m") == ("number", 6_800_000)
    assert read("Exports reached 40m tonnes in 2024, up from 30m in 2023.", "30m") == ("number", 30_000_000)
    assert read("About 3.7 million people are displaced. The wall is 10m.", "10m") == ("quantity", 10)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The £2m grant helped her win the 400m.", "400m", 400),
        ("With £2m behind him he ran the 1500m, then the 10,000m.", "10,000m", 10_000),
        ("On a £3m budget she won the 100m; he came second.", "100m", 100),
    ],
)
def test_a_race_distance_stays_metres_in_a_sentence_that_counts_in_millions(text: str, surface: str, value: float) -> None:
    f = find(text, surface, None)
    assert (f.kind, f.unit, f.value) == ("quantity", "m", value)


def test_an_m_after_the_is_still_millions_when_it_is_no_race_distance() -> None:
    f = find("The club paid £200m for him and the 300m.", "300m", None)
    assert (f.kind, f.value) == ("number", 300_000_000)


def test_a_span_is_described_in_words_not_its_iso_code() -> None:
    from store.reading import FigureMark

    def said(text: str) -> str:
        [figure] = extract(text, dt.date(2025, 5, 16))
        return FigureMark(figure.start, figure.end, figure.text, figure.kind, figure.value, figure.low, figure.high,
                          figure.unit, figure.counted, figure.approx, figure.resolved, figure.resolved_end,
                          figure.granularity).describe()

    assert said("He stayed one night.") == "1 day"
    assert said("The mission took 16 hours.") == "16 hours"
    assert said("Talks are held on a monthly basis.") == "every month"
    assert said("In the past 25 years the city grew.") == "2000 → 2025"


def _said(text: str, published: dt.date = dt.date(2025, 11, 21)) -> list[str]:
    from store.reading import FigureMark

    return [FigureMark(*f.columns()[:13]).describe() for f in extract(text, published)]


def test_a_range_of_durations_is_described_as_a_length_not_a_recurrence() -> None:
    assert _said("Repairs would take 3 to 4 weeks.") == ["3–4 weeks"]
    assert _said("The review lasts between two and three months.") == ["2–3 months"]
    assert _said("Each call takes 30 to 45 minutes.") == ["30–45 minutes"]


def test_a_recurrence_and_a_single_span_keep_their_wording() -> None:
    assert _said("Talks are held monthly.") == ["every month"]
    assert _said("Talks are held every month.") == ["every month"]
    assert _said("The jets will be delivered over 18 months.") == ["18 months"]
    assert _said("He stayed one night.") == ["1 day"]


def test_a_past_month_keeps_its_year_when_a_later_predicate_looks_ahead() -> None:
    published = dt.date(2025, 11, 21)
    text = ("Industrial electricity prices rose 12.5 per cent in October and are expected to rise by another 8-10% "
            "in Q1 2026.")
    assert find(text, "October", published).resolved == "2025-10"
    assert find("Prices rose in October and will rise in Q1 2026.", "October", published).resolved == "2025-10"
    assert find("The deal was signed in March and will take effect in 2027.", "March", published).resolved == "2025-03"


def test_a_month_keeps_the_tense_of_its_own_predicate_and_an_attached_year() -> None:
    published = dt.date(2025, 11, 21)
    assert find("Industrial electricity prices rose 12.5 per cent in October.", "October", published).resolved == "2025-10"
    assert find("The summit will be held in March and is expected to last two days.", "March", published).resolved == "2026-03"
    assert find("Prices rose and will peak in March.", "March", published).resolved == "2026-03"
    assert find("Prices rose in October of 2024.", "October of 2024", published).resolved == "2024-10"
    assert find("Exports fell in October and November.", "November", published).resolved == "2025-11"


def test_one_of_a_group_is_no_figure() -> None:
    assert extract("Russia launched one of its largest drone attacks.", PUB) == []
    assert extract("It was one of the largest attacks of the war.", PUB) == []
    assert [(f.text, f.value) for f in extract("He was one of three candidates.", PUB)] == [("three", 3)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("One of the soldiers died.", "soldiers"),
        ("One of the wounded soldiers died.", "wounded soldiers"),
        ("One of the hostages, a woman, was freed.", "hostages"),
        ("One of the protesters fled.", "protesters"),
    ],
)
def test_one_of_a_group_that_something_happened_to_counts_one_of_them(text: str, counted: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.counted) == ("One", "count", 1, counted)


@pytest.mark.parametrize(
    "text", ["One of the most powerful weapons arrived.", "He is one of the best players.", "One of the reasons is cost.",
             "One of the central paradoxes of its policy is this.", "One of them died.", "One of the dead was a child."],
)
def test_one_of_a_ranked_or_described_group_or_of_no_plural_noun_is_no_figure(text: str) -> None:
    assert extract(text, PUB) == []


def test_one_counting_or_sizing_something_stays_a_figure() -> None:
    f = only("One person was killed.")
    assert (f.kind, f.value, f.counted) == ("count", 1, "person")
    assert only("One million people fled.").value == 1_000_000
    assert find("Twenty-one of the 40 deputies voted.", "Twenty-one").value == 21


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Близько 200 тисяч людей виїхали.", "Близько 200 тисяч", 2e5),
        ("Збитки склали 2,5 мільйона гривень.", "2,5 мільйона гривень", 2.5e6),
        ("Бюджет: 1,2 млрд грн.", "1,2 млрд грн", 1.2e9),
        ("Ещё 300 тыс. рублей.", "300 тыс. рублей", 3e5),
        ("Погибли 1,5 тысячи человек.", "1,5 тысячи", 1.5e3),
    ],
)
def test_ukrainian_and_russian_scale_words_multiply_and_take_a_decimal_comma(text: str, surface: str, value: float) -> None:
    f = find(text, surface)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "resolved", "relative"),
    [
        ("Атака сталася 12 березня 2025 року.", "12 березня 2025 року", "2025-03-12", False),
        ("Переговоры прошли 5 марта 2025 года в Стамбуле.", "5 марта 2025 года", "2025-03-05", False),
        ("Обмін полоненими відбувся 9 травня.", "9 травня", "2025-05-09", True),
        ("Встреча назначена на 20 мая.", "20 мая", "2025-05-20", True),
    ],
)
def test_a_day_of_a_ukrainian_or_russian_month_is_a_date(text: str, surface: str, resolved: str, relative: bool) -> None:
    f = find(text, surface)
    assert (f.kind, f.resolved, f.relative) == ("date", resolved, relative)


def test_a_cyrillic_word_that_begins_like_a_month_is_no_date() -> None:
    assert [f.kind for f in extract("Партія отримала 3 мандати, а 5 червоних прапорів зняли.", PUB)] == ["count", "count"]
    assert all(f.kind != "date" for f in extract("Їх було 12 березових гаїв.", PUB))


def test_a_cyrillic_day_without_a_year_or_a_published_date_is_not_guessed() -> None:
    assert all(f.kind != "date" for f in extract("Це сталося 12 березня.", None))


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Україна отримала 200 тисяч доларів на відновлення енергетичної системи.", "200 тисяч доларів", 2e5, "USD"),
        ("Збитки склали 2,5 мільйона гривень.", "2,5 мільйона гривень", 2.5e6, "UAH"),
        ("Штраф становить 850 гривень.", "850 гривень", 850, "UAH"),
        ("Бюджет: 1,2 млрд грн.", "1,2 млрд грн", 1.2e9, "UAH"),
        ("Банк видав кредит на 3 млн доларів США.", "3 млн доларів США", 3e6, "USD"),
        ("Зарплата зросла до 20 тисяч рублів.", "20 тисяч рублів", 2e4, "RUB"),
        ("Цена выросла до 90 рублей за литр.", "90 рублей", 90, "RUB"),
        ("Компания заплатила 40 млн долларов.", "40 млн долларов", 4e7, "USD"),
        ("Курс достиг 1 доллара за юань.", "1 доллара", 1, "USD"),
        ("ЄС виділив 50 млрд євро Україні.", "50 млрд євро", 5e10, "EUR"),
        ("ЕС выделил 50 млрд евро Украине.", "50 млрд евро", 5e10, "EUR"),
        ("Кожен отримав по 100 дол. допомоги.", "100 дол", 100, "USD"),
        ("Баррель подешевел до 60 долл. за сутки.", "60 долл", 60, "USD"),
        ("Хліб коштує 30 гривні за буханець.", "30 гривні", 30, "UAH"),
    ],
)
def test_a_ukrainian_or_russian_currency_word_makes_money(text: str, surface: str, value: float, unit: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.value, f.unit, f.counted) == ("money", pytest.approx(value), unit, None)


@pytest.mark.parametrize(
    ("text", "surface", "approx"),
    [
        ("Понад 300 дронів атакували Київ.", "Понад 300", "more_than"),
        ("Евакуювали більше 300 людей.", "більше 300", "more_than"),
        ("Свыше 300 человек эвакуированы.", "Свыше 300", "more_than"),
        ("Погибли более 300 человек.", "более 300", "more_than"),
        ("Близько 200 тисяч людей виїхали.", "Близько 200 тисяч", "approx"),
        ("Около 200 человек пришли на митинг.", "Около 200", "approx"),
        ("Майже 50 сіл залишилися без світла.", "Майже 50", "approx"),
        ("Почти 50 сел остались без света.", "Почти 50", "approx"),
        ("Загинули щонайменше 12 людей.", "щонайменше 12", "at_least"),
        ("Там залишилося менше 10 людей.", "менше 10", "less_than"),
    ],
)
def test_a_ukrainian_or_russian_qualifier_is_kept_as_an_english_one_is(text: str, surface: str, approx: str) -> None:
    assert find(text, surface).approx == approx


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Уночі 300 дронів атакували Київ.", "дронів"),
        ("Окупанти випустили 40 ракет на місто.", "ракет"),
        ("Зняли 5 червоних прапорів з будівлі.", "червоних прапорів"),
        ("Россия выпустила 50 ракет по Украине.", "ракет"),
        ("В Киеве 12 человек получили ранения.", "человек"),
        ("Ще 7 поранених військових доставили до лікарні.", "поранених військових"),
        ("Вчора 20 людей залишилися без даху.", "людей"),
    ],
)
def test_a_cyrillic_counted_phrase_is_its_noun_not_the_verb_or_place_after_it(text: str, counted: str) -> None:
    f = find(text, next(w for w in text.split() if w[0].isdigit()))
    assert (f.kind, f.counted) == ("count", counted)


def test_an_abbreviated_scale_word_keeps_its_point_and_counts_what_follows() -> None:
    f = find("Россия вернула 1,2 тыс. пленных.", "1,2 тыс.")
    assert (f.kind, f.value, f.counted) == ("count", pytest.approx(1200), "пленных")
    f = find("Ещё 300 тыс. рублей.", "300 тыс. рублей")
    assert (f.kind, f.value, f.unit) == ("money", pytest.approx(3e5), "RUB")
    assert find("Погибли 1,2 тыс.", "1,2 тыс").value == pytest.approx(1200)


@pytest.mark.parametrize("text", ["Air defence downed 74 of 117 drones.", "Air defence downed 74 of the 117 drones."])
def test_a_number_of_a_counted_group_counts_what_the_group_counts(text: str) -> None:
    f = find(text, "74")
    assert (f.kind, f.value, f.counted) == ("count", 74, "drones")
    assert find(text, "117").counted == "drones"


@pytest.mark.parametrize(
    ("text", "counted"),
    [("Сили ППО збили 74 з 117 дронів.", "дронів"), ("Сили ППО збили 74 із 117 дронів.", "дронів"),
     ("ПВО сбила 74 из 117 дронов.", "дронов")],
)
def test_a_number_of_a_ukrainian_or_russian_counted_group_counts_what_the_group_counts(text: str, counted: str) -> None:
    f = find(text, "74")
    assert (f.kind, f.value, f.counted) == ("count", 74, counted)
    assert find(text, "117").counted == counted


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Евакуювали від 10 до 20 осіб.", "від 10 до 20", "осіб"),
        ("Эвакуировали от 10 до 20 человек.", "от 10 до 20", "человек"),
        ("Поранено з 10 до 20 осіб.", "з 10 до 20", "осіб"),
        ("Загинули між 10 і 20 осіб.", "між 10 і 20", "осіб"),
        ("Погибли между 10 и 20 человек.", "между 10 и 20", "человек"),
        ("Евакуювали 10-20 осіб.", "10-20", "осіб"),
    ],
)
def test_a_ukrainian_or_russian_range_is_a_range_of_what_it_counts(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.low, f.high, f.counted, f.approx) == ("range", 10, 20, counted, None)


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        ("Росія може запустити до 300 дронів.", "до 300", "дронів"),
        ("Россия может запустить до 300 дронов.", "до 300", "дронов"),
    ],
)
def test_up_to_in_ukrainian_or_russian_is_an_upper_bound(text: str, surface: str, counted: str) -> None:
    f = find(text, surface)
    assert (f.kind, f.value, f.counted, f.approx) == ("count", 300, counted, "at_most")


@pytest.mark.parametrize(
    ("text", "values"),
    [("Кількість зросла до 300 осіб.", [300]), ("Кількість зросла з 10 до 20 осіб.", [10, 20]),
     ("Число выросло с 10 до 20 человек.", [10, 20])],
)
def test_a_ukrainian_or_russian_change_to_a_value_is_not_an_upper_bound(text: str, values: list[int]) -> None:
    figures = extract(text, PUB)
    assert [(f.value, f.approx) for f in figures] == [(v, None) for v in values]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Зняли 2 червоні прапори.", "червоні прапори"),
        ("Показали 3 білі прапори.", "білі прапори"),
        ("Запустили 5 нові канали.", "нові канали"),
        ("Заспівали 4 пісні гурту.", "пісні"),
        ("Помітили 2 кораблі противника.", "кораблі"),
        ("Ще 2 полонені повернулися додому.", "полонені"),
    ],
)
def test_a_ukrainian_plural_adjective_in_ni_or_li_is_counted_with_its_noun(text: str, counted: str) -> None:
    f = find(text, next(w for w in text.split() if w[0].isdigit()))
    assert (f.kind, f.counted) == ("count", counted)


@pytest.mark.parametrize("text", ["Air defence downed 74 out of 117 drones.", "Air defence downed 74 out of the 117 drones."])
def test_a_number_out_of_a_counted_group_of_any_size_counts_what_the_group_counts(text: str) -> None:
    f = find(text, "74")
    assert (f.kind, f.value, f.counted) == ("count", 74, "drones")
    assert (find(text, "117").kind, find(text, "117").counted) == ("count", "drones")


@pytest.mark.parametrize(
    ("text", "value"),
    [("3 out of 4 voters back the plan.", 0.75), ("Eight out of 10 doctors agree.", 0.8),
     ("Two out of five hundred TVs failed.", 0.004), ("7 out of 100 children were vaccinated.", 0.07)],
)
def test_a_number_out_of_ten_or_a_round_hundred_is_still_a_share(text: str, value: float) -> None:
    f = extract(text, PUB)[0]
    assert (f.kind, f.value) == ("number", pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "surface", "resolved"),
    [
        ("Обмін відбувся у вівторок.", "у вівторок", "2025-03-11"),
        ("Переговори відбудуться у пʼятницю.", "у пʼятницю", "2025-03-14"),
        ("Переговоры прошли во вторник.", "во вторник", "2025-03-11"),
        ("Це сталося минулого вівторка.", "минулого вівторка", "2025-03-04"),
        ("Встреча состоится в следующий понедельник.", "следующий понедельник", "2025-03-17"),
    ],
)
def test_a_ukrainian_or_russian_weekday_resolves_against_the_article(text: str, surface: str, resolved: str) -> None:
    f = find(text, surface, dt.date(2025, 3, 12))
    assert (f.kind, f.resolved, f.relative) == ("date", resolved, True)


@pytest.mark.parametrize("text", ["Серед загиблих троє дітей.", "Ця середа небезпечна.", "В среде обитания."])
def test_words_spelt_like_a_cyrillic_weekday_are_no_date(text: str) -> None:
    assert all(f.kind != "date" for f in extract(text, dt.date(2025, 3, 12)))


@pytest.mark.parametrize(
    ("text", "surface", "kind", "unit"),
    [
        ("Йому дали 5 років ув'язнення.", "5 років", "duration", "P5Y"),
        ("За 3 дні окупанти відступили.", "3 дні", "duration", "P3D"),
        ("Минуло 3 дні війни.", "3 дні", "duration", "P3D"),
        ("Минуло 3 дні поспіль.", "3 дні", "duration", "P3D"),
        ("За 2 тижні окупанти відступили.", "2 тижні", "duration", "P2W"),
        ("Переговоры длились 48 часов.", "48 часов", "duration", "PT48H"),
        ("Від 5 до 7 років позбавлення волі.", "Від 5 до 7 років", "range", None),
    ],
)
def test_a_ukrainian_or_russian_time_unit_makes_a_duration(text: str, surface: str, kind: str, unit: str | None) -> None:
    f = find(text, surface)
    assert f.kind == kind and (unit is None or f.unit == unit)


@pytest.mark.parametrize("text", ["З 2022 року війна триває.", "С 2014 года конфликт продолжается."])
def test_a_year_before_the_word_year_is_the_year_not_a_duration(text: str) -> None:
    assert [f.kind for f in extract(text, PUB)] == ["date"]


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ('"We will win," Zelensky said on March 11.', "2025-03-11"),
        ("“These cuts will cost lives,” Streeting told reporters on March 11.", "2025-03-11"),
        ('Officials said on March 11: "Talks will resume."', "2025-03-11"),
        ("Zelensky said he will travel to Istanbul on March 11.", "2026-03-11"),
    ],
)
def test_a_quoted_utterance_beside_a_date_does_not_set_its_tense(text: str, resolved: str) -> None:
    [f] = [f for f in extract(text, dt.date(2025, 6, 22)) if f.kind == "date"]
    assert (f.text, f.resolved) == ("March 11", resolved)
