"""Migrations: a collection loaded by an older tearsheet opens in this one with nothing lost.

v2: documents.sort_date, kept by triggers, and the indexes that serve the library's orders.
v3: repeat_lsh loses its paragraph_id index; each paragraph's band keys are packed in repeat_lsh_keys.
v4: the loader, not a per-row trigger, adds new paragraphs to paragraphs_fts.
v5: repeat_lsh_keys.prints, each indexed paragraph's signature print (NULL on rows written before).
v6: annotations.original_text, the text an annotation was first made on (its anchor text on rows written before).
v7: sources.prepared_by, the version of the reading rules each file was read by (NULL before: read again once).
v8: paragraphs indexed by (doc_id, hash).
v9: figures that resolve to a date indexed by that date, and by kind then that date, for the time order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from store.annotations import tag_paragraph
from store.db import SCHEMA_VERSION, holds_documents, open_db, schema_version
from store.load import load_paths
from store.queries import SORTS, documents
from tests.conftest import SEEDS, packed_lsh_pairs

PAGE_DATE = "coalesce((select p.published from documents p where p.id = d.parent_id), d.published, '')"
# The date order as it was computed before the stored column: through a join on the parent.
JOINED_DATE_ORDER = ("select d.id from documents d left join documents pd on pd.id = d.parent_id "
                     "order by coalesce(pd.published, d.published, '') desc, coalesce(d.parent_id, d.id), d.part")


def stale_dates(database: sqlite_utils.Database) -> list[tuple]:
    return database.execute(
        f"select d.id, d.sort_date, {PAGE_DATE} from documents d where d.sort_date is not {PAGE_DATE}"
    ).fetchall()


TIME_ORDER_INDEXES = {"figures_when"}


def drop_time_order_indexes(database: sqlite_utils.Database) -> None:
    for index in TIME_ORDER_INDEXES:
        database.execute(f"drop index {index}")


def as_version_1(path: Path) -> None:
    """Put a collection back in the shape tearsheet's schema 1 gave it."""
    database = sqlite_utils.Database(path)
    for trigger in ("insert", "update", "delete"):
        database.execute(f"drop trigger documents_sort_date_{trigger}")
    for index in ("documents_parent", "documents_date_order", "documents_outlet_order", "documents_title_order"):
        database.execute(f"drop index {index}")
    database.execute("alter table documents drop column sort_date")
    database.execute("drop table repeat_lsh_keys")
    database.execute(
        'create trigger "paragraphs_ai" after insert on "paragraphs" begin '
        'insert into "paragraphs_fts" (rowid, "text") values (new.rowid, new."text"); end'
    )
    database.execute("create index idx_repeat_lsh_paragraph on repeat_lsh (paragraph_id)")
    database.execute("alter table annotations drop column original_text")
    database.execute("alter table sources drop column prepared_by")
    database.execute("drop index idx_paragraphs_doc_id_hash")
    database.execute("drop index idx_paragraphs_match_hash")
    database.execute("alter table paragraphs drop column match_hash")
    drop_time_order_indexes(database)
    database.execute("update meta set value = '1' where key = 'schema_version'")
    database.conn.commit()
    database.close()


@pytest.fixture
def v1_path(tmp_path: Path) -> Path:
    """A collection loaded by a tearsheet whose schema stopped at version 1."""
    path = tmp_path / "v1.db"
    database = open_db(path)
    assert load_paths(database, [SEEDS]).ok
    database.close()
    as_version_1(path)
    return path


def test_opening_a_v1_collection_fills_sort_date_with_each_page_date(v1_path: Path) -> None:
    before = sqlite_utils.Database(v1_path)
    assert "sort_date" not in before["documents"].columns_dict
    assert before.execute("select count(*) from documents where parent_id is not null").fetchone()[0] > 0
    expected = [row[0] for row in before.execute(JOINED_DATE_ORDER)]
    before.close()

    database = open_db(v1_path)
    assert schema_version(database) == SCHEMA_VERSION == 11
    assert "idx_paragraphs_doc_id_hash" in {index.name for index in database["paragraphs"].indexes}
    assert "author" in database["documents"].columns_dict
    assert TIME_ORDER_INDEXES <= {index.name for index in database["figures"].indexes}
    assert stale_dates(database) == []
    assert [row.id for row in documents(database, sort="date", limit=None)] == expected


