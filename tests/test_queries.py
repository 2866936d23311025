"""The Library's filter, document names and the counted filter take user text literally; figures sort and read like with like."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from store.db import open_db
from store.figure_list import figures
from store.load import load_paths
from store.queries import count_documents, documents, resolve_doc
from store.reading import FigureMark

ARTICLES = {
    "a_percent.txt": "Prices rose 50% in May\n\nInflation ran at 50% in the capital, officials said.",
    "a2_money.txt": "Fund raises $50.0 million\n\nThe fund raised $50.0 million from 12 investors.",
    "ab_plain.txt": "Talks resume in Istanbul\n\nDelegations met for three hours.",
    "c_kyiv.txt": "Київ відкриває метро\n\nМетро працює з понеділка.",
}


@pytest.fixture
def library(tmp_path: Path) -> sqlite_utils.Database:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    database = open_db(tmp_path / "q.db")
    load_paths(database, [folder])
    yield database
    database.close()


def test_a_documents_figure_count_is_what_its_figures_panel_lists_headline_included(library) -> None:
    doc = next(d for d in documents(library) if d.stem == "a_percent")
    listed = figures(library, doc=doc.id)
    assert doc.figures == len(listed) and any(row.paragraph is None for row in listed)


def titles(db: sqlite_utils.Database, text: str) -> list[str]:
    return sorted(d.display_title for d in documents(db, text=text))


@pytest.mark.parametrize(("text", "expected"), [
    ("%", ["Prices rose 50% in May"]),
    ("50%", ["Prices rose 50% in May"]),
    ("_", []),
    ("50.0", ["Fund raises $50.0 million"]),
    ("\\", []),
])
def test_the_library_filter_takes_percent_and_underscore_literally(library, text: str, expected: list[str]) -> None:
    assert titles(library, text) == expected
    assert count_documents(library, text=text) == len(expected)


@pytest.mark.parametrize("text", ["київ", "КИЇВ", "Київ"])
def test_the_library_filter_ignores_case_beyond_ascii(library, text: str) -> None:
    assert titles(library, text) == ["Київ відкриває метро"]
    assert count_documents(library, text=text) == 1


def test_a_name_prefix_takes_underscore_literally(library) -> None:
    assert resolve_doc(library, "a_") == resolve_doc(library, "a_percent")


def test_the_counted_filter_takes_percent_literally(library) -> None:
    assert all("%" in (row.figure.counted or "") for row in figures(library, counted="%"))


def test_the_counted_filter_ignores_case_beyond_ascii(tmp_path: Path) -> None:
    folder = tmp_path / "emigres"
    folder.mkdir()
    (folder / "e.txt").write_text("Exiles return\n\nSome 40 Ukrainian émigrés returned to Odesa on Monday.\n", encoding="utf-8")
    database = open_db(tmp_path / "e.db")
    load_paths(database, [folder])
    for words in ("ÉMIGRÉS", "Émigrés", "ukrainian"):
        assert [row.figure.counted for row in figures(database, counted=words)] == ["Ukrainian émigrés"]


def money_library(tmp_path: Path) -> sqlite_utils.Database:
    folder = tmp_path / "money"
    folder.mkdir()
    (folder / "m.txt").write_text(
        "Budgets compared\n\nThe fund holds €5 million, $10 million, £7 million, $1 million and €900 million "
        "after 3,000 soldiers were counted.", encoding="utf-8")
    database = open_db(tmp_path / "m.db")
    load_paths(database, [folder])
    return database


def test_sorting_by_value_compares_money_only_with_money_of_its_currency(tmp_path: Path) -> None:
    db = money_library(tmp_path)
    money = [(r.figure.unit, r.figure.value) for r in figures(db, sort="value") if r.figure.kind == "money"]
    assert money == [("EUR", 900e6), ("EUR", 5e6), ("GBP", 7e6), ("USD", 10e6), ("USD", 1e6)]


def test_durations_sort_by_their_length_whatever_their_unit(tmp_path: Path) -> None:
    folder = tmp_path / "durations"
    folder.mkdir()
    (folder / "d.txt").write_text("Talks drag on\n\nThe truce held for 30 days after a war of 25 years; a further "
                                  "6 months of talks and 48 hours of shelling followed.", encoding="utf-8")
    db = open_db(tmp_path / "d.db")
    load_paths(db, [folder])
    lengths = [r.figure.unit for r in figures(db, sort="value") if r.figure.kind == "duration"]
    assert lengths == ["P25Y", "P6M", "P30D", "PT48H"]


def test_a_range_sorts_by_value_with_its_unit_and_ordinals_are_a_group_of_their_own(tmp_path: Path) -> None:
    folder = tmp_path / "ranges"
    folder.mkdir()
    (folder / "r.txt").write_text(
        "Poll and truce\n\nSome 20-25% of voters, up from 18%, want the truce; Between 10-15 per cent want it over "
        "and 30% are unsure. In the third round of talks, its 14th session, 500 delegates agreed to 10-15 days "
        "of calm after 3 weeks and 20 days of fighting.", encoding="utf-8")
    db = open_db(tmp_path / "r.db")
    load_paths(db, [folder])
    order = [r.figure.text for r in figures(db, sort="value") if r.paragraph is not None]
    assert order == ["500", "3 weeks", "20 days", "10-15 days", "30%", "Some 20-25%", "18%",
                     "Between 10-15 per cent", "14th", "third"]


@pytest.mark.parametrize(("value", "low", "high", "unit", "shown"), [
    (6.7e12, None, None, "USD", "6.7 trillion USD"),
    (5e6, None, None, "EUR", "5 million EUR"),
    (None, 1.2e9, 3.4e9, "GBP", "1.2–3.4 billion GBP"),
    (None, 500_000, 3.4e9, "GBP", "500,000–3.4 billion GBP"),
    (107_000, None, None, None, "107,000"),
    (12_345_678_912_345, None, None, "USD", "12.35 trillion USD"),
])
def test_a_short_value_says_millions_and_more_in_words(value, low, high, unit, shown: str) -> None:
    figure = FigureMark(0, 1, "x", "money", value, low, high, unit, "soldiers", None, None, None)
    assert figure.short_value() == shown
    assert figure.describe().endswith(" soldiers")


def test_a_headline_the_page_prints_twice_is_one_hit(seeded: sqlite_utils.Database) -> None:
    from store.queries import search

    hits = search(seeded, "fallen soldiers")
    titles = [h for h in hits if h.n is None]
    assert len(titles) == 1 and "fallen soldiers" in titles[0].title
    assert len({(h.doc_id, h.paragraph_id) for h in hits}) == len(hits) >= 2


@pytest.mark.parametrize(("value", "short"), [
    (999_999_999, ("1", "billion")), (999_995_000_000, ("1", "trillion")), (999_994_999, ("999.99", "million")),
    (6_700_000_000_000, ("6.7", "trillion")), (-999_999_999, ("-1", "billion")),
])
def test_a_large_value_is_rounded_before_its_size_word_is_chosen(value: float, short: tuple[str, str]) -> None:
    from store.reading import _short_number

    assert _short_number(value) == short


def test_a_word_repeated_in_a_query_is_searched_once(library: sqlite_utils.Database, monkeypatch) -> None:
    import store.queries as queries

    once = [(h.paragraph_id, h.spans) for h in queries.search(library, "the")]
    assert once
    sent: list[str] = []
    real = queries._begun
    monkeypatch.setattr(queries, "_begun", lambda db, match, *rest: sent.append(match) or real(db, match, *rest))
    assert [(h.paragraph_id, h.spans) for h in queries.search(library, "the " * 3000)] == once
    assert [(h.paragraph_id, h.spans) for h in queries.search(library, "the THE the")] == once
    assert sent == ["the", "the"]
    queries.search(library, '"the the" OR the')
    assert sent[-1] == '"the the" OR the'


def pages_from(db: sqlite_utils.Database, cursor, limit: int) -> list[int]:
    from store.queries import search_page

    ids = []
    while cursor is not None:
        page = search_page(db, cursor, limit)
        ids += [h.paragraph_id for h in page.hits]
        cursor = page.next
    return ids


def page_through(db: sqlite_utils.Database, query: str, *, limit: int, rank_within: int | None = None) -> list[int]:
    from store.queries import begin_search

    return pages_from(db, begin_search(db, query, rank_within=rank_within), limit)


def zebra_ids(db: sqlite_utils.Database) -> list[int]:
    return [row[0] for row in db.execute("select rowid from paragraphs_fts where paragraphs_fts match 'zebra' order by rowid")]


def test_pages_of_hits_ranked_alike_follow_their_ids_without_a_repeat_or_a_gap(zebras: sqlite_utils.Database) -> None:
    from store.queries import search

    ids = page_through(zebras, "zebra", limit=100)
    assert ids == zebra_ids(zebras) and len(ids) == 250
    assert [h.paragraph_id for h in search(zebras, "zebra", limit=30)] == ids[:30]


def test_past_the_ranked_matches_the_older_ones_follow_newest_first(zebras: sqlite_utils.Database) -> None:
    every = zebra_ids(zebras)
    ids = page_through(zebras, "zebra", limit=100, rank_within=40)
    assert ids[:40] == every[-40:]
    assert ids[40:] == every[-41::-1]


def test_a_load_between_pages_neither_repeats_nor_drops_a_hit(zebras: sqlite_utils.Database, tmp_path: Path) -> None:
    from store.queries import begin_search, search_page

    every = zebra_ids(zebras)
    first = search_page(zebras, begin_search(zebras, "zebra", rank_within=100), 100)
    more = tmp_path / "later"
    more.mkdir()
    (more / "late.txt").write_text("Late report\n\nA zebra was seen again at dawn by the harbour.\n", encoding="utf-8")
    assert load_paths(zebras, [more]).ok
    ids = [h.paragraph_id for h in first.hits] + pages_from(zebras, first.next, 100)
    assert sorted(ids) == every and len(set(ids)) == len(ids)


def test_the_cursor_counts_what_is_left_to_show(zebras: sqlite_utils.Database) -> None:
    from store.queries import begin_search, search_page

    ranked_all = begin_search(zebras, "zebra")
    assert ranked_all.ranked_left == 250 and ranked_all.below is None
    page = search_page(zebras, ranked_all, 100)
    assert page.next is not None and page.next.ranked_left == 150
    partly = begin_search(zebras, "zebra", rank_within=40)
    assert partly.ranked_left == 40 and partly.below is not None
    assert begin_search(zebras, "   ") is None and begin_search(zebras, '"') is None


SPELLED = {
    "kiev.txt": "Kiev talks stall\n\nTalks in Kiev stalled on Monday.\n\nThe Kiev region lost power overnight.",
    "kyiv.txt": "Kyiv hosts envoys\n\nEnvoys met in Kyiv on Tuesday.\n\nShelling hit the Kyiv region again.",
    "kharkov.txt": "Kharkov shelled\n\nKharkov and Kyiv were shelled before the talks resumed in Kiev.",
    "plain.txt": "Budget passes\n\nThe council passed the budget after long talks.",
}


def loaded(folder: Path, files: dict[str, str]) -> sqlite_utils.Database:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    database = open_db(folder.with_suffix(".db"))
    assert load_paths(database, [folder]).ok
    return database


@pytest.fixture
def spelled(tmp_path: Path) -> sqlite_utils.Database:
    database = loaded(tmp_path / "spelled", SPELLED)
    yield database
    database.close()


def marked(db: sqlite_utils.Database, query: str) -> set[str]:
    from store.queries import search

    return {h.marked() for h in search(db, query) if h.n is not None}


@pytest.mark.parametrize("query", ["Kyiv", "kiev", "KYIV"])
def test_a_place_name_finds_each_of_its_spellings_and_marks_the_one_printed(spelled, query: str) -> None:
    assert marked(spelled, query) == {
        "Talks in [Kiev] stalled on Monday.", "The [Kiev] region lost power overnight.", "Envoys met in [Kyiv] on Tuesday.",
        "Shelling hit the [Kyiv] region again.", "Kharkov and [Kyiv] were shelled before the talks resumed in [Kiev].",
    }


@pytest.mark.parametrize(("query", "typed"), [("Kyiv", "Kyiv"), ("kiev", "Kiev"), ("Kyiv region", "Kyiv")])
def test_hits_in_the_spelling_typed_come_first_then_the_others(spelled, query: str, typed: str) -> None:
    from store.queries import search

    other = {"Kyiv": "Kiev", "Kiev": "Kyiv"}[typed]
    texts = [h.text for h in search(spelled, query) if h.n is not None]
    with_typed = [typed in t for t in texts]
    assert with_typed == sorted(with_typed, reverse=True) and any(with_typed)
    assert any(other in t and typed not in t for t in texts)


def test_putting_the_typed_spelling_first_adds_nothing_the_search_leaves_out(spelled) -> None:
    from store.queries import begin_search, search_page

    cursor = begin_search(spelled, "talks NOT Kyiv")
    page = search_page(spelled, cursor, 100)
    assert len(page.hits) == len(cursor.ranked)
    assert [h.text for h in page.hits if h.n is not None] == ["The council passed the budget after long talks."]


@pytest.mark.parametrize(("query", "expected"), [
    ('"Kyiv region"', {"The [Kiev region] lost power overnight.", "Shelling hit the [Kyiv region] again."}),
    ("Kyiv region", {"The [Kiev] [region] lost power overnight.", "Shelling hit the [Kyiv] [region] again."}),
    ("talks Kyiv", {"[Talks] in [Kiev] stalled on Monday.",
                    "Kharkov and [Kyiv] were shelled before the [talks] resumed in [Kiev]."}),
    ("Kyiv NOT region", {"Talks in [Kiev] stalled on Monday.", "Envoys met in [Kyiv] on Tuesday.",
                         "Kharkov and [Kyiv] were shelled before the talks resumed in [Kiev]."}),
    ("budget OR Odesa", {"The council passed the [budget] after long talks."}),
    ("NEAR(Kharkiv Kyiv, 2)", {"[Kharkov] and [Kyiv] were shelled before the talks resumed in Kiev."}),
    ("text : Kyiv AND Tuesday", {"Envoys met in [Kyiv] on [Tuesday]."}),
    ("Kyi*", {"Envoys met in [Kyiv] on Tuesday.", "Shelling hit the [Kyiv] region again.",
              "Kharkov and [Kyiv] were shelled before the talks resumed in Kiev."}),
])
def test_every_spelling_is_searched_inside_the_syntax_written_and_a_prefix_stays_as_written(
    spelled, query: str, expected: set[str],
) -> None:
    assert marked(spelled, query) == expected


def test_the_hits_in_an_article_are_the_spellings_printed_there(spelled) -> None:
    from store.reading import hits_in_document

    kiev = spelled.execute("select id from documents where stem = 'kiev'").fetchone()[0]
    texts = dict(spelled.execute("select id, text from paragraphs where doc_id = ?", [kiev]).fetchall())
    found = hits_in_document(spelled, kiev, "Kyiv")
    assert sorted(texts[pid][s:e] for pid, spans in found.items() for s, e in spans) == ["Kiev", "Kiev", "Kiev"]


@pytest.mark.parametrize(("query", "expected"), [
    ("Kiev AND", '("Kiev" OR "kyiv" OR "київ"* OR "києв"* OR "киев"*)'),
    ("OR Istanbul", '"Istanbul"'),
    ('Istanbul NOT Dolmabahce "', '"Istanbul" NOT "Dolmabahce"'),
    ('Istanbul AND NOT Dolmabahce "', '"Istanbul" NOT "Dolmabahce"'),
    ('talks OR "peace', '"talks" OR "peace"'),
    ('(Istanbul OR Antalya) AND talks"', '("Istanbul" OR "Antalya") AND "talks"'),
    ('(Istanbul OR) talks"', '("Istanbul") AND "talks"'),
    ("(Istanbul OR Antalya talks", '"Istanbul" OR "Antalya" "talks"'),
    ("NEAR(Istanbul talks", '"Istanbul" "talks"'),
    ('Moscow and "', '"Moscow" "and"'),
    ('"peace AND talks', '"peace AND talks"'),
    ('"peace talks" $5', '"peace talks" "5"'),
    ("$2.5 million", '"2 5" "million"'),
    ("F-16 OR 1,000 troops", '"F 16" OR "1 000" "troops"'),
    ("COVID-19 AND U.S.", '"COVID 19" AND "U S"'),
    ("(Kiev-based", '("Kiev based" OR "kyiv based")'),
    ("AND OR", ""),
])
def test_what_fts5_cannot_parse_keeps_the_operators_between_two_words_and_drops_the_rest(query: str, expected: str) -> None:
    from store.fts_query import plain_words, widened

    assert widened(plain_words(query)) == expected


def test_a_figure_typed_as_one_word_is_searched_as_one(tmp_path: Path) -> None:
    """`$2.5 million` finds the paragraph printing it, not one with a 2, a 5 and a million apart."""
    from store.queries import search

    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "fund.txt").write_text("Fund raises money\n\nThe fund raised $2.5 million from investors.", encoding="utf-8")
    (folder / "lottery.txt").write_text("Five share a prize\n\nAbout 5 people won 2 million in the lottery.", encoding="utf-8")
    (folder / "jets.txt").write_text("Jets arrive\n\nThe first F-16 jets arrived this week.", encoding="utf-8")
    (folder / "paint.txt").write_text("Paint\n\nThe letter F was painted on 16 jets at the base.", encoding="utf-8")
    db = open_db(tmp_path / "f.db")
    load_paths(db, [folder])
    assert [hit.text for hit in search(db, "$2.5 million")] == ["The fund raised $2.5 million from investors."]
    assert [hit.text for hit in search(db, "F-16 jets")] == ["The first F-16 jets arrived this week."]
    assert len(search(db, "F 16 jets")) == 2
    db.close()


def test_a_dangling_operator_is_not_searched_as_a_word(seeded) -> None:
    from store.queries import search

    hits = search(seeded, "Kiev AND")
    assert hits and all("[Kiev]" in h.marked() and "[and]" not in h.marked().casefold() for h in hits)
    assert "[and]" in search(seeded, 'Moscow and "')[0].marked()
    excluded = search(seeded, 'Istanbul NOT Dolmabahce "')
    assert excluded and not any("Dolmabahce" in h.text for h in excluded)


def test_the_library_filter_finds_a_place_in_any_spelling_and_a_month_by_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "places"
    folder.mkdir()
    (folder / "kyiv.txt").write_text("Drone attacks on Kyiv overnight\n\ndate 2025-03-12\n\nAir defences were active.",
                                     encoding="utf-8")
    (folder / "odessa.txt").write_text("Odessa port reopens to grain ships\n\ndate 2025-05-01\n\nShips left on Monday.",
                                       encoding="utf-8")
    db = open_db(tmp_path / "p.db")
    assert load_paths(db, [folder]).ok
    assert titles(db, "kiev") == ["Drone attacks on Kyiv overnight"]
    assert titles(db, "Odesa port") == ["Odessa port reopens to grain ships"]
    assert titles(db, "march") == titles(db, "mar") == ["Drone attacks on Kyiv overnight"]
    assert titles(db, "may") == ["Odessa port reopens to grain ships"]
    assert titles(db, "kiev march") == ["Drone attacks on Kyiv overnight"] and titles(db, "kiev may") == []
    assert titles(db, "березень") == titles(db, "березня") == titles(db, "Марта") == ["Drone attacks on Kyiv overnight"]
    assert titles(db, "травня") == titles(db, "май") == ["Odessa port reopens to grain ships"]
    assert titles(db, "мандат") == []
    assert count_documents(db, text="kiev") == 1
    db.close()


TIMELINE = {
    "early.txt": "Talks recalled\n\nPublished 2025-03-01\n\nTalks began on 24 February 2022 and resumed in March 2024, "
                 "when 300 delegates met for 3 days, from 14:30.",
    "late.txt": "Ceasefire holds\n\nPublished 2025-05-16\n\nThe ceasefire of the 1990s held until 2014; on 2 May 2025 "
                "40 monitors arrived.",
}


@pytest.fixture
def timeline(tmp_path: Path) -> sqlite_utils.Database:
    folder = tmp_path / "timeline"
    folder.mkdir()
    for name, text in TIMELINE.items():
        (folder / name).write_text(text, encoding="utf-8")
    database = open_db(tmp_path / "w.db")
    assert load_paths(database, [folder]).ok
    yield database
    database.close()


def test_sorting_by_when_lists_dated_figures_by_the_date_they_name_then_the_others(timeline) -> None:
    order = [r.figure.text for r in figures(timeline, sort="when", limit=None) if r.paragraph is not None]
    dated = order[:5]
    assert dated == ["1990s", "2014", "24 February 2022", "March 2024", "2 May 2025"]
    assert sorted(order[5:]) == sorted(["300", "3 days", "14:30", "40"])
    paged = [r.figure.text for offset in range(0, 12, 2) for r in figures(timeline, sort="when", limit=2, offset=offset)]
    assert paged == [r.figure.text for r in figures(timeline, sort="when", limit=None)]
    assert [r.figure.text for r in figures(timeline, sort="when", kind="date")][:2] == ["1990s", "2014"]


def test_sorting_by_published_is_by_the_articles_date_and_date_is_its_former_name(timeline) -> None:
    published = [r.published for r in figures(timeline, sort="published", limit=None)]
    assert published == sorted(published, reverse=True) and len(set(published)) == 2
    assert [r.figure for r in figures(timeline, sort="date", limit=None)] == \
        [r.figure for r in figures(timeline, sort="published", limit=None)]


def plans_of_the_queries(db: sqlite_utils.Database, run) -> list[str]:
    """The query plan of every select `run` makes, its parameters filled in as SQLite ran it."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        db.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().lower().startswith("select")]
    return [" | ".join(row[3] for row in db.execute(f"explain query plan {s}")) for s in selects]


