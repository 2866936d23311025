"""Arbitrary text and bytes never crash the loader, the store always rebuilds what was read, and no typed search fails."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.db import open_db
from store.decode import NotText, decode
from store.load import load_paths
from store.parse import parse
from store.queries import RANK_WITHIN, search
from store.reading import hits_in_document

LINES = st.lists(
    st.one_of(
        st.text(min_size=0, max_size=80),
        st.sampled_from(["", "Related Articles", "logo", "time2 hours ago", "• Reuters", " date 2025-05-11 x",
                         "Reuters03-02-2024", "---", "title: x", "# Heading", "Same line", "Same line"]),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(LINES.map("\n".join))
def test_parse_covers_every_character(text: str) -> None:
    claimed = [False] * len(text)
    for article in parse(text):
        for p in article.paragraphs:
            assert 0 <= p.start <= p.end <= len(text)
            for i in range(p.start, p.end):
                assert not claimed[i]
                claimed[i] = True
    assert all(claimed[i] or text[i].isspace() for i in range(len(text)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), LINES.map(lambda ls: "\n".join(ls).encode("utf-8"))))
def test_loader_never_crashes_and_rebuilds_the_input(tmp_path_factory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "a.txt"
    path.write_bytes(data)
    db = open_db(folder / "t.db")
    try:
        report = load_paths(db, [path])
        try:
            expected = decode(data).text
        except NotText:
            assert len(report.errors) == 1 and report.errors[0].path == str(path)
            return
        assert report.ok, report.errors
        stored = db.execute("select text, encoding from sources").fetchone()
        assert stored[0] == expected
        assert stored[0].encode(stored[1]) == data or stored[1] in ("utf-16", "utf-32")
    finally:
        db.close()


AWKWARD_QUERIES = ['"', '""', '"a phrase', 'talks"', "AND", "OR", "NOT", "talks AND", "NEAR(", "NEAR(a b", "*", "sanction*",
                   "(", ")", "(Kyiv", "-", "-Kyiv", ":", "title:", "x:y", "^", "^Kyiv", "+", "'", "\\", "{", "}", "[", "]",
                   ".", ",", "%", "_", "Kyiv OR", '"Kyiv" "', "NOT Kyiv", "a*b", "🙂", "Київ\"", "\x00"]
QUERY_TEXT = st.lists(st.sampled_from([*'"*()-:^+{}.,%_ ', " AND ", " OR ", " NOT ", "NEAR", "Kyiv", "talks"]), max_size=12).map("".join)


@pytest.mark.parametrize("query", AWKWARD_QUERIES)
def test_any_typed_search_finds_or_finds_nothing(store, query: str) -> None:
    assert isinstance(search(store, query, limit=5, rank_within=RANK_WITHIN), list)
    assert isinstance(hits_in_document(store, 1, query), dict)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERY_TEXT)
def test_arbitrary_search_text_never_raises(store, query: str) -> None:
    search(store, query, limit=5, rank_within=RANK_WITHIN)
    hits_in_document(store, 1, query)


def test_an_unparsable_query_searches_its_words_as_plain_text(store) -> None:
    assert search(store, 'Istanbul"', limit=5) and all("Istanbul" in h.text for h in search(store, 'Istanbul"', limit=5))


SPELLING_QUERY = st.lists(
    st.sampled_from([*'"*()-:^+{},', " ", " AND ", " OR ", " NOT ", "NEAR(", "text:", "2", "Kyiv", "Kiev", "kharkov",
                     "Moscow", "Istanbul", "talks", "\u00a0"]),
    max_size=14,
).map("".join)


def _matched(db, match: str) -> set[int] | None:
    import sqlite3

    try:
        return {row[0] for row in db.execute("select rowid from paragraphs_fts where paragraphs_fts match ?", [match])}
    except sqlite3.OperationalError:
        return None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=SPELLING_QUERY)
def test_widening_the_spellings_keeps_a_query_parsed_and_finds_its_matches_and_more(store, query: str) -> None:
    from store.fts_query import widened

    written = _matched(store, query)
    if written is not None:
        wider = _matched(store, widened(query))
        assert wider is not None
        assert wider >= written or " NOT " in query


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=SPELLING_QUERY)
def test_the_plain_words_of_any_query_parse(store, query: str) -> None:
    from store.fts_query import plain_words, widened

    plain = plain_words(query)
    assert not plain or _matched(store, plain) is not None and _matched(store, widened(plain)) is not None
