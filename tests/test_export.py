"""Exporting annotations: CSV that spreadsheets read safely, JSON Lines, Markdown; whole files or none."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.annotations import annotations_of_document, set_note, tag_figure, tag_paragraph
from store.annotations.queries import paragraphs_with_tag
from store.db import StoreError, open_db
from store.export import FIELDS, export, export_text, guard
from store.load import load_paths

from tests.conftest import doc, para

ROOT = Path(__file__).resolve().parents[1]
LIVE_BLOG = "000_f7ba2992e29d3270"
AGGREGATOR = "003_7f94f20fc10e6d5d"
HEADER = ("tags,note,quote,document,source,published,paragraph,start,end,figures,path,annotated_at,"
          "orphaned,former_paragraph,changed_since_noted,text_when_noted,figure_when_noted,author")
HARD_NOTES = [
    'casualties, "confirmed", and more',
    "first line\nsecond line\r\nthird",
    "Потери подтверждены — 107 620 человек",
    "worth a look 🧐🇺🇦",
    "=SUM(A1:A9)",
    "+1 source", "-2 sources", "@mention", "\tindented", "\rreturn",
]


@pytest.fixture
def noted(store: sqlite_utils.Database) -> sqlite_utils.Database:
    for n, note in enumerate(HARD_NOTES, start=1):
        tag_paragraph(store, para(store, n)[0], ["=formula", "hard, cases"] if n == 5 else ["hard"])
        set_note(store, para(store, n)[0], note)
    return store


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def unguard(cell: str, original: str) -> str:
    return cell[1:] if original[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") else cell


def test_csv_round_trip_gives_back_every_value(noted: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    assert export(noted, out) == len(HARD_NOTES)
    rows = read_csv(out)
    assert rows[0] == HEADER.split(",")
    body = rows[1:]
    assert [unguard(r[1], note) for r, note in zip(body, HARD_NOTES)] == HARD_NOTES
    assert [r[1] for r in body if r[1].startswith("'")] == ["'" + n for n in HARD_NOTES[4:]]
    for n, row in enumerate(body, start=1):
        record = dict(zip(FIELDS, row))
        assert record["quote"] == para(noted, n)[1]
        assert record["document"] == "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"
        assert (record["published"], record["paragraph"], record["start"], record["end"]) == ("2025-05-11", str(n), "", "")
        assert record["path"] == str((tmp_path / "articles" / f"{LIVE_BLOG}.txt").resolve())
        assert record["annotated_at"].endswith("+00:00") and record["annotated_at"][10] == "T"
    assert body[4][0] == "'=formula; hard, cases"
    stored = [a.note for a in annotations_of_document(noted, doc(noted))]
    assert stored == HARD_NOTES


def test_csv_bytes_bom_crlf_and_quoting(noted: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    export(noted, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    assert data.endswith(b"\r\n")
    assert b'"casualties, ""confirmed"", and more"' in data
    assert b'"first line\nsecond line\r\nthird"' in data
    assert data.count(b"\r\n") == len(HARD_NOTES) + 2
    export(noted, out, bom=False)
    assert out.read_bytes().startswith(HEADER.encode() + b"\r\n")


def test_raw_keeps_formulas_as_they_are(noted: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "raw.csv"
    export(noted, out, raw=True)
    assert [r[1] for r in read_csv(out)[1:]] == HARD_NOTES


def test_figures_and_filters(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 16)
    start = text.index("2,857")
    tag_figure(store, pid, start, start + 5, ["Toll"])
    tag_paragraph(store, para(store, 2, AGGREGATOR)[0], ["toll", "swap"])
    tag_paragraph(store, para(store, 3)[0], ["kursk"])
    figure_texts = [r[0] for r in store.execute("select text from figures where paragraph_id = ? order by start", [pid])]
    rows = list(csv.DictReader(io.StringIO(export_text(store, tags=["TOLL"], bom=False), newline="")))
    assert [(r["quote"], r["start"], r["end"], r["paragraph"]) for r in rows] == [
        ("2,857", str(start), str(start + 5), "16"), (para(store, 2, AGGREGATOR)[1], "", "", "2")]
    assert rows[0]["figures"] == "2,857" and len(figure_texts) > 1
    assert rows[1]["tags"] == "Toll; swap" and rows[1]["source"] == "Russia Today"
    only = list(csv.DictReader(io.StringIO(export_text(store, doc=doc(store), bom=False), newline="")))
    assert [r["tags"] for r in only] == ["kursk", "Toll"]
    assert export_text(store, tags=["nothing"], bom=False) == HEADER + "\r\n"
    tag_paragraph(store, pid, ["toll"])
    rows = list(csv.DictReader(io.StringIO(export_text(store, tags=["toll"], bom=False), newline="")))
    assert [r["figures"] for r in rows if r["paragraph"] == "16" and not r["start"]] == ["; ".join(figure_texts)]


def test_exporting_nothing_writes_the_header(store: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    assert export(store, out) == 0
    assert out.read_bytes() == b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n"
    assert export(store, tmp_path / "empty.jsonl", fmt="jsonl") == 0
    assert (tmp_path / "empty.jsonl").read_text() == ""
    assert export(store, tmp_path / "empty.md", fmt="md") == 0
    assert (tmp_path / "empty.md").read_text().startswith("# Annotations\n")


def test_jsonl_shape(noted: sqlite_utils.Database, tmp_path: Path) -> None:
    pid, text = para(noted, 16)
    start = text.index("2,857")
    tag_figure(noted, pid, start, start + 5, ["toll"])
    out = tmp_path / "notes.jsonl"
    assert export(noted, out, fmt="jsonl") == len(HARD_NOTES) + 1
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == len(HARD_NOTES) + 1
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    assert all(list(r) == list(FIELDS) for r in records)
    assert [r["note"] for r in records[: len(HARD_NOTES)]] == HARD_NOTES
    assert records[4]["tags"] == ["=formula", "hard, cases"] and records[0]["start"] is None
    fig = records[-1]
    assert (fig["quote"], fig["start"], fig["end"], fig["paragraph"], fig["tags"]) == ("2,857", start, start + 5, 16, ["toll"])
    assert fig["figures"] and all(
        set(f) == {"start", "end", "text", "kind", "value", "low", "high", "unit", "counted", "approx", "resolved",
                   "resolved_end", "granularity"} for f in fig["figures"])
    assert [f["text"] for f in fig["figures"]] == ["2,857"]
    assert records[0]["start"] is None and len(records[0]["figures"]) > 1


def test_markdown_groups_by_tag_then_article(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 16)
    start = text.index("2,857")
    tag_figure(store, pid, start, start + 5, ["toll"])
    tag_paragraph(store, para(store, 2, AGGREGATOR)[0], ["toll", "swap"])
    set_note(store, para(store, 2, AGGREGATOR)[0], "compare with *January*")
    set_note(store, para(store, 3)[0], "untagged thought")
    md = export_text(store, fmt="md")
    assert not md.startswith("\ufeff")
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Annotations",
        "## swap", "### Moscow and Kiev exchange remains of fallen soldiers",
        "## toll", "### Over 107,000 Russian soldiers killed in Ukraine identified by media investigation",
        "### Moscow and Kiev exchange remains of fallen soldiers",
        "## (no tag)", "### Over 107,000 Russian soldiers killed in Ukraine identified by media investigation",
    ]
    assert "**2,857**" in md
    assert "> — Russia Today, 2025-05-16, ¶2" in md
    assert "> — 2025-05-11, ¶16" in md
    assert r"**Note:** compare with \*January\*" in md
    quoted = [line for line in md.splitlines() if line.startswith(">")]
    assert quoted and all(line == ">" or line.startswith("> ") for line in quoted)
    only = export_text(store, fmt="md", tags=["SWAP"])
    assert [line for line in only.splitlines() if line.startswith("## ")] == ["## swap"]


def test_markdown_takes_a_tag_as_loosely_as_csv_does(store: sqlite_utils.Database) -> None:
    tag_paragraph(store, para(store, 2, AGGREGATOR)[0], ["casualties", "swap"])
    rows = list(csv.DictReader(io.StringIO(export_text(store, tags=[" swap "], bom=False), newline="")))
    assert len(rows) == 1
    md = export_text(store, fmt="md", tags=[" swap "])
    assert [line for line in md.splitlines() if line.startswith("#")] == [
        "# Annotations: swap", "## swap", "### Moscow and Kiev exchange remains of fallen soldiers"]


def test_markdown_of_a_selection_that_matches_nothing_does_not_say_nothing_is_tagged(
    store: sqlite_utils.Database,
) -> None:
    tag_paragraph(store, para(store, 2, AGGREGATOR)[0], ["swap"])
    assert "Nothing tagged or noted matches." in export_text(store, fmt="md", tags=["kursk"])
    assert "Nothing tagged or noted matches." in export_text(store, fmt="md", doc=doc(store))
    assert "Nothing is tagged or noted yet." not in export_text(store, fmt="md", tags=["kursk"])


def test_export_text_matches_the_file(noted: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "same.csv"
    export(noted, out)
    assert out.read_bytes() == export_text(noted).encode("utf-8")


def test_unwritable_places_raise_store_error_and_leave_no_file(noted: sqlite_utils.Database, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "notes.csv"
    with pytest.raises(StoreError, match="does not exist"):
        export(noted, missing)
    assert not missing.parent.exists()
    with pytest.raises(StoreError, match="folder"):
        export(noted, tmp_path)
    with pytest.raises(StoreError, match="unknown export format"):
        export(noted, tmp_path / "x.xlsx", fmt="xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    under_a_file = tmp_path / "t.db" / "notes.csv"
    with pytest.raises(StoreError, match="not a folder"):
        export(noted, under_a_file)
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(StoreError, match="cannot write"):
                export(noted, locked / "notes.csv")
            assert list(locked.iterdir()) == []
        finally:
            locked.chmod(0o700)


def test_a_folder_that_refuses_files(noted: sqlite_utils.Database, tmp_path: Path, monkeypatch) -> None:
    import store.export as module

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(module.tempfile, "mkstemp", refuse)
    with pytest.raises(StoreError, match=r"notes.csv: cannot write the export \(Permission denied\)"):
        export(noted, tmp_path / "notes.csv")
    assert not (tmp_path / "notes.csv").exists()


def test_a_stream_gets_the_same_text(noted: sqlite_utils.Database) -> None:
    stream = io.StringIO(newline="")
    assert export(noted, stream, fmt="jsonl") == len(HARD_NOTES)
    assert stream.getvalue() == export_text(noted, fmt="jsonl")


def test_a_failure_midway_keeps_the_old_file(noted: sqlite_utils.Database, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "notes.csv"
    out.write_text("previous export\n")
    import store.export as module

    def broken(stream, rows, selection, raw):
        stream.write("half a line")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(module._WRITERS, "csv", broken)
    with pytest.raises(StoreError, match="No space left"):
        export(noted, out)
    assert out.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["articles", "notes.csv", "t.db", "t.db-shm", "t.db-wal"])


@pytest.fixture(scope="module")
def one_paragraph(tmp_path_factory: pytest.TempPathFactory) -> tuple[sqlite_utils.Database, int, Path]:
    folder = tmp_path_factory.mktemp("articles")
    seed = ROOT / "seeds" / f"{AGGREGATOR}.txt"
    (folder / seed.name).write_bytes(seed.read_bytes())
    db = open_db(folder.parent / "prop.db")
    assert load_paths(db, [folder]).ok
    yield db, para(db, 3, AGGREGATOR)[0], folder.parent
    db.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(min_size=1, max_size=200),
       tags=st.lists(st.text(st.characters(blacklist_characters=";", blacklist_categories=("Cs",)), min_size=1,
                             max_size=20), max_size=4))
def test_any_note_and_tags_come_back_from_csv(one_paragraph, note: str, tags: list[str]) -> None:
    db, pid, folder = one_paragraph
    db.execute("delete from annotation_tags")
    db.execute("delete from annotations")
    db.conn.commit()
    kept = [t for t in tags if t.strip()]
    if kept:
        tag_paragraph(db, pid, kept)
    set_note(db, pid, note)
    [stored] = annotations_of_document(db, doc(db, AGGREGATOR)) or [None]
    expected_note = note.rstrip() if note.strip() else None
    if stored is None:
        assert expected_note is None and not kept
        return
    assert stored.note == expected_note
    out = folder / "prop.csv"
    assert export(db, out) == 1
    _header, row = read_csv(out)
    assert row[0] == guard("; ".join(stored.tags)) and row[1] == guard(expected_note or "")
    assert unguard(row[1], expected_note or "") == (expected_note or "")


def test_jsonl_figures_carry_what_figures_json_gives(tmp_path: Path) -> None:
    from store.figure_list import figures

    folder = tmp_path / "poll"
    folder.mkdir()
    (folder / "poll.txt").write_text(
        "Poll backs the plan\n\nSome 20-25% of voters back the plan, which costs roughly $600 million.\n",
        encoding="utf-8")
    db = open_db(tmp_path / "poll.db")
    assert load_paths(db, [folder]).ok
    [paragraph_id] = [r[0] for r in db.execute("select id from paragraphs where text like 'Some%'")]
    tag_paragraph(db, paragraph_id, ["poll"])
    [record] = [json.loads(line) for line in export_text(db, fmt="jsonl").splitlines()]
    listed = [{k: v for k, v in row.to_json().items() if k not in ("doc", "paragraph")} for row in figures(db)
              if row.paragraph_id == paragraph_id]
    assert record["figures"] == listed
    by_text = {f["text"]: f for f in record["figures"]}
    assert (by_text["Some 20-25%"]["low"], by_text["Some 20-25%"]["high"]) == (20.0, 25.0)
    assert by_text["roughly $600 million"]["approx"] == "approx"
    db.close()


def test_markdown_quotes_a_changed_figure_in_its_paragraph_as_it_reads_now(tmp_path: Path) -> None:
    folder = tmp_path / "toll"
    folder.mkdir()
    article = folder / "toll.txt"
    paragraph = "Rescuers counted {} bodies at the site on Monday, officials said."
    article.write_text("Toll rises at the site\n\n" + paragraph.format(120) + "\n", encoding="utf-8")
    db = open_db(tmp_path / "toll.db")
    assert load_paths(db, [folder]).ok
    [(paragraph_id, text)] = db.execute("select id, text from paragraphs where text like 'Rescuers%'").fetchall()
    tag_figure(db, paragraph_id, text.index("120"), text.index("120") + 3, ["toll"])
    article.write_text(article.read_text(encoding="utf-8").replace("120", "130"), encoding="utf-8")
    assert load_paths(db, [folder]).ok
    md = export_text(db, fmt="md")
    assert (
        "> Rescuers counted **130** bodies at the site on Monday, officials said.\n>\n> — undated, ¶1\n\n"
        "*Changed since noted (the figure: 120 → 130); when noted it read:*\n\n"
        "> Rescuers counted 120 bodies at the site on Monday, officials said.\n"
    ) in md
    db.close()


FIRE = ("Fire at the depot\n\n"
        "A fire broke out at the fuel depot {when} and {count} people were taken to hospital, the governor said.\n")


@pytest.fixture
def tagged_fire(tmp_path: Path) -> tuple[sqlite_utils.Database, Path]:
    """A real database file with the count in the fire article's paragraph tagged, as ctrl+f tags a figure."""
    article = tmp_path / "fire.txt"
    article.write_text(FIRE.format(when="on Monday", count=12), encoding="utf-8")
    db = open_db(tmp_path / "fire.db")
    assert load_paths(db, [article]).ok
    paragraph_id, start, end = db.execute(
        "select paragraph_id, start, [end] from figures where text = '12' and kind = 'count'").fetchone()
    tag_figure(db, paragraph_id, start, end, ["toll"])
    yield db, article
    db.close()