@pytest.mark.parametrize("kind", [None, "date", "count"])
def test_each_page_in_time_order_is_read_from_an_index_not_sorted(timeline, kind: str | None) -> None:
    """Past the dated figures, so that both parts of the order, and the count between them, are read. The
    undated of one kind are sorted, as they are in every other order."""
    plans = plans_of_the_queries(timeline, lambda: figures(timeline, sort="when", kind=kind, limit=300, offset=300))
    dated, _count, undated = plans
    # A kind that is seldom dated (count) is read by its own index, its few dated figures sorted.
    if kind != "count":
        assert "figures_when" in dated and "TEMP B-TREE" not in dated, dated
    if kind is None:
        assert "TEMP B-TREE" not in undated, undated


INFLECTED = {
    "kyiv.txt": "Удар по столиці\n\nДрони атакували Київ уночі.\n\nУ Києві оголосили тривогу.",
    "kharkiv.txt": "Обстріл Харкова\n\nПід Харковом знову стріляли.\n\nРакети влучили у Харків.",
    "moscow.txt": "Переговоры\n\nДелегация вылетела из Москвы.\n\nМосква ответила на ноту.",
    "peace.txt": "Світ\n\nМир настане не скоро.\n\nДо миру ще далеко.",
}


@pytest.fixture
def inflected(tmp_path: Path) -> sqlite_utils.Database:
    database = loaded(tmp_path / "inflected", INFLECTED)
    yield database
    database.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("Києва", {"Дрони атакували [Київ] уночі.", "У [Києві] оголосили тривогу."}),
    ("Київ", {"Дрони атакували [Київ] уночі.", "У [Києві] оголосили тривогу."}),
    ("Харків", {"Під [Харковом] знову стріляли.", "Ракети влучили у [Харків]."}),
    ("Москва", {"Делегация вылетела из [Москвы].", "[Москва] ответила на ноту."}),
    ("Харків NOT ракети", {"Під [Харковом] знову стріляли."}),
])
def test_a_ukrainian_or_russian_word_finds_its_other_forms(inflected, query: str, expected: set[str]) -> None:
    assert marked(inflected, query) == expected


