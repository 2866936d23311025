"""Repeat groups in the store: seeds, traps, edits, incremental loads, forgetting, thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from store.db import get_meta, open_db
from store.load import load_paths
from store.repeats import (
    changed_numbers, forget_paragraphs, group_of, groups, groups_by_place, members, regroup, update_repeats,
)
from store.repeats.score import DEFAULT_THRESHOLD
from store.text import normalise, text_hash
from tests.conftest import lsh_pairs, packed_lsh_pairs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIVE_BLOG = SEEDS / "000_f7ba2992e29d3270.txt"
AGGREGATOR = SEEDS / "003_7f94f20fc10e6d5d.txt"
LEAD = "The publications' latest report covers the period of February 24, 2022 to May 8, 2025."
SWAP = "According to Saraliev, the Russian Defense Ministry returned 909 bodies to Ukraine"
CONFIRMED = "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War confirmed the swap"


@pytest.fixture
def seeded(tmp_path: Path) -> sqlite_utils.Database:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in (LIVE_BLOG, AGGREGATOR):
        (folder / seed.name).write_bytes(seed.read_bytes())
    db = open_db(tmp_path / "t.db")
    report = load_paths(db, [folder], workers=1)
    assert report.ok, report.errors
    yield db
    db.close()


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "t.db")
    yield database
    database.close()


def paragraph(db: sqlite_utils.Database, start: str) -> tuple[int, str]:
    row = db.execute("select id, text from paragraphs where text like ? order by id", [start + "%"]).fetchone()
    assert row, start
    return row[0], row[1]


def add_document(db: sqlite_utils.Database, published: str | None, texts: list[str], kinds: list[str] | None = None) -> list[int]:
    doc_id = db["documents"].insert({"title": f"doc {published}", "published": published, "part": 0}).last_pk
    first = db.execute("select coalesce(max(id), 0) + 1 from paragraphs").fetchone()[0]
    kinds = kinds or ["body"] * len(texts)
    rows = [
        {"id": first + i, "doc_id": doc_id, "position": i, "n": i + 1, "kind": kind, "text": text, "hash": text_hash(text)}
        for i, (text, kind) in enumerate(zip(texts, kinds))
    ]
    db["paragraphs"].insert_all(rows)
    return [r["id"] for r in rows]


def group_texts(db: sqlite_utils.Database, paragraph_id: int) -> list[str]:
    group = group_of(db, paragraph_id)
    return [m.text for m in group.members] if group else []


def test_live_blog_lead_printed_twice_is_a_group_of_two(seeded: sqlite_utils.Database) -> None:
    pid, text = paragraph(seeded, LEAD)
    group = group_of(seeded, pid)
    assert group is not None and group.size == 2
    assert [m.text for m in group.members] == [text, text]
    assert len({m.doc_id for m in group.members}) == 1


@pytest.mark.parametrize("headline, copies", [
    ("Moscow and Kiev exchange remains of fallen soldiers", 2),
    ("US to cut Ukraine aid", 3),
    ("WHISPERING GIANT: Russia's quiet power leaves the West in the dust", 3),
    ("EU wants to prolong Ukraine conflict", 3),
])
def test_each_repeated_headline_groups_with_its_copies(seeded: sqlite_utils.Database, headline: str, copies: int) -> None:
    ids = [r[0] for r in seeded.execute("select id from paragraphs where text = ? and kind in ('title','heading','body')", [headline])]
    assert len(ids) == copies
    group = group_of(seeded, ids[0])
    assert group is not None
    assert sorted(m.paragraph_id for m in group.members) == sorted(ids)
    assert group.representative == group.members[0].paragraph_id


def test_no_group_mixes_unrelated_paragraphs(seeded: sqlite_utils.Database) -> None:
    found = groups(seeded, min_size=2)
    assert len(found) >= 5
    for group in found:
        assert group.size == len(group.members)
        assert len({normalise(m.text) for m in group.members}) == 1, [m.text for m in group.members]


def test_a_list_of_repeats_shows_each_place_once(seeded: sqlite_utils.Database) -> None:
    """The page's own headline lines, and each related article's three, are each printed in one place: only the
    live blog's lead, printed as its ¶1 and ¶16, is printed in two."""
    [listed] = groups_by_place(seeded)
    assert [(m.n, m.kind) for m in listed.places] == [(1, "body"), (16, "body")]
    assert listed.size == 2