def reload_edited(db: sqlite_utils.Database, article: Path, *, when: str, count: int) -> str:
    article.write_text(FIRE.format(when=when, count=count), encoding="utf-8")
    assert load_paths(db, [article]).ok
    return db.execute("select text from paragraphs where text like 'A fire%'").fetchone()[0]


def only_record(db: sqlite_utils.Database) -> tuple[dict[str, str], dict]:
    [row] = csv.DictReader(io.StringIO(export_text(db, bom=False), newline=""))
    [record] = [json.loads(line) for line in export_text(db, fmt="jsonl").splitlines()]
    return row, record


def test_a_tagged_figure_whose_sentence_changed_is_quoted_where_it_stands_now(tagged_fire) -> None:
    db, article = tagged_fire
    text = reload_edited(db, article, when="late on Monday night", count=12)
    row, record = only_record(db)
    start, end = int(row["start"]), int(row["end"])
    assert text[start:end] == row["quote"] == record["quote"] == "12"
    assert (row["changed_since_noted"], row["figure_when_noted"], record["figure_when_noted"]) == ("yes", "", None)
    assert "(the figure:" not in export_text(db, fmt="md")


def test_a_tagged_figure_an_edit_replaced_is_quoted_as_it_reads_now_and_says_what_it_was(tagged_fire) -> None:
    db, article = tagged_fire
    text = reload_edited(db, article, when="on Monday", count=14)
    row, record = only_record(db)
    assert text[int(row["start"]) : int(row["end"])] == row["quote"] == row["figures"] == "14"
    assert (row["figure_when_noted"], row["changed_since_noted"]) == ("12", "yes")
    assert (record["quote"], record["figure_when_noted"], record["changed_since_noted"]) == ("14", "12", True)
    assert "*Changed since noted (the figure: 12 → 14); when noted it read:*" in export_text(db, fmt="md")


def test_the_tag_browser_quotes_a_tagged_figure_as_it_reads_now(tagged_fire) -> None:
    db, article = tagged_fire
    reload_edited(db, article, when="on Monday", count=14)
    [quote] = paragraphs_with_tag(db, "toll")
    assert (quote.figure_text, quote.changed_since_noted) == ("14", True)


def test_a_tagged_figure_carries_its_paragraphs_note(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 16)
    start = text.index("2,857")
    tag_figure(store, pid, start, start + 5, ["toll"])
    set_note(store, pid, "Ask the ministry for the breakdown")
    rows = list(csv.DictReader(io.StringIO(export_text(store, tags=["toll"], bom=False), newline="")))
    assert [(r["quote"], r["note"]) for r in rows] == [("2,857", "Ask the ministry for the breakdown")]
    every = list(csv.DictReader(io.StringIO(export_text(store, bom=False), newline="")))
    assert [(r["tags"], r["start"] != "", r["note"]) for r in every] == [
        ("", False, "Ask the ministry for the breakdown"), ("toll", True, "Ask the ministry for the breakdown")]