def test_loading_fills_sort_date_for_new_documents(store: sqlite_utils.Database) -> None:
    related = store.execute("select id, parent_id from documents where parent_id is not null").fetchall()
    assert related
    assert store.execute("select count(*) from documents where sort_date is null").fetchone()[0] == 0
    assert stale_dates(store) == []
    assert [row.id for row in documents(store, sort="date", limit=None)] == \
        [row[0] for row in store.execute(JOINED_DATE_ORDER)]


def test_a_page_with_a_new_date_carries_its_related_articles(store: sqlite_utils.Database) -> None:
    parent = store.execute("select parent_id from documents where parent_id is not null limit 1").fetchone()[0]
    with store.atomic():
        store.execute("update documents set published = '1999-01-02' where id = ?", [parent])
    children = store.execute("select sort_date from documents where parent_id = ?", [parent]).fetchall()
    assert children and {row[0] for row in children} == {"1999-01-02"}
    assert stale_dates(store) == []
    with store.atomic():
        store.execute("update documents set parent_id = null where parent_id = ?", [parent])
    assert stale_dates(store) == []


def test_removing_a_page_gives_its_related_articles_their_own_dates(store: sqlite_utils.Database) -> None:
    parent = store.execute("select parent_id from documents where parent_id is not null limit 1").fetchone()[0]
    with store.atomic():
        store.execute("update documents set published = '1999-01-02' where id = ?", [parent])
        store.execute("delete from documents where id = ?", [parent])
    children = store.execute("select sort_date, coalesce(published, '') from documents where parent_id = ?",
                             [parent]).fetchall()
    assert children and all(sort_date == own for sort_date, own in children)


@pytest.mark.parametrize("sort", sorted(SORTS))
def test_every_library_order_is_read_from_an_index_not_sorted(store: sqlite_utils.Database, sort: str) -> None:
    plan = " | ".join(row[3] for row in store.execute(
        f"explain query plan select d.id from documents d order by {SORTS[sort]} limit 200"))
    assert "TEMP B-TREE" not in plan, plan


def test_reloading_a_file_keeps_sort_date_right(tmp_path: Path, folder: Path) -> None:
    database = open_db(tmp_path / "t.db")
    assert load_paths(database, [folder]).ok
    assert load_paths(database, [folder], refresh=True).ok
    assert stale_dates(database) == []


def test_opening_a_v1_collection_packs_each_paragraphs_band_keys(v1_path: Path) -> None:
    before = sqlite_utils.Database(v1_path)
    expected = {tuple(row) for row in before.execute("select key, paragraph_id from repeat_lsh")}
    before.close()
    assert expected
    database = open_db(v1_path)
    assert packed_lsh_pairs(database) == expected
    assert "idx_repeat_lsh_paragraph" not in {row[1] for row in database.execute("pragma index_list(repeat_lsh)")}
    database.close()


def test_opening_a_v1_collection_hands_full_text_rows_to_the_loader(v1_path: Path, tmp_path: Path) -> None:
    database = open_db(v1_path)
    triggers = {row[0] for row in database.execute("select name from sqlite_master where type = 'trigger'")}
    assert "paragraphs_ai" not in triggers and {"paragraphs_ad", "paragraphs_au"} <= triggers
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "note.txt").write_text("Negotiators met in Reykjavik on Tuesday to discuss the grain corridor.\n", encoding="utf-8")
    assert load_paths(database, [extra]).ok
    database.execute("insert into paragraphs_fts (paragraphs_fts) values ('integrity-check')")
    hits = database.execute("select count(*) from paragraphs_fts where paragraphs_fts match 'Reykjavik'").fetchone()[0]
    assert hits == 1
    database.close()