def test_a_headline_printed_thrice_by_its_page_is_one_place(seeded: sqlite_utils.Database) -> None:
    pid, _ = paragraph(seeded, "US to cut Ukraine aid")
    group = group_of(seeded, pid)
    assert group is not None and group.size == 3
    assert [m.paragraph_id for m in group.places] == [group.representative]
    assert group.id not in {g.id for g in groups_by_place(seeded)}
    assert group.id in {g.id for g in groups_by_place(seeded, min_places=1)}


def add_page(db: sqlite_utils.Database, published: str, titles: int, body: list[str]) -> list[int]:
    """A document that prints its headline `titles` times, unnumbered as the loader leaves titles, then its body."""
    doc_id = db["documents"].insert({"title": HEADLINE, "published": published, "part": 0}).last_pk
    first = db.execute("select coalesce(max(id), 0) + 1 from paragraphs").fetchone()[0]
    texts = [HEADLINE] * titles + body
    rows = [
        {"id": first + i, "doc_id": doc_id, "position": i, "n": None if i < titles else i - titles + 1,
         "kind": "title" if i < titles else "body", "text": text, "hash": text_hash(text)}
        for i, text in enumerate(texts)
    ]
    db["paragraphs"].insert_all(rows)
    return [r["id"] for r in rows]


HEADLINE = "Moscow and Kiev exchange remains of fallen soldiers"


def test_a_headline_in_two_documents_is_two_places_however_often_each_prints_it(db: sqlite_utils.Database) -> None:
    first = add_page(db, "2025-05-16", 3, ["Moscow and Kiev have exchanged the remains of fallen servicemen, an MP said."])
    second = add_page(db, "2025-05-17", 2, ["A different body paragraph about the swap, and what it may lead to next."])
    update_repeats(db)
    [listed] = groups_by_place(db)
    assert listed.size == 5
    assert [(m.paragraph_id, m.n, m.kind) for m in listed.places] == [(first[0], None, "title"), (second[0], None, "title")]


def test_groups_by_place_come_most_places_first_and_page(db: sqlite_utils.Database) -> None:
    lead = "Moscow and Kiev have exchanged the remains of fallen servicemen, a Russian lawmaker told reporters."
    follow = "Similar swaps have been carried out monthly since January, with hundreds of bodies handed over each time."
    for day in range(1, 5):
        add_document(db, f"2025-05-0{day}", [lead, follow] if day <= 2 else [lead])
    add_page(db, "2025-05-05", 3, [])
    update_repeats(db)
    listed = groups_by_place(db)
    assert [(g.members[0].text, len(g.places)) for g in listed] == [(lead, 4), (follow, 2)]
    assert [g.id for g in groups_by_place(db, limit=1, offset=1)] == [listed[1].id]
    assert [len(g.places) for g in groups_by_place(db, min_places=3)] == [4]


def test_headline_does_not_merge_with_the_paragraph_that_contains_it(seeded: sqlite_utils.Database) -> None:
    pid, _ = paragraph(seeded, "US to cut Ukraine aid")
    body, _ = paragraph(seeded, "The White House will be slashing military funding")
    assert body not in {m.paragraph_id for m in group_of(seeded, pid).members}
    assert group_of(seeded, body) is None or all(m.text != "US to cut Ukraine aid" for m in group_of(seeded, body).members)


def test_headline_trap_with_the_headline_opening_a_long_paragraph(db: sqlite_utils.Database) -> None:
    headline = "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"
    body = (headline + ". Russian independent media outlet Mediazona, in collaboration with the BBC Russian service, "
            "has confirmed the identities of 107,620 Russian military personnel killed in Ukraine.")
    ids = add_document(db, "2025-05-11", [headline, body], ["title", "body"])
    update_repeats(db, ids)
    assert group_of(db, ids[0]) is None and group_of(db, ids[1]) is None


