"""Loading real files into a real SQLite file: idempotent, incremental, and bad input never stops the rest."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from store.db import StoreError, open_db
from store.load import load_paths
from store.queries import documents, paragraphs_of, search, source_text
from tests.conftest import AGGREGATOR, LIVE_BLOG, SEEDS, doc_id


def _snapshot(db) -> list:
    return [
        db.execute("select id, title, source, published, content_hash from documents order by id").fetchall(),
        db.execute("select id, doc_id, position, n, kind, text, hash from paragraphs order by id").fetchall(),
        db.execute("select count(*) from figures").fetchall(),
    ]


def test_seeds_load_with_titles_outlets_dates(seeded) -> None:
    rows = {r.stem: r for r in documents(seeded, limit=None)}
    assert rows["000_f7ba2992e29d3270"].published == "2025-05-11"
    assert rows["000_f7ba2992e29d3270"].source is None
    page = rows["003_7f94f20fc10e6d5d"]
    assert (page.title, page.source, page.published) == (
        "Moscow and Kiev exchange remains of fallen soldiers", "Russia Today", "2025-05-16")
    related = [r for r in rows.values() if r.parent_id == page.id]
    assert [r.title for r in sorted(related, key=lambda r: r.stem)] == [
        "US to cut Ukraine aid", "WHISPERING GIANT: Russia's quiet power leaves the West in the dust",
        "EU wants to prolong Ukraine conflict"]
    assert page.boilerplate >= 9


def test_loading_again_changes_nothing(seeded, tmp_path: Path) -> None:
    before = _snapshot(seeded)
    report = load_paths(seeded, [tmp_path / "articles"])
    assert report.loaded == [] and len(report.unchanged) == 2
    assert _snapshot(seeded) == before


def test_changed_file_is_read_again_and_keeps_its_document_id(seeded, tmp_path: Path) -> None:
    path = tmp_path / "articles" / LIVE_BLOG.name
    stem = LIVE_BLOG.stem
    before_id = doc_id(seeded, stem)
    path.write_text(path.read_text(encoding="utf-8") + "\nA new entry was added to the blog at noon today.\n", encoding="utf-8")
    report = load_paths(seeded, [tmp_path / "articles"])
    assert report.loaded == [str(path)] and len(report.unchanged) == 1
    assert doc_id(seeded, stem) == before_id
    assert paragraphs_of(seeded, before_id)[-1].text == "A new entry was added to the blog at noon today."


def test_stored_text_rebuilds_the_file(seeded) -> None:
    for path in (LIVE_BLOG, AGGREGATOR):
        assert source_text(seeded, doc_id(seeded, path.stem)) == path.read_text(encoding="utf-8")


def test_a_short_markdown_heading_stays_a_heading_once_stored(db, tmp_path: Path) -> None:
    (tmp_path / "talks.md").write_text(
        "# Grain corridor talks resume\n\n## Background\n\nTurkey hosted the talks on Thursday, officials said.\n\n"
        "## What was agreed\n\nBoth sides agreed to meet again in two weeks, a spokesperson said.\n",
        encoding="utf-8",
    )
    assert load_paths(db, [tmp_path]).ok
    shown = [(p.n, p.kind, p.text) for p in paragraphs_of(db, doc_id(db, "talks"))]
    assert shown[:3] == [(1, "heading", "Background"), (2, "body", "Turkey hosted the talks on Thursday, officials said."),
                         (3, "heading", "What was agreed")]


def test_the_outlet_line_under_the_headline_is_stored_as_the_source_and_counts_nothing(db, tmp_path: Path) -> None:
    (tmp_path / "corridor.txt").write_text(
        "Grain corridor talks resume\n\nKyiv Independent\n\nJune 3, 2025\n\n"
        "Ukrainian and Turkish officials met on Monday in Istanbul.\n", encoding="utf-8")
    (tmp_path / "wire.txt").write_text(
        "Headline about the talks\nDaily Wire Service\n2025-06-03\nUPDATED with new figures.\n"
        "Negotiators met for six hours on Tuesday.\n", encoding="utf-8")
    assert load_paths(db, [tmp_path]).ok
    rows = {r.stem: r for r in documents(db, limit=None)}
    assert (rows["corridor"].source, rows["wire"].source) == ("Kyiv Independent", "Daily Wire Service")
    for stem, outlet in (("corridor", "Kyiv Independent"), ("wire", "Daily Wire Service")):
        stored = {p.text: (p.kind, p.n) for p in paragraphs_of(db, doc_id(db, stem), include_hidden=True)}
        assert stored[outlet] == ("byline", None)
    figures_of_bylines = db.execute(
        "select count(*) from figures f join paragraphs p on p.id = f.paragraph_id where p.kind = 'byline'").fetchone()
    assert figures_of_bylines == (0,)
    assert [p.text for p in paragraphs_of(db, doc_id(db, "wire"))] == [
        "UPDATED with new figures.", "Negotiators met for six hours on Tuesday."]


def test_a_short_line_many_other_documents_carry_is_stored_as_furniture(db, tmp_path: Path) -> None:
    stories = ["Kharkiv was shelled overnight", "Talks resumed in Istanbul", "The grain deal expired", "Drones struck"]
    for day, story in enumerate(stories, 1):
        (tmp_path / f"{day}.md").write_text(f"# {story}\n\nEditor's picks today\n\n{story}, officials said.\n",
                                            encoding="utf-8")
        assert load_paths(db, [tmp_path / f"{day}.md"]).ok
    kinds = [p.kind for p in paragraphs_of(db, doc_id(db, "4"), include_hidden=True) if p.text == "Editor's picks today"]
    assert kinds == ["boilerplate"]


def test_bad_files_are_reported_and_the_rest_still_load(db, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(LIVE_BLOG, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 40)
    (folder / "utf16.txt").write_bytes("Headline here\n\nKyiv said “peace” is near, officials said.\n".encode("utf-16"))
    (folder / "cp1252.md").write_bytes("Headline\n\nHe said \u201cno\u201d to the 5\u20ac fee, officials said.\n".encode("cp1252"))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    big = ("A paragraph of the big file, long enough to look like one and then some more words; " * 8 + "it ends.\n") * 4500
    (folder / "big.txt").write_text("Big file headline\n\n" + big, encoding="utf-8")
    report = load_paths(db, [folder, tmp_path / "missing-folder"])
    errors = {Path(p.path).name: p.reason for p in report.errors}
    assert set(errors) == {"empty.txt", "binary.txt", "missing-folder"}
    assert "empty" in errors["empty.txt"] and "binary" in errors["binary.txt"]
    assert "no such file" in errors["missing-folder"]
    assert [Path(p.path).name for p in report.skipped] == ["notes.pdf"]
    assert sorted(Path(p).name for p in report.loaded) == ["big.txt", "cp1252.md", "good.txt", "utf16.txt"]
    assert not report.ok
    encodings = dict(db.execute("select stem, encoding from sources").fetchall())
    assert encodings["cp1252"] == "cp1252" and encodings["utf16"] == "utf-16"
    text = db.execute("select text from paragraphs where text like 'He said%'").fetchone()[0]
    assert "\u201cno\u201d" in text and "5\u20ac" in text
    assert os.path.getsize(folder / "big.txt") > 3_000_000


def test_a_windows_1251_file_is_read_and_searched_in_cyrillic(db, tmp_path: Path) -> None:
    text = ("Удар по Киеву\n\nВ ночь на вторник российские войска атаковали город ракетами и дронами, "
            "сообщили власти.\n\nВ Киеве погибли два человека, ещё десять ранены, сказал мэр.\n")
    path = tmp_path / "kyiv.txt"
    path.write_bytes(text.encode("cp1251"))
    report = load_paths(db, [path])
    assert report.ok, report.errors
    assert db.execute("select encoding from sources").fetchone()[0] == "cp1251"
    assert documents(db, limit=None)[0].title == "Удар по Киеву"
    hits = search(db, "дронами")
    assert [h.text for h in hits] == [text.split("\n\n")[1]]
    assert source_text(db, doc_id(db, "kyiv")) == text


def _with_hidden_names(folder: Path) -> Path:
    """a.txt and sub/c.txt to load; beside them a draft, desktop files, a .git folder full of .txt files,
    and a hidden folder of articles."""
    (folder / "sub" / ".hidden").mkdir(parents=True)
    (folder / ".git" / "objects").mkdir(parents=True)
    shutil.copy(LIVE_BLOG, folder / "a.txt")
    shutil.copy(AGGREGATOR, folder / "sub" / "c.txt")
    shutil.copy(LIVE_BLOG, folder / "sub" / ".draft.txt")
    shutil.copy(AGGREGATOR, folder / "sub" / ".hidden" / "b.txt")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".~lock.a.txt#").write_text("me,host,01.01.2025 10:00;", encoding="utf-8")
    for i in range(30):
        (folder / ".git" / "objects" / f"{i:02d}.txt").write_text("Not an article\n\nBut it ends in .txt.\n", encoding="utf-8")
    return folder


def test_hidden_files_and_folders_are_skipped_and_said_so_once_per_folder(db, tmp_path: Path) -> None:
    folder = _with_hidden_names(tmp_path / "story")
    report = load_paths(db, [folder])
    assert sorted(Path(p).relative_to(folder).as_posix() for p in report.loaded) == ["a.txt", "sub/c.txt"]
    assert report.ok and report.errors == []
    [note] = report.skipped
    assert note.path == str(folder) and note.count == 5 and report.skipped_count == 5
    assert note.reason == ("skipped 3 hidden files and 2 hidden folders (names starting with '.'; name one to load it): "
                           ".DS_Store, .git/, .~lock.a.txt#, sub/.draft.txt, sub/.hidden/")


def test_a_folder_without_hidden_names_says_nothing_of_them(db, two: Path) -> None:
    report = load_paths(db, [two])
    assert report.skipped == [] and report.skipped_count == 0


def test_many_hidden_names_are_counted_and_a_few_named(db, tmp_path: Path) -> None:
    folder = tmp_path / "dotted"
    folder.mkdir()
    shutil.copy(LIVE_BLOG, folder / "a.txt")
    for i in range(12):
        (folder / f".note{i:02d}.txt").write_text("x", encoding="utf-8")
    [note] = load_paths(db, [folder]).skipped
    assert note.count == 12
    assert note.reason.startswith("skipped 12 hidden files (names starting")
    assert note.reason.endswith(": .note00.txt, .note01.txt, .note02.txt, .note03.txt, .note04.txt and 7 more")


def test_a_hidden_file_or_folder_named_directly_is_read(db, tmp_path: Path) -> None:
    folder = _with_hidden_names(tmp_path / "story")
    report = load_paths(db, [folder / "sub" / ".draft.txt", folder / "sub" / ".hidden"])
    assert report.ok and report.skipped == []
    assert sorted(Path(p).name for p in report.loaded) == [".draft.txt", "b.txt"]


def test_a_folder_loads_in_path_order_part_by_part(db, tmp_path: Path) -> None:
    """`a/x.txt` before `a-b/x.txt` and `a.txt`: a folder's files come before a sibling whose name only starts
    like it, as pathlib orders paths, though '-' and '.' sort before '/' in a plain string."""
    folder = tmp_path / "story"
    names = ["a/x.txt", "a/z/y.txt", "a b/x.txt", "a-b/x.txt", "a.txt", "ab.txt", "B.txt"]
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(LIVE_BLOG, folder / name)
    report = load_paths(db, [folder])
    expected = [str(p) for p in sorted(folder / name for name in names)]
    assert report.loaded == expected
    assert [Path(p).relative_to(folder).as_posix() for p in expected][:3] == ["B.txt", "a/x.txt", "a/z/y.txt"]
    stored = [row[0] for row in db.execute("select path from sources order by id")]
    assert stored == [os.path.realpath(p) for p in expected]


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """The live blog as a.txt and the aggregator page as b.txt, loaded in that order."""
    folder = tmp_path / "two"
    folder.mkdir()
    shutil.copy(LIVE_BLOG, folder / "a.txt")
    shutil.copy(AGGREGATOR, folder / "b.txt")
    return folder


def test_a_failure_inside_one_file_rolls_back_that_file_only(db, two: Path, monkeypatch) -> None:
    import store.load as load_module

    real = load_module.reanchor_document

    def failing(database, doc):
        if database.execute("select count(*) from documents").fetchone()[0] > 1:
            raise RuntimeError("disk trouble")
        return real(database, doc)

    monkeypatch.setattr(load_module, "reanchor_document", failing)
    report = load_paths(db, [two])
    assert [Path(p.path).name for p in report.errors] == ["b.txt"]
    assert "disk trouble" in report.errors[0].reason
    assert [r[0] for r in db.execute("select stem from sources")] == ["a"]
    assert db.execute("select count(*) from documents").fetchone()[0] == 1
    assert db.execute("select count(*) from paragraphs where doc_id != 1").fetchone()[0] == 0


def test_an_extractor_failure_costs_only_that_paragraphs_figures(db, two: Path, monkeypatch) -> None:
    import store.prepare as prepare_module

    real = prepare_module.extract

    def failing(text, published=None):
        if "909 bodies" in text:
            raise RuntimeError("extractor broke")
        return real(text, published)

    monkeypatch.setattr(prepare_module, "extract", failing)
    report = load_paths(db, [two])
    assert report.ok and len(report.loaded) == 2
    broken = db.execute("select id from paragraphs where text like '%909 bodies%'").fetchall()
    assert broken
    for (pid,) in broken:
        assert db.execute("select count(*) from figures where paragraph_id = ?", [pid]).fetchone()[0] == 0
    others = db.execute(
        "select count(*) from figures f join paragraphs p on p.id = f.paragraph_id where p.text not like '%909 bodies%'"
    ).fetchone()[0]
    assert others > 0


def test_many_files_load_in_parallel_like_one_by_one(tmp_path: Path) -> None:
    from bench.corpus import write_corpus

    write_corpus(tmp_path / "corpus", 40, seed=3)
    serial, parallel = open_db(tmp_path / "serial.db"), open_db(tmp_path / "parallel.db")
    load_paths(serial, [tmp_path / "corpus"], workers=1)
    report = load_paths(parallel, [tmp_path / "corpus"], workers=2)
    assert report.ok and len(report.loaded) == 40
    query = "select d.stem, p.position, p.kind, p.text from paragraphs p join documents d on d.id = p.doc_id order by 1, 2"
    assert serial.execute(query).fetchall() == parallel.execute(query).fetchall()
    assert serial.execute("select count(*) from figures").fetchone() == parallel.execute("select count(*) from figures").fetchone()


def test_locked_database_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    import store.db as db_module

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "locked.db"
    open_db(path).close()
    holder = sqlite3.connect(path)
    holder.execute("begin exclusive")
    try:
        database = open_db(path)
        database.conn.execute("pragma busy_timeout = 100")
        with pytest.raises(StoreError, match="locked"):
            load_paths(database, [SEEDS])
    finally:
        holder.rollback()
        holder.close()


def test_read_only_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_db(path).close()
    if os.geteuid() == 0:
        # root ignores file permissions, so the connection itself is opened read-only
        database = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    else:
        path.chmod(0o444)
        database = open_db(path)
    with pytest.raises(StoreError, match="read-only"):
        load_paths(database, [SEEDS])


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    database = open_db(path)
    database.execute("update meta set value = '99' where key = 'schema_version'")
    database.conn.commit()
    database.close()
    with pytest.raises(StoreError, match="newer"):
        open_db(path)


def test_wal_and_busy_timeout(db) -> None:
    assert db.journal_mode == "wal"
    assert db.execute("pragma busy_timeout").fetchone()[0] > 0


def test_full_text_search_finds_istanbul(seeded) -> None:
    from store.queries import search

    hits = search(seeded, "Istanbul")
    assert len(hits) >= 3
    for hit in hits:
        assert all(hit.text[s:e].lower() == "istanbul" for s, e in hit.spans)


def test_full_text_index_matches_the_paragraphs_after_an_edited_reload(db, tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    target = folder / "blog.txt"
    shutil.copy(LIVE_BLOG, target)
    assert load_paths(db, [folder]).ok
    target.write_text(target.read_text(encoding="utf-8").replace("Istanbul", "Reykjavik"), encoding="utf-8")
    assert load_paths(db, [folder]).loaded
    db.execute("insert into paragraphs_fts (paragraphs_fts) values ('integrity-check')")
    rows = db.execute("select count(*) from paragraphs").fetchone()[0]
    assert db.execute("select count(*) from paragraphs_fts").fetchone()[0] == rows
    match = "select count(*) from paragraphs_fts where paragraphs_fts match ?"
    assert db.execute(match, ["Reykjavik"]).fetchone()[0] > 0
    assert db.execute(match, ["Istanbul"]).fetchone()[0] == 0


def _slow_prepare(path: str, digest: str | None, db_path: str | None = None):
    import time

    from store.prepare import prepare

    time.sleep(0.05)
    return prepare(path, digest, db_path)


def test_another_program_can_write_while_a_load_waits_for_its_workers(tmp_path: Path, monkeypatch) -> None:
    import threading
    import time

    import store.load as load_module

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"Report {i}\n\nThe council met on day {i} and voted {i} to {30 - i}.\n", encoding="utf-8")
    monkeypatch.setattr(load_module, "prepare", _slow_prepare)
    path = tmp_path / "shared.db"
    database = open_db(path)
    reports = []
    loading = threading.Thread(target=lambda: reports.append(load_paths(database, [folder], workers=2, group_repeats=False)))
    other = sqlite3.connect(path, timeout=0.5)
    loading.start()
    writes = 0
    while loading.is_alive():
        other.execute("insert into meta (key, value) values ('probe', ?) on conflict(key) do update set value = excluded.value", [str(writes)])
        other.commit()
        writes += 1
        time.sleep(0.02)
    loading.join()
    other.close()
    assert reports and reports[0].ok and len(reports[0].loaded) == 30
    assert writes >= 5


def test_a_load_stopped_before_grouping_is_grouped_by_the_next_one(tmp_path: Path) -> None:
    from store.repeats import groups

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    database = open_db(tmp_path / "t.db")
    first = load_paths(database, [folder], group_repeats=False)
    assert first.ok and not groups(database)
    again = load_paths(database, [folder])
    assert len(again.unchanged) == 2 and not again.loaded
    assert groups(database)


@pytest.mark.parametrize("name", ["outages.md", "outages.txt"])
def test_the_number_a_list_item_opens_with_is_no_figure_and_the_figures_inside_it_are(
        db, tmp_path: Path, name: str) -> None:
    from store.load import refresh_figures

    (tmp_path / name).write_text(
        "# Power cuts\n\nThe grid lost 3 plants, officials said on Tuesday.\n\n"
        "1. Officials expect outages to continue next month.\n2. The government wants 40 generators by winter.\n",
        encoding="utf-8")
    assert load_paths(db, [tmp_path]).ok
    figures = ("select p.text, f.start, f.[end], f.text, f.kind from figures f join paragraphs p on p.id = f.paragraph_id "
               "where p.text like '_. %' order by p.position, f.start")
    stored = db.execute(figures).fetchall()
    assert [(text[start:end], found, kind) for text, start, end, found, kind in stored] == [
        ("next month", "next month", "date"), ("40", "40", "count")]
    refresh_figures(db)
    assert db.execute(figures).fetchall() == stored


def test_stored_figures_are_what_the_extractor_finds_column_for_column(seeded) -> None:
    from datetime import date

    from store.figures import extract

    columns = ("start, [end], text, kind, value, low, high, unit, counted, approx, resolved, resolved_end, "
               "granularity, relative")
    paragraphs = seeded.execute(
        "select p.id, p.text, d.published from paragraphs p join documents d on d.id = p.doc_id "
        "where p.kind in ('title', 'heading', 'body')"
    ).fetchall()
    compared = 0
    for paragraph_id, text, published in paragraphs:
        stored = seeded.execute(f"select {columns} from figures where paragraph_id = ? order by id", [paragraph_id]).fetchall()
        found = [f.columns() for f in extract(text, date.fromisoformat(published) if published else None)]
        assert stored == found, text
        compared += len(found)
    assert compared == seeded.execute("select count(*) from figures").fetchone()[0] > 50


def test_the_figure_cache_keeps_short_paragraphs_only(tmp_path: Path) -> None:
    import store.prepare as prepare_module
    from store.kinds import READING_KINDS

    prepare_module.forget_cached_figures()
    long = "In 2023 the fund paid out $5 million to 120 families. " * 60
    path = tmp_path / "a.txt"
    path.write_text(f"Fund pays out\n\n{long}\n\nAnother 40 families are waiting.\n", encoding="utf-8")
    prepared = prepare_module.prepare(str(path), None)
    [article] = prepared.articles
    kept = {p.text for p in article.paragraphs if p.kind in READING_KINDS and len(p.text) <= prepare_module.CACHED_UP_TO}
    assert len(long) > prepare_module.CACHED_UP_TO and any(len(p.text) > prepare_module.CACHED_UP_TO for p in article.paragraphs)
    assert prepare_module._cached_columns.cache_info().currsize == len(kept)
    assert any(f[2] == "$5 million" for f in prepared.figures[0][[p.text for p in article.paragraphs].index(long.strip())])
    prepare_module.forget_cached_figures()


def loaded_then_searched(tmp_path: Path, monkeypatch, lines: list[str]) -> tuple[sqlite_utils.Database, Path, list[str]]:
    """`lines` written and loaded; from then on, the texts the figure extractor is given, in a list."""
    import store.prepare as prepare_module

    path = tmp_path / "article.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    assert load_paths(db, [path], workers=1).ok
    searched: list[str] = []
    extract = prepare_module.extract
    monkeypatch.setattr(prepare_module, "extract", lambda text, day: searched.append(text) or extract(text, day))
    prepare_module.forget_cached_figures()
    return db, path, searched


def test_a_changed_file_keeps_the_figures_of_its_unchanged_paragraphs_without_searching_them_again(
    tmp_path: Path, monkeypatch
) -> None:
    lines = ["date 2025-05-11 Live: the war, day by day",
             *(f"Update {i}: air defences downed {i + 3} drones over the region on May {i % 28 + 1}." for i in range(40))]
    db, path, searched = loaded_then_searched(tmp_path, monkeypatch, lines)
    lines[5] = lines[5].replace("downed", "shot down")
    lines.insert(1, "Update 40: a new entry reports 7 drones over Kharkiv on May 12.")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(db, [path], workers=1).ok
    assert sorted(searched) == sorted([lines[1], lines[6]])

    fresh = open_db(tmp_path / "fresh.db")
    assert load_paths(fresh, [path], workers=1).ok
    figures = ("select p.position, f.start, f.[end], f.text, f.kind, f.value, f.counted, f.resolved "
               "from figures f join paragraphs p on p.id = f.paragraph_id order by p.position, f.start")
    assert db.execute(figures).fetchall() == fresh.execute(figures).fetchall()
    assert len(db.execute(figures).fetchall()) > 80
    db.close()
    fresh.close()


def test_a_changed_date_line_searches_every_paragraph_again(tmp_path: Path, monkeypatch) -> None:
    lines = ["date 2025-05-11 Talks", "The delegations will meet again on Friday.", "They met for two hours."]
    db, path, searched = loaded_then_searched(tmp_path, monkeypatch, lines)
    path.write_text("\n".join(["date 2025-05-14 Talks", *lines[1:]]), encoding="utf-8")
    assert load_paths(db, [path], workers=1).ok
    assert sorted(searched) == sorted(["Talks", *lines[1:]])
    friday = db.execute("select resolved from figures where text = 'Friday'").fetchone()[0]
    assert friday == "2025-05-16"
    db.close()


def test_a_first_load_builds_the_figures_indexes_once_at_its_end_and_any_load_puts_back_a_missing_one(
    tmp_path: Path
) -> None:
    from store.db import FIGURE_INDEXES

    db = open_db(tmp_path / "t.db")
    indexes = lambda: {index.name for index in db["figures"].indexes}  # noqa: E731
    assert set(FIGURE_INDEXES) <= indexes()
    assert load_paths(db, [SEEDS]).ok
    assert set(FIGURE_INDEXES) <= indexes() and db.execute("select count(*) from figures").fetchone()[0] > 50
    db.execute("drop index figures_when")
    report = load_paths(db, [SEEDS])
    assert report.ok and len(report.unchanged) == 2 and set(FIGURE_INDEXES) <= indexes()
    plan = " ".join(row[3] for row in db.execute("explain query plan select id from figures where doc_id = 1"))
    assert "idx_figures_doc_id" in plan
    db.close()


def test_a_first_load_stopped_midway_leaves_what_it_stored_indexed(tmp_path: Path) -> None:
    from store.db import FIGURE_INDEXES

    def stop(done: int, *_: object) -> None:
        raise KeyboardInterrupt

    db = open_db(tmp_path / "t.db")
    with pytest.raises(KeyboardInterrupt):
        load_paths(db, [SEEDS], progress=stop, workers=1)
    assert db.execute("select count(*) from figures").fetchone()[0] > 0
    assert set(FIGURE_INDEXES) <= {index.name for index in db["figures"].indexes}
    db.close()


def test_the_opening_of_an_article_is_read_with_a_limit_and_matches_its_first_paragraphs(seeded) -> None:
    live = doc_id(seeded, LIVE_BLOG.stem)
    every = paragraphs_of(seeded, live)
    assert len(every) > 4
    assert paragraphs_of(seeded, live, limit=4) == every[:4]
    assert paragraphs_of(seeded, live, include_hidden=True, limit=2) == paragraphs_of(seeded, live, include_hidden=True)[:2]


def test_html_in_a_file_is_stored_as_it_reads_searched_so_and_the_file_rebuilds(db, tmp_path: Path) -> None:
    from store.queries import search

    text = ("Grain corridor talks resume\n\n<p>Turkey&#8217;s envoy met both sides &amp; the UN,&nbsp;officials said.</p>\n\n"
            "Both sides agreed to meet again.<br>A date was not set.\n")
    (tmp_path / "talks.txt").write_text(text, encoding="utf-8")
    assert load_paths(db, [tmp_path]).ok
    doc = doc_id(db, "talks")
    assert [p.text for p in paragraphs_of(db, doc) if p.n is not None] == [
        "Turkey’s envoy met both sides & the UN, officials said.", "Both sides agreed to meet again. A date was not set."]
    assert source_text(db, doc) == text
    assert search(db, "envoy") and not search(db, "nbsp") and not search(db, "br")


def test_a_paragraph_printed_twice_keeps_its_figures_once_each_when_its_file_is_loaded_again(
    tmp_path: Path, monkeypatch
) -> None:
    lead = "Air defences downed 42 drones over Kyiv on May 10, officials said."
    lines = ["date 2025-05-11 Live: the war, day by day", lead,
             *(f"Update {i}: {i + 3} drones over the region." for i in range(6)), lead]
    db, path, _ = loaded_then_searched(tmp_path, monkeypatch, lines)
    lines.insert(2, "Update 9: a new entry reports 7 drones over Kharkiv.")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(db, [path], workers=1).ok

    fresh = open_db(tmp_path / "fresh.db")
    assert load_paths(fresh, [path], workers=1).ok
    figures = ("select p.position, f.start, f.text from figures f join paragraphs p on p.id = f.paragraph_id "
               "order by p.position, f.start")
    assert db.execute(figures).fetchall() == fresh.execute(figures).fetchall()
    db.close()
    fresh.close()


def test_a_file_with_nothing_to_read_loads_with_a_note_saying_so(db, tmp_path: Path) -> None:
    (tmp_path / "headline.md").write_text("Headline only\n", encoding="utf-8")
    (tmp_path / "furniture.txt").write_text("DOWNLOAD THE APP\nlogo\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Talks resume\n\nThe two delegations met in Istanbul on Friday.\n", encoding="utf-8")
    report = load_paths(db, [tmp_path])
    assert report.ok and len(report.loaded) == 3
    assert sorted((Path(p.path).name, p.reason.split(" (")[1].split(";")[0]) for p in report.empty) == [
        ("furniture.txt", "2 lines set aside as page furniture"), ("headline.md", "only its headline")]
    assert sorted(d.title or d.stem for d in documents(db)) == ["Headline only", "Talks resume", "furniture"]


def test_the_author_of_a_byline_is_stored_listed_and_exported(db, tmp_path: Path) -> None:
    from store.export import export_text

    (tmp_path / "wire.txt").write_text("Drones hit Kyiv\nBy Anna Petrova, Reuters\n12 March 2025\n\n"
                                       "Air defences shot down 74 of 117 drones overnight, officials said.\n", encoding="utf-8")
    assert load_paths(db, [tmp_path]).ok
    [doc] = documents(db)
    assert (doc.author, doc.byline, doc.to_json()["author"]) == ("Anna Petrova", "By Anna Petrova", "Anna Petrova")
    from store.annotations import tag_paragraph

    tag_paragraph(db, paragraphs_of(db, doc.id)[0].id, ["drones"])
    header, row = export_text(db, bom=False).splitlines()
    assert header.endswith(",author") and row.endswith(",Anna Petrova")