def test_annotations_made_before_version_6_keep_their_anchor_text_as_the_original(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    database = open_db(path)
    assert load_paths(database, [SEEDS]).ok
    paragraph_id, text = database.execute(
        "select id, text from paragraphs where kind = 'body' order by id limit 1").fetchone()
    tag_paragraph(database, paragraph_id, ["kept"])
    database.execute("alter table annotations drop column original_text")
    database.execute("update meta set value = '5' where key = 'schema_version'")
    database.conn.commit()
    database.close()

    database = open_db(path)
    assert schema_version(database) == SCHEMA_VERSION
    assert database.execute("select original_text, anchor_text from annotations").fetchall() == [(text, text)]
    database.close()


def test_only_a_current_collection_with_documents_is_left_for_the_reader_to_open_after_painting(
    tmp_path: Path, v1_path: Path
) -> None:
    """Everything else goes through open_db first, which migrates, creates or explains."""
    assert not holds_documents(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists(), "asking must not create the file"
    assert not holds_documents(tmp_path)
    (tmp_path / "notes.txt").write_text("not a database")
    assert not holds_documents(tmp_path / "notes.txt")
    open_db(tmp_path / "empty.db").close()
    assert not holds_documents(tmp_path / "empty.db")
    assert not holds_documents(v1_path)
    database = open_db(v1_path)
    database.close()
    assert holds_documents(v1_path)


def test_asking_about_a_locked_file_does_not_wait_out_the_busy_timeout(tmp_path: Path) -> None:
    """open_db waits and explains; asking first must not add a second wait before it."""
    import sqlite3
    import time

    path = tmp_path / "journal.db"
    database = open_db(path)
    assert load_paths(database, [SEEDS]).ok
    database.execute("PRAGMA journal_mode = DELETE")
    database.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("begin exclusive")
    try:
        started = time.monotonic()
        assert not holds_documents(path)
        assert time.monotonic() - started < 1.0
    finally:
        holder.execute("rollback")
        holder.close()
    assert holds_documents(path)


def test_files_read_by_older_rules_are_read_again_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from store import load as load_module

    database = open_db(tmp_path / "t.db")
    assert len(load_paths(database, [SEEDS]).loaded) == 2
    assert len(load_paths(database, [SEEDS]).unchanged) == 2
    monkeypatch.setattr(load_module, "PREPARE_VERSION", load_module.PREPARE_VERSION + 1)
    again = load_paths(database, [SEEDS])
    assert (len(again.loaded), len(again.unchanged)) == (2, 0)
    assert len(load_paths(database, [SEEDS]).unchanged) == 2
    assert database.execute("select distinct prepared_by from sources").fetchall() == [(load_module.PREPARE_VERSION,)]
    database.close()


def test_opening_a_v8_collection_indexes_its_dated_figures_for_the_time_order(tmp_path: Path) -> None:
    from store.figure_list import figures

    path = tmp_path / "v8.db"
    database = open_db(path)
    assert load_paths(database, [SEEDS]).ok
    expected = [(row.doc, row.figure) for row in figures(database, sort="when", limit=None)]
    drop_time_order_indexes(database)
    database.execute("update meta set value = '8' where key = 'schema_version'")
    database.conn.commit()
    database.close()

    database = open_db(path)
    assert schema_version(database) == SCHEMA_VERSION
    assert TIME_ORDER_INDEXES <= {index.name for index in database["figures"].indexes}
    dated = database.execute("select count(*) from figures indexed by figures_when "
                             "where resolved glob '[0-9][0-9][0-9][0-9]*'").fetchone()[0]
    assert dated == sum(1 for _doc, figure in expected if figure.resolved and figure.resolved[:4].isdigit()) > 10
    assert [(row.doc, row.figure) for row in figures(database, sort="when", limit=None)] == expected
    database.close()


def test_opening_a_v10_collection_adds_the_author_and_lists_documents_without_an_outlet_last(tmp_path: Path) -> None:
    from store.queries import documents

    folder = tmp_path / "outlets"
    folder.mkdir()
    (folder / "ua.txt").write_text("Удар по Києву\nУкраїнська правда\n12 березня 2025\n\nДрони атакували Київ уночі.\n",
                                   encoding="utf-8")
    (folder / "none.txt").write_text("Talks resume\n\nThe two delegations met in Istanbul on Friday.\n", encoding="utf-8")
    (folder / "wire.txt").write_text("Drones hit Kyiv\nBy Anna Petrova, Reuters\n12 March 2025\n\n"
                                     "Air defences shot down 74 of 117 drones overnight, officials said.\n", encoding="utf-8")
    path = tmp_path / "v10.db"
    database = open_db(path)
    assert load_paths(database, [folder]).ok
    database.execute("drop index documents_outlet_order")
    database.execute("create index documents_outlet_order on documents "
                     "(coalesce(source, '~') collate nocase, coalesce(published, '') desc, id)")
    database.execute("alter table documents drop column author")
    database.execute("update meta set value = '10' where key = 'schema_version'")
    database.conn.commit()
    database.close()

    database = open_db(path)
    assert schema_version(database) == SCHEMA_VERSION and "author" in database["documents"].columns_dict
    assert [d.source for d in documents(database, sort="outlet")] == ["Reuters", "Українська правда", None]
    assert load_paths(database, [folder], refresh=True).ok
    assert {d.author for d in documents(database)} == {"Anna Petrova", None}
    database.close()