def test_kiev_kyiv_and_a_changed_number_group_with_the_original(seeded: sqlite_utils.Database) -> None:
    swap_id, swap = paragraph(seeded, SWAP)
    confirmed_id, confirmed = paragraph(seeded, CONFIRMED)
    assert "Kiev" in confirmed and "909" in swap
    ids = add_document(seeded, "2025-05-20", [confirmed.replace("Kiev", "Kyiv"), swap.replace("909", "757")])
    update_repeats(seeded, ids)
    spelling = group_of(seeded, ids[0])
    number = group_of(seeded, ids[1])
    assert spelling is not None and spelling.representative == confirmed_id
    assert number is not None and number.representative == swap_id
    assert sorted(m.paragraph_id for m in number.members) == sorted([swap_id, ids[1]])
    copy = next(m for m in number.members if m.paragraph_id == ids[1])
    assert DEFAULT_THRESHOLD <= copy.score < 100
    assert changed_numbers(number.members[0].text, copy.text) == [("909", "757")]


def test_a_copy_that_both_respells_and_changes_a_number_still_groups(db: sqlite_utils.Database) -> None:
    original = ("Ukraine and Russia exchanged 41 prisoners of war on Wednesday, officials in Kiev said, the latest "
                "swap in a process brokered by the United Arab Emirates.")
    copy = original.replace("41", "44").replace("Kiev", "Kyiv")
    first = add_document(db, "2025-03-12", [original])
    second = add_document(db, "2025-03-12", [copy])
    update_repeats(db)
    group = group_of(db, second[0])
    assert group is not None and group.representative == first[0]
    member = next(m for m in group.members if m.paragraph_id == second[0])
    assert DEFAULT_THRESHOLD <= member.score < 100
    assert changed_numbers(original, copy) == [("41", "44")]


@pytest.mark.parametrize("stamp", ["14:32 GMT - ", "9.30am: ", "14:32 | ", "11:05 (BST) — ", "Updated 13:10 GMT - "])
def test_a_live_blog_entry_stamped_with_its_time_groups_with_the_same_text_unstamped(
    db: sqlite_utils.Database, stamp: str
) -> None:
    entry = "Air raid sirens sounded across Kyiv overnight as drones approached the capital."
    wire = add_document(db, "2025-03-11", [entry])
    blog = add_document(db, "2025-03-12", [stamp + entry, "15:10 GMT - " + entry])
    update_repeats(db)
    group = group_of(db, blog[0])
    assert group is not None and group.representative == wire[0]
    assert {m.paragraph_id for m in group.members} == {wire[0], *blog}
    assert all(m.score == 100.0 for m in group.members)


@pytest.mark.parametrize("written", ["Kiev\u2011based", "Kiev\u2010based", "Ki\u00adev-based", "Kiev-\u200bbased"])
def test_invisible_breaks_of_web_text_do_not_make_another_word(written: str) -> None:
    from store.repeats.score import score

    plain = ("Ukraine and Russia exchanged 44 prisoners of war on Wednesday, officials at the Kyiv-based "
             "coordination headquarters said, the latest swap in a process brokered by the United Arab Emirates.")
    assert score(plain.replace("Kyiv-based", written), plain) == 100.0


def test_an_index_signed_by_an_earlier_version_is_rebuilt_whole_on_the_next_grouping(db: sqlite_utils.Database) -> None:
    from store.db import set_meta
    from store.repeats.groups import SIGNED_KEY
    from store.repeats.minhash import SIGNING_VERSION

    original = ("Ukraine and Russia exchanged 41 prisoners of war on Wednesday, officials in Kiev said, the latest "
                "swap in a process brokered by the United Arab Emirates.")
    [first] = add_document(db, "2025-03-12", [original])
    update_repeats(db)
    assert get_meta(db, SIGNED_KEY) == str(SIGNING_VERSION)
    # Keys an earlier signing wrote no longer find the representative: here, none are found at all.
    db.execute("delete from repeat_lsh")
    db.execute("delete from repeat_lsh_keys")
    set_meta(db, SIGNED_KEY, str(SIGNING_VERSION - 1))
    [second] = add_document(db, "2025-03-13", [original.replace("41", "44")])
    update_repeats(db)
    group = group_of(db, second)
    assert group is not None and group.representative == first
    assert get_meta(db, SIGNED_KEY) == str(SIGNING_VERSION)
    assert db.execute("select count(*) from repeat_lsh_keys").fetchone()[0] == 1