def test_the_form_typed_comes_first(inflected) -> None:
    from store.queries import search

    assert [h.text for h in search(inflected, "Києві") if h.n is not None][0] == "У Києві оголосили тривогу."


def test_a_short_word_and_a_prefix_stay_as_written(inflected) -> None:
    assert marked(inflected, "Мир") == {"[Мир] настане не скоро."}
    assert marked(inflected, "Харк*") == {"Під [Харковом] знову стріляли.", "Ракети влучили у [Харків]."}
    assert marked(inflected, "Києв*") == {"У [Києві] оголосили тривогу."}


@pytest.mark.parametrize(("word", "expected"), [
    ("Київ", ("київ", "києв")),
    ("Києва", ("києв", "київ")),
    ("Харкова", ("харков", "харків")),
    ("Україна", ("україн",)),
    ("Зеленського", ("зеленськ",)),
    ("Иванов", ("иванов",)),
    ("солдатів", ("солдат",)),
    ("мир", ()),
    ("Kyiv", ()),
])
def test_stems_of_a_word(word: str, expected: tuple[str, ...]) -> None:
    from store.word_forms import stems

    assert stems(word) == expected


@pytest.mark.parametrize(("text", "titles"), [
    ("Харкова", ["Обстріл Харкова"]),
    ("Харків", ["Обстріл Харкова"]),
    ("столиця", ["Удар по столиці"]),
    ("Київ", []),
])
def test_the_library_filter_finds_a_ukrainian_or_russian_word_in_its_other_forms(inflected, text: str, titles: list[str]) -> None:
    assert [d.title for d in documents(inflected, text=text)] == titles


