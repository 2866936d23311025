"""Annotations keep their places when the articles are loaded again after an edit, through the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from store.annotations import (
    annotations_of_document, orphaned, paragraphs_with_tag, set_note, tag_figure, tag_paragraph, undo,
    untag_figure, untag_paragraph,
)
from store.annotations.anchor import Anchor, _Paragraph, match_anchors, relocate
from store.load import load_paths
from store.reading import article_data

from tests.conftest import doc, para

ROOT = Path(__file__).resolve().parents[1]
LIVE_BLOG = "000_f7ba2992e29d3270"
AGGREGATOR = "003_7f94f20fc10e6d5d"


def figure(db: sqlite_utils.Database, n: int, text: str, tags: list[str], stem: str = LIVE_BLOG, occurrence: int = 0):
    pid, paragraph = para(db, n, stem)
    start = -1
    for _ in range(occurrence + 1):
        start = paragraph.index(text, start + 1)
    return tag_figure(db, pid, start, start + len(text), tags)


def edit_live_blog(folder: Path) -> None:
    """A typo fixed (¶8), a word changed (¶10), ¶9 removed, ¶4 and ¶5 swapped, ¶13 moved up, a figure changed (¶19)."""
    path = folder / f"{LIVE_BLOG}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    body = {n: lines[n - 1] for n in range(1, 28)}
    body[8] = body[8].replace("travel to to Antalya", "travel to Antalya")
    body[10] = body[10].replace("as insufficient", "as inadequate")
    body[19] = body[19].replace("26,600 volunteers", "26,700 volunteers")
    order = [1, 2, 3, 5, 4, 6, 7, 8, 10, 13, 11, 12, *range(14, 28)]
    path.write_text("\n".join([*(body[n] for n in order), *lines[27:]]), encoding="utf-8")


def place(db: sqlite_utils.Database, annotation_id: int) -> tuple[int | None, str | None]:
    return db.execute(
        "select p.n, p.text from annotations a left join paragraphs p on p.id = a.paragraph_id where a.id = ?",
        [annotation_id],
    ).fetchone()


def test_annotations_follow_their_paragraphs_through_an_edited_reload(store: sqlite_utils.Database, folder: Path) -> None:
    _, old = zip(*(para(store, n) for n in range(1, 28)))
    old_text = dict(enumerate(old, start=1))
    kursk = tag_paragraph(store, para(store, 3)[0], ["kursk"])
    zelensky = tag_paragraph(store, para(store, 4)[0], ["zelensky"])
    peskov = tag_paragraph(store, para(store, 5)[0], ["peskov"])
    rubio = tag_paragraph(store, para(store, 8)[0], ["rubio"])
    meeting = figure(store, 8, "May 14–16", ["dates"])
    talks = tag_paragraph(store, para(store, 10)[0], ["talks"])
    set_note(store, para(store, 10)[0], "Istanbul, refused")
    talks_date = figure(store, 10, "May 15", ["dates"])
    removed = tag_paragraph(store, para(store, 9)[0], ["murder-suicide"])
    set_note(store, para(store, 9)[0], "who were the men?")
    pope = tag_paragraph(store, para(store, 13)[0], ["pope"])
    report = tag_paragraph(store, para(store, 1)[0], ["report"])
    toll = figure(store, 16, "2,857", ["toll"])
    assert old_text[1] == old_text[16]
    toll_paragraph = tag_paragraph(store, para(store, 19)[0], ["toll"])
    volunteers = figure(store, 19, "26,600", ["toll"])

    edit_live_blog(folder)
    assert load_paths(store, [folder]).ok

    new_text = {n: para(store, n)[1] for n in range(1, 27)}
    assert place(store, kursk.id) == (3, old_text[3])
    assert place(store, zelensky.id) == (5, old_text[4])
    assert place(store, peskov.id) == (4, old_text[5])
    assert place(store, rubio.id) == (8, old_text[8].replace("to to", "to"))
    assert place(store, talks.id) == (9, new_text[9]) and "inadequate" in new_text[9]
    assert place(store, pope.id) == (10, old_text[13])
    assert place(store, report.id) == (1, old_text[1])
    assert place(store, toll.id) == (15, old_text[16])
    assert place(store, toll_paragraph.id) == (18, new_text[18]) and "26,700" in new_text[18]

    by_id = {a.id: a for a in annotations_of_document(store, doc(store))}
    assert by_id[talks.id].note == "Istanbul, refused" and by_id[talks.id].tags == ["talks"]
    for fig in (meeting, talks_date, toll):
        now = by_id[fig.id]
        assert not now.orphaned and now.text[now.figure_start : now.figure_end] == now.figure_text == fig.figure_text
    assert by_id[meeting.id].figure_start == meeting.figure_start - 3
    changed = by_id[volunteers.id]
    assert (changed.n, changed.text[changed.figure_start : changed.figure_end], changed.figure_text) == (
        18, "26,700", "26,600")

    [gone] = orphaned(store)
    assert (gone.id, gone.tags, gone.note, gone.text, gone.n, gone.paragraph_id) == (
        removed.id, ["murder-suicide"], "who were the men?", old_text[9], 9, None)
    assert len(annotations_of_document(store, doc(store))) == 13
    assert [h.annotation_id for h in paragraphs_with_tag(store, "murder-suicide")] == [removed.id]


def test_an_unchanged_reload_keeps_everything(store: sqlite_utils.Database, folder: Path) -> None:
    made = [tag_paragraph(store, para(store, n)[0], [f"p{n}"]) for n in (1, 14, 16, 27)]
    made.append(figure(store, 4, "757", ["bodies"], stem=AGGREGATOR, occurrence=1))
    before = {a.id: (a.paragraph_id is not None, a.n, a.text, a.figure_start) for a in made}
    assert load_paths(store, [folder], refresh=True).ok
    after = {a.id: (a.paragraph_id is not None, a.n, a.text, a.figure_start)
             for d in (doc(store), doc(store, AGGREGATOR)) for a in annotations_of_document(store, d)}
    assert after == before and orphaned(store) == []


def test_a_repeated_figure_keeps_its_own_occurrence(store: sqlite_utils.Database, folder: Path) -> None:
    second = figure(store, 4, "757 bodies", ["february"], stem=AGGREGATOR, occurrence=1)
    path = folder / f"{AGGREGATOR}.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Russia handed 757 bodies to Ukraine", "Russia handed over 757 bodies to Ukraine"),
                    encoding="utf-8")
    assert load_paths(store, [folder]).ok
    [now] = annotations_of_document(store, doc(store, AGGREGATOR))
    assert now.text[now.figure_start : now.figure_end] == "757 bodies"
    assert now.figure_start == second.figure_start + len("over ")
    assert now.text.index("757 bodies") < now.figure_start


def test_an_orphan_comes_back_when_its_text_does(store: sqlite_utils.Database, folder: Path) -> None:
    path = folder / f"{LIVE_BLOG}.txt"
    original = path.read_text(encoding="utf-8")
    kept = tag_paragraph(store, para(store, 9)[0], ["murder-suicide"])
    lines = original.split("\n")
    path.write_text("\n".join(lines[:8] + lines[9:]), encoding="utf-8")
    assert load_paths(store, [folder]).ok
    assert [o.id for o in orphaned(store)] == [kept.id]
    assert article_data(store, doc(store)).orphans == 1
    path.write_text(original, encoding="utf-8")
    assert load_paths(store, [folder]).ok
    assert orphaned(store) == [] and place(store, kept.id) == (9, lines[8])
    assert article_data(store, doc(store)).orphans == 0


def test_merged_paragraphs_keep_both_annotations(store: sqlite_utils.Database, folder: Path) -> None:
    hungary = tag_paragraph(store, para(store, 2)[0], ["hungary"])
    kursk = tag_paragraph(store, para(store, 3)[0], ["kursk"])
    path = folder / f"{LIVE_BLOG}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([lines[0], lines[1] + " " + lines[2], *lines[3:]]), encoding="utf-8")
    assert load_paths(store, [folder]).ok
    merged = para(store, 2)[1]
    assert place(store, hungary.id) == (2, merged) and place(store, kursk.id) == (2, merged)
    assert orphaned(store) == []


def test_undo_after_a_reload_finds_the_new_paragraph(store: sqlite_utils.Database, folder: Path) -> None:
    pid, text = para(store, 3)
    made = tag_paragraph(store, pid, ["kursk"])
    untag_paragraph(store, pid, ["kursk"])
    edit_live_blog(folder)
    assert load_paths(store, [folder]).ok
    assert undo(store) == "tagged ¶3 'kursk'"
    [back] = annotations_of_document(store, doc(store))
    assert back.id == made.id and back.paragraph_id == para(store, 3)[0] and back.text == text
    assert not back.orphaned


def test_related_articles_that_change_places_take_their_annotations(store: sqlite_utils.Database, folder: Path) -> None:
    path = folder / f"{AGGREGATOR}.txt"
    original = path.read_text(encoding="utf-8")
    aid, giant, eu = (tag_paragraph(store, para(store, 1, f"{AGGREGATOR}#{k}")[0], [tag])
                      for k, tag in ((1, "aid"), (2, "giant"), (3, "eu")))
    lines = original.split("\n")
    path.write_text("\n".join(lines[:29] + lines[42:]), encoding="utf-8")
    assert load_paths(store, [folder]).ok
    assert [a.tags for a in annotations_of_document(store, doc(store, f"{AGGREGATOR}#1"))] == [["giant"], ["aid"]]
    assert [a.tags for a in annotations_of_document(store, doc(store, f"{AGGREGATOR}#2"))] == [["eu"]]
    assert [o.id for o in orphaned(store)] == [aid.id]
    assert store.execute("select count(*) from documents where stem = ?", [f"{AGGREGATOR}#3"]).fetchone()[0] == 0

    path.write_text(original, encoding="utf-8")
    assert load_paths(store, [folder]).ok
    assert orphaned(store) == []
    for k, made in enumerate((aid, giant, eu), start=1):
        [now] = annotations_of_document(store, doc(store, f"{AGGREGATOR}#{k}"))
        assert now.id == made.id and now.text == made.text and now.n == 1


def _p(pid: int, n: int, text: str, prev: str | None = None, nxt: str | None = None) -> _Paragraph:
    from store.text import text_hash

    return _Paragraph(pid, n, text, text_hash(text), prev, nxt)


def test_identical_paragraphs_are_claimed_one_each_nearest_first() -> None:
    same = "Similar swaps have been carried out on a monthly basis."
    new = [_p(10, 1, same), _p(11, 2, "Something else entirely."), _p(12, 5, same)]
    first = Anchor(same, new[0].hash, 2, None, None)
    second = Anchor(same, new[0].hash, 6, None, None)
    placed = match_anchors([second, first], new)
    assert placed[first].id == 10 and placed[second].id == 12
    third = Anchor(same, new[0].hash, 9, "x", None)
    assert match_anchors([first, second, third], new)[third].id == 12


def test_a_weak_likeness_needs_a_neighbour() -> None:
    old = "Officials said the talks would resume in Geneva next week after a pause."
    rewritten = "Officials said talks could resume next week in Geneva, after the pause ended."
    lone = Anchor(old, "h-old", 4, "prev-hash", "next-hash")
    assert match_anchors([lone], [_p(1, 4, rewritten, "other", "other")]) == {}
    assert match_anchors([lone], [_p(1, 4, rewritten, "prev-hash", "other")])[lone].id == 1
    unrelated = "The pope said he was praying to God to grant the world the miracle of peace."
    assert match_anchors([lone], [_p(1, 4, unrelated, "prev-hash", "next-hash")]) == {}


def test_an_edited_paragraph_between_its_old_neighbours_beats_a_closer_look_alike_elsewhere() -> None:
    stock = "Russian forces shelled the town overnight, the regional governor said on Telegram."
    edited = _p(5, 5, f"Update 4 (corrected): {stock}", "h-3", "h-5")
    look_alike = _p(348, 348, f"Update 347: {stock}", "h-346", "h-348")
    anchor = Anchor(f"Update 4: {stock}", "h-4", 5, "h-3", "h-5")
    assert match_anchors([anchor], [look_alike, edited])[anchor].id == 5


def test_a_reloaded_live_blog_keeps_a_tag_on_its_edited_update(store: sqlite_utils.Database, tmp_path: Path) -> None:
    stock = ["Russian forces shelled the town overnight, the regional governor said on Telegram.",
             "Air defences downed 12 drones over the region, the defence ministry said in a statement."]
    lines = ["date 2025-05-11 Live: the war, day by day", *(f"Update {i}: {stock[i % 2]}" for i in range(400))]
    path = tmp_path / "live.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(store, [path]).ok
    pid = store.execute("select id from paragraphs where text = ?", [lines[5]]).fetchone()[0]
    tagged = tag_paragraph(store, pid, ["shelling"])
    lines[5] = lines[5].replace("Update 4:", "Update 4 (corrected):")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(store, [path]).ok
    assert place(store, tagged.id)[1] == lines[5]


def test_a_tag_on_the_second_of_two_identical_paragraphs_stays_on_it_when_paragraphs_are_added_above(
    store: sqlite_utils.Database, tmp_path: Path
) -> None:
    alpha = "Alpha paragraph says the convoy reached the border crossing at dawn."
    lines = ["date 2025-03-12 Convoy reaches the border", alpha, "Bravo paragraph: officials counted 40 trucks.",
             alpha, "Charlie paragraph: the crossing closed at noon."]
    path = tmp_path / "dup.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(store, [path]).ok
    second = store.execute("select id from paragraphs where text = ? order by position desc", [alpha]).fetchone()[0]
    tagged = tag_paragraph(store, second, ["later-alpha"])
    lines[2:2] = ["Inserted paragraph: a second convoy set off.", "Another paragraph: aid agencies welcomed it."]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(store, [path]).ok
    n, text = place(store, tagged.id)
    assert (n, text) == (5, alpha)
    lines.insert(1, "Newest paragraph: the second convoy arrived.")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load_paths(store, [path]).ok
    assert place(store, tagged.id) == (6, alpha)


def test_a_sentence_added_or_cut_keeps_the_paragraph() -> None:
    old = "Western leaders dismissed the Kremlin's proposal for talks in Istanbul on May 15 as insufficient."
    grown = old + " Kyiv said it would attend only if a ceasefire held first."
    anchor = Anchor(old, "h-old", 10, None, None)
    assert match_anchors([anchor], [_p(1, 10, grown, "x", "y")])[anchor].id == 1
    shrunk = Anchor(grown, "h-grown", 10, None, None)
    assert match_anchors([shrunk], [_p(1, 10, old, "x", "y")])[shrunk].id == 1
    tiny = Anchor("Talks on May 15.", "h-tiny", 3, None, None)
    assert match_anchors([tiny], [_p(1, 3, "Talks on May 15. " + "More words follow here. " * 3)]) == {}


def test_relocate_maps_offsets_through_the_edit() -> None:
    old = "909 bodies went east and 909 bodies went west."
    new = "In all, 909 bodies went east and 909 bodies went west."
    assert relocate(old, new, "909 bodies", old.rindex("909")) == (new.rindex("909"), new.rindex("909") + 10)
    assert relocate(old, new, "909 bodies", 0) == (8, 18)
    assert relocate(old, "No figures here.", "909 bodies", 0) is None


AID = ("Aid pledged\n\n"
       "date 2025-05-16\n\n"
       "The fund pledged {figure} to rebuild the school in Kharkiv, officials said on Friday.\n\n"
       "Work will start once the frost is over, the mayor's office said.\n")


def aid_article(tmp_path: Path, db: sqlite_utils.Database, figure_text: str) -> tuple[Path, int]:
    path = tmp_path / "aid.txt"
    path.write_text(AID.format(figure=figure_text), encoding="utf-8")
    assert load_paths(db, [path]).ok
    return path, db.execute("select id from paragraphs where text like 'The fund pledged%'").fetchone()[0]


def tag_in(db: sqlite_utils.Database, paragraph_id: int, text: str, tags: list[str]):
    paragraph = db.execute("select text from paragraphs where id = ?", [paragraph_id]).fetchone()[0]
    start = paragraph.index(text)
    return tag_figure(db, paragraph_id, start, start + len(text), tags)


def now_on(db: sqlite_utils.Database, annotation_id: int):
    return next(a for d in range(1, 10) for a in annotations_of_document(db, d) if a.id == annotation_id)


def test_a_changed_figure_keeps_its_tag_on_the_figure_now_in_its_place(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path, pid = aid_article(tmp_path, db, "$2.5 million")
    whole = tag_paragraph(db, pid, ["aid"])
    money = tag_in(db, pid, "$2.5 million", ["pledge"])
    path.write_text(AID.format(figure="$3 million"), encoding="utf-8")
    assert load_paths(db, [path]).ok

    moved = now_on(db, money.id)
    assert not moved.orphaned and orphaned(db) == []
    assert moved.text[moved.figure_start : moved.figure_end] == "$3 million"
    assert moved.figure_text == "$2.5 million" and moved.changed_since_noted
    assert moved.paragraph_id == now_on(db, whole.id).paragraph_id
    assert untag_figure(db, moved.paragraph_id, moved.figure_start, moved.figure_end, ["pledge"]) is None

    undo(db)
    assert load_paths(db, [path], refresh=True).ok
    again = now_on(db, money.id)
    assert (again.figure_start, again.figure_end, again.figure_text) == (moved.figure_start, moved.figure_end, "$2.5 million")
    path.write_text(AID.format(figure="$2.5 million"), encoding="utf-8")
    assert load_paths(db, [path]).ok
    back = now_on(db, money.id)
    assert back.text[back.figure_start : back.figure_end] == back.figure_text == "$2.5 million"


@pytest.mark.parametrize("edited", ["25% of its budget", "help"])
def test_a_figure_gone_without_one_of_its_kind_in_its_place_is_an_orphan(
    db: sqlite_utils.Database, tmp_path: Path, edited: str,
) -> None:
    path, pid = aid_article(tmp_path, db, "$2.5 million")
    money = tag_in(db, pid, "$2.5 million", ["pledge"])
    text = AID.format(figure=edited).replace("on Friday.", "on Friday, when the city had raised $3 million.")
    path.write_text(text, encoding="utf-8")
    assert load_paths(db, [path]).ok
    assert [o.id for o in orphaned(db)] == [money.id]


def test_a_figure_tag_does_not_move_onto_a_figure_tagged_already(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path, pid = aid_article(tmp_path, db, "$2.5 million and then $3 million")
    first = tag_in(db, pid, "$2.5 million", ["first"])
    second = tag_in(db, pid, "$3 million", ["second"])
    path.write_text(AID.format(figure="$3 million"), encoding="utf-8")
    assert load_paths(db, [path]).ok
    assert [o.id for o in orphaned(db)] == [first.id]
    kept = now_on(db, second.id)
    assert kept.text[kept.figure_start : kept.figure_end] == kept.figure_text == "$3 million"