def test_earlier_copy_becomes_the_representative(seeded: sqlite_utils.Database) -> None:
    swap_id, swap = paragraph(seeded, SWAP)
    ids = add_document(seeded, "2025-01-02", [swap.replace("909", "757")])
    update_repeats(seeded, ids)
    group = group_of(seeded, swap_id)
    assert group is not None and group.representative == ids[0]
    assert members(seeded, group.id)[0].paragraph_id == ids[0]


def test_incremental_add_matches_against_the_stored_index(seeded: sqlite_utils.Database) -> None:
    confirmed_id, confirmed = paragraph(seeded, CONFIRMED)
    keys = seeded.execute("select count(*) from repeat_lsh where paragraph_id = ?", [confirmed_id]).fetchone()[0]
    assert keys > 0
    before = dict(seeded.execute("select paragraph_id, group_id from repeat_members").fetchall())
    ids = add_document(seeded, "2025-06-01", [confirmed.replace("Kiev", "Kyiv") + " It added that more exchanges would follow.",
                                              "An unrelated paragraph about the weather in Lisbon, which was sunny and warm all week long."])
    assert update_repeats(seeded, ids) == 1
    after = dict(seeded.execute("select paragraph_id, group_id from repeat_members").fetchall())
    assert {p: g for p, g in after.items() if p in before} == before
    assert group_of(seeded, ids[0]).representative == confirmed_id
    assert group_of(seeded, ids[1]) is None
    assert update_repeats(seeded) == 0