def test_a_quotation_left_open_is_searched_as_the_phrase_typed(spelled) -> None:
    assert marked(spelled, '"after long talks') == {"The council passed the budget [after long talks]."}
    assert marked(spelled, '"budget talks') == set()


MIXED = {**SPELLED, "kyiv_ua.txt": "Атака на Київ\n\nУ Києві оголосили тривогу.\n\nРакети летіли на Одесу."}


@pytest.fixture
def mixed(tmp_path: Path) -> sqlite_utils.Database:
    database = loaded(tmp_path / "mixed", MIXED)
    yield database
    database.close()


def test_a_place_name_finds_its_names_in_the_other_script(mixed) -> None:
    assert "У [Києві] оголосили тривогу." in marked(mixed, "Kyiv")
    assert "Talks in [Kiev] stalled on Monday." in marked(mixed, "Києва")
    assert marked(mixed, "Odessa") == {"Ракети летіли на [Одесу]."}
    assert "Envoys met in [Kyiv] on Tuesday." in marked(mixed, "Kiev")


def test_the_library_filter_finds_a_place_in_the_other_script(mixed) -> None:
    assert {d.title for d in documents(mixed, text="kiev")} == {"Kiev talks stall", "Kyiv hosts envoys", "Атака на Київ"}
    assert {d.title for d in documents(mixed, text="Київ")} == {"Kiev talks stall", "Kyiv hosts envoys", "Атака на Київ"}


def test_a_copy_that_changes_a_figure_is_not_counted_as_repeating_earlier_text(tmp_path: Path) -> None:
    lead = "Ukrainian air defences shot down {} of 117 drones launched at {} overnight, the air force said on Wednesday."
    debris = "Debris fell on two districts of the capital and damaged several residential buildings, officials said."
    database = loaded(tmp_path / "copies", {
        "reuters.txt": f"Drones hit Kyiv overnight\nReuters\n13 March 2025\n\n{lead.format(74, 'Kyiv')}\n\n{debris}\n",
        "ap.txt": f"Drones hit Kiev overnight\nAP\n12 March 2025\n\n{lead.format(71, 'Kiev')}\n\n{debris}\n",
        "afp.txt": f"Drones hit Kyiv overnight\nAFP\n12 March 2025\n\n{lead.format(71, 'Kyiv')}\n\n{debris}\n",
    })
    repeats = {d.source: d.repeats for d in documents(database)}
    # One of the 12 March copies printed both paragraphs first; the other repeats both, Kiev for Kyiv and all;
    # Reuters, a day later with 74 for 71, repeats only the debris.
    assert repeats["Reuters"] == 1 and sorted((repeats["AP"], repeats["AFP"])) == [0, 2]
    database.close()