def test_a_later_copy_without_one_sentence_is_found_by_sentence_keys_when_lsh_buckets_are_crowded(
    seeded: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    groups_module = importlib.import_module("store.repeats.groups")
    confirmed_id, confirmed = paragraph(seeded, CONFIRMED)
    first, dropped, last = confirmed.split(". ")
    copy = f"{first}. {last}"
    # Crowded buckets in a big collection: no indexed paragraph comes back from an LSH band.
    monkeypatch.setattr(groups_module, "BUCKET_MOST", 0)
    ids = add_document(seeded, "2025-06-01", [copy])
    update_repeats(seeded, ids)
    group = group_of(seeded, ids[0])
    assert group is not None and group.representative == group_of(seeded, confirmed_id).representative


def test_forget_then_reload_keeps_groups_whole(seeded: sqlite_utils.Database) -> None:
    swap_id, swap = paragraph(seeded, SWAP)
    first = add_document(seeded, "2025-06-01", [swap.replace("909", "757")])
    second = add_document(seeded, "2025-06-02", [swap.replace("909", "801")])
    update_repeats(seeded, first + second)
    assert group_of(seeded, swap_id).size == 3

    doc = seeded.execute("select doc_id from paragraphs where id = ?", [swap_id]).fetchone()[0]
    gone = [r[0] for r in seeded.execute("select id from paragraphs where doc_id = ?", [doc])]
    forget_paragraphs(seeded, gone)
    seeded.execute(f"delete from paragraphs where id in ({','.join('?' * len(gone))})", gone)
    assert seeded.execute(f"select count(*) from repeat_lsh where paragraph_id in ({','.join('?' * len(gone))})", gone).fetchone()[0] == 0
    assert seeded.execute(f"select count(*) from repeat_members where paragraph_id in ({','.join('?' * len(gone))})", gone).fetchone()[0] == 0
    group = group_of(seeded, first[0])
    assert group is not None and group.representative == first[0] and group.size == 2
    assert seeded.execute("select count(*) from repeat_lsh where paragraph_id = ?", [first[0]]).fetchone()[0] > 0
    orphan_groups = seeded.execute(
        "select count(*) from repeat_groups g where not exists (select 1 from repeat_members m where m.group_id = g.id)"
    ).fetchone()[0]
    assert orphan_groups == 0


def test_reload_through_the_loader(tmp_path: Path, seeded: sqlite_utils.Database) -> None:
    snapshot = sorted((g.size, tuple(sorted(m.text for m in g.members))) for g in groups(seeded))
    folder = tmp_path / "articles"
    report = load_paths(seeded, [folder], refresh=True, workers=1)
    assert report.ok
    again = sorted((g.size, tuple(sorted(m.text for m in g.members))) for g in groups(seeded))
    assert again == snapshot
    dangling = seeded.execute(
        "select count(*) from repeat_members m left join paragraphs p on p.id = m.paragraph_id where p.id is null"
    ).fetchone()[0]
    assert dangling == 0
    sizes = seeded.execute(
        "select count(*) from repeat_groups g where size != (select count(*) from repeat_members m where m.group_id = g.id)"
    ).fetchone()[0]
    assert sizes == 0


def test_reloading_an_edited_original_keeps_it_the_representative(tmp_path: Path, db: sqlite_utils.Database) -> None:
    shared = ("The released soldiers had been held for more than two years, according to the Ukrainian "
              "coordination headquarters for the treatment of prisoners.")
    folder = tmp_path / "articles"
    folder.mkdir()
    original = folder / "a-reuters.txt"
    original.write_text(f"Prisoners swapped\nReuters 12-03-2025\n{shared}\nTalks continue this week in Istanbul.\n")
    (folder / "b-copy.txt").write_text(f"Prisoners swapped\nDaily Wire 12-03-2025\n{shared}\nAnalysts saw progress.\n")
    assert load_paths(db, [folder], workers=1).ok

    def representative_doc() -> str:
        return db.execute(
            "select d.stem from repeat_members m join repeat_groups g on g.id = m.group_id "
            "join paragraphs r on r.id = g.representative_id join documents d on d.id = r.doc_id "
            "join paragraphs p on p.id = m.paragraph_id where p.text = ? and g.size = 2", [shared]).fetchone()[0]

    assert representative_doc() == "a-reuters"
    original.write_text(original.read_text().replace("this week", "next week"))
    report = load_paths(db, [folder], workers=1)
    assert report.loaded == [str(original)]
    assert representative_doc() == "a-reuters"


@pytest.mark.parametrize("together", [True, False], ids=["one load", "one load each"])
@pytest.mark.parametrize("first, second", [("Kiev", "Kyiv"), ("Kyiv", "KIEV")])
def test_headlines_differing_only_in_a_place_name_spelling_are_one_group(
    tmp_path: Path, db: sqlite_utils.Database, first: str, second: str, together: bool,
) -> None:
    """Too short for fuzzy matching, these repeat only as exact copies; a place name's spelling does not count."""
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(f"Drone strike hits {first} overnight\nReuters 12-03-2025\nAir defences were active for hours "
                   "over the capital, the city administration said on its channel.\n")
    two.write_text(f"Drone strike hits {second} overnight\nRT 13-03-2025\nMoscow said its forces had struck "
                   "energy sites and military airfields across the country in the night.\n")
    for paths in ([one, two],) if together else ([one], [two]):
        assert load_paths(db, paths, workers=1).ok
    headline = db.execute("select id from paragraphs where kind = 'title' order by id").fetchall()
    group = group_of(db, headline[0][0])
    assert group is not None and {m.paragraph_id for m in group.members} == {row[0] for row in headline}
    assert normalise(members(db, group.id)[1].text) != normalise(members(db, group.id)[0].text)


def test_a_changed_word_in_a_headline_is_not_a_spelling(tmp_path: Path, db: sqlite_utils.Database) -> None:
    (tmp_path / "one.txt").write_text("Drone strike hits Kiev overnight\nReuters 12-03-2025\n")
    (tmp_path / "two.txt").write_text("Drone strike hits Kharkiv overnight\nRT 13-03-2025\n")
    assert load_paths(db, [tmp_path], workers=1).ok
    headline = db.execute("select id from paragraphs where kind = 'title' order by id").fetchone()[0]
    assert group_of(db, headline) is None


def test_changing_the_threshold_regroups(seeded: sqlite_utils.Database) -> None:
    confirmed_id, confirmed = paragraph(seeded, CONFIRMED)
    ids = add_document(seeded, "2025-06-01", [confirmed.replace("confirmed", "has confirmed")])
    update_repeats(seeded, ids)
    score = next(m.score for m in group_of(seeded, ids[0]).members if m.paragraph_id == ids[0])
    regroup(seeded, score + 0.5)
    assert float(get_meta(seeded, "repeat_threshold")) == score + 0.5
    assert group_of(seeded, ids[0]) is None
    assert group_of(seeded, paragraph(seeded, LEAD)[0]).size == 2
    regroup(seeded, score - 0.5)
    assert group_of(seeded, ids[0]).representative == confirmed_id
    regroup(seeded)
    assert float(get_meta(seeded, "repeat_threshold")) == score - 0.5


def test_short_texts_match_only_exactly(db: sqlite_utils.Database) -> None:
    ids = add_document(db, "2025-01-01", ['Zelensky says "talks will go on"', "ZELENSKY says \u201ctalks will go on\u201d",
                                          'Zelensky says "talks will go ahead"'])
    update_repeats(db, ids)
    group = group_of(db, ids[0])
    assert group is not None and sorted(m.paragraph_id for m in group.members) == sorted(ids[:2])
    assert group_of(db, ids[2]) is None


def test_lines_repeated_across_many_documents_are_furniture(db: sqlite_utils.Database) -> None:
    stories = ["Kharkiv was shelled overnight", "Talks resumed in Istanbul", "The grain deal expired",
               "A new aid package passed", "Drones struck a refinery", "Prisoners were exchanged"]
    ids = []
    for day, story in enumerate(stories, 1):
        ids += add_document(db, f"2025-01-0{day}", ["Advertisement", f"{story}, officials said on day {day}."])
    update_repeats(db, ids)
    ad = ids[0]
    assert group_of(db, ad) is None
    assert db.execute("select count(*) from repeat_members where group_id is null").fetchone()[0] == 6
    assert groups(db) == []


def test_packed_keys_mirror_the_index_through_edits(seeded: sqlite_utils.Database) -> None:
    assert lsh_pairs(seeded) and lsh_pairs(seeded) == packed_lsh_pairs(seeded)
    swap_id, swap = paragraph(seeded, SWAP)
    ids = add_document(seeded, "2025-01-02", [swap.replace("909", "757")])
    update_repeats(seeded, ids)
    forget_paragraphs(seeded, [swap_id])
    assert lsh_pairs(seeded) == packed_lsh_pairs(seeded)
    assert swap_id not in {pid for _, pid in lsh_pairs(seeded)}



def test_the_reader_marks_and_steps_through_the_places_a_headline_is_printed_not_its_lines(
    seeded: sqlite_utils.Database,
) -> None:
    from store.reading import article_data, copies_of

    pid, _ = paragraph(seeded, "US to cut Ukraine aid")
    group = group_of(seeded, pid)
    assert group is not None and group.size == 3
    views = [v for v in article_data(seeded, group.members[0].doc_id).paragraphs if v.id in {m.paragraph_id for m in group.members}]
    assert views and all(v.repeat is None for v in views)
    live_lead = next(g for g in groups_by_place(seeded))
    copies = copies_of(seeded, live_lead.id)
    assert [n for _pid, _doc, n, _pos in copies] == [1, 16]
    [mark] = {v.repeat.size for v in article_data(seeded, live_lead.places[0].doc_id).paragraphs if v.repeat is not None}
    assert mark == 2
