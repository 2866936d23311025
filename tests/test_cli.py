"""The `tearsheet` command line, called as a user would, on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli import main

COMMANDS = ["load", "docs", "show", "search", "figures", "dupes", "tag", "untag", "export", "read"]


@pytest.fixture
def dbpath(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    assert main(["--db", path, "load", str(SEEDS), "-q"]) == 0
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_json_lists_seeds_with_titles_outlets_dates(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "docs", "--json")
    assert code == 0
    docs = {d["title"]: d for d in json.loads(out)}
    live = docs["Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"]
    assert (live["source"], live["published"], live["paragraphs"], live["boilerplate"]) == (None, "2025-05-11", 27, 0)
    page = docs["Moscow and Kiev exchange remains of fallen soldiers"]
    assert (page["source"], page["published"], page["paragraphs"]) == ("Russia Today", "2025-05-16", 9)
    assert page["boilerplate"] >= 9
    assert docs["US to cut Ukraine aid"]["parent"] == page["id"]
    assert set(live) >= {"id", "path", "title", "source", "published", "paragraphs", "boilerplate"}


def test_db_may_come_after_the_command_and_wins_there(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "after.db")
    assert run(capsys, "load", str(SEEDS), "--db", path, "-q")[0] == 0
    code, out, _ = run(capsys, "docs", "--json", "--db", path)
    assert code == 0 and len(json.loads(out)) == 5
    code, _, err = run(capsys, "--db", str(tmp_path / "elsewhere.db"), "docs", "--db", path)
    assert code == 0 and err == ""
    assert not (tmp_path / "elsewhere.db").exists()


def test_docs_filter_matching_nothing_says_so_not_that_the_store_is_empty(dbpath, capsys) -> None:
    code, out, err = run(capsys, "--db", dbpath, "docs", "--filter", "zzz")
    assert code == 0 and out == ""
    assert "No documents match 'zzz'" in err and "Load some" not in err


def test_tag_with_only_a_note_sets_it_and_an_empty_note_removes_it(dbpath, capsys, tmp_path) -> None:
    code, out, err = run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "3", "--note", "Check the MoD figure")
    assert (code, err) == (0, "")
    assert out == "¶3 of 000_f7ba2992e29d3270: no tags; note: Check the MoD figure\n"
    notes = tmp_path / "notes.jsonl"
    run(capsys, "--db", dbpath, "export", "--format", "jsonl", "-o", str(notes))
    [row] = [json.loads(line) for line in notes.read_text(encoding="utf-8").splitlines()]
    assert (row["tags"], row["note"], row["paragraph"]) == ([], "Check the MoD figure", 3)
    assert run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "3", "--note", "")[0] == 0
    _, _, err = run(capsys, "--db", dbpath, "export", "--format", "jsonl", "-o", str(notes))
    assert "nothing to export" in err
    code, _, err = run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "3", " ", "--note", "x")
    assert code == 1 and "a tag needs at least one visible character" in err


def test_show_reads_cleanly_and_all_adds_boilerplate(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "show", "003_7f94f20fc10e6d5d", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["doc"]["source"] == "Russia Today"
    assert [p["n"] for p in shown["paragraphs"]] == list(range(1, 10))
    assert all(p["kind"] == "body" for p in shown["paragraphs"])
    texts = " ".join(p["text"] for p in shown["paragraphs"])
    for furniture in ("DOWNLOAD THE APP", "Try Our AI Features", "logo", "Comments"):
        assert furniture not in texts
    _, out, _ = run(capsys, "--db", dbpath, "show", "003_7f94f20fc10e6d5d", "--all", "--json")
    kinds = [p["kind"] for p in json.loads(out)["paragraphs"]]
    assert "boilerplate" in kinds and "byline" in kinds


def test_show_by_numeric_id_and_related_stem(dbpath, capsys) -> None:
    _, out, _ = run(capsys, "--db", dbpath, "show", "003_7f94f20fc10e6d5d#1")
    assert out.startswith("US to cut Ukraine aid\nRussia Today · 2025-05-16")
    _, out, _ = run(capsys, "--db", dbpath, "show", "1")
    assert out.startswith("Over 107,000")


def test_search_marks_matched_words(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "search", "Istanbul", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) >= 3
    assert all("[Istanbul]" in h["marked"] for h in hits)


def test_search_survives_fts_syntax_errors(dbpath, capsys) -> None:
    code, _, _ = run(capsys, "--db", dbpath, "search", 'talks"', "AND")
    assert code == 0


@pytest.mark.parametrize(("query", "found"), [('"', False), ("(", False), ('Istanbul"', True), ("Istanbul AND", True)])
def test_search_reads_what_fts5_cannot_parse_as_plain_words(dbpath, capsys, query: str, found: bool) -> None:
    code, out, err = run(capsys, "--db", dbpath, "search", query)
    assert code == 0
    assert ("[Istanbul]" in out) == found and ("No matches (" in err) != found


def test_figures_from_text_json(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "x.db"), "figures", "--text",
                       "Nearly 12,000 mobilized soldiers were killed on Friday.", "--date", "2025-05-11", "--json")
    found = json.loads(out)
    assert code == 0
    count = next(f for f in found if f["kind"] == "count")
    assert (count["value"], count["counted"], count["approx"]) == (12000, "mobilized soldiers", "approx")
    date = next(f for f in found if f["kind"] == "date")
    assert date["resolved"] == "2025-05-09"


def test_figures_stored_json_fields(dbpath, capsys) -> None:
    _, out, _ = run(capsys, "--db", dbpath, "figures", "003_7f94f20fc10e6d5d", "--kind", "count", "--json")
    rows = json.loads(out)
    assert {"doc", "paragraph", "start", "end", "text", "kind", "value", "low", "high", "unit", "counted",
            "approx", "resolved", "granularity"} <= set(rows[0])
    assert any(r["text"] == "909" and r["counted"] == "bodies" for r in rows)


def test_figures_sort_when_is_a_timeline_and_date_still_means_published(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "figures", "--sort", "when", "--json")
    rows = json.loads(out)
    dated = [r["resolved"] for r in rows if r["resolved"] and r["resolved"][:4].isdigit()]
    assert code == 0 and len(dated) > 10
    assert [r["resolved"] for r in rows[: len(dated)]] == dated == sorted(dated)
    assert not any(r["resolved"] and r["resolved"][:4].isdigit() for r in rows[len(dated):])
    published = run(capsys, "--db", dbpath, "figures", "--sort", "published", "--json")[1]
    assert run(capsys, "--db", dbpath, "figures", "--sort", "date", "--json")[1] == published


def test_tag_untag_and_export(dbpath, capsys, tmp_path: Path) -> None:
    assert run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "19", "casualties", "--note", "=SUM(A1)")[0] == 0
    out_file = tmp_path / "notes.csv"
    code, _, err = run(capsys, "--db", dbpath, "export", "-o", str(out_file))
    assert code == 0 and "1 annotation written" in err
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftags,note,quote,document,source,published,paragraph,start,end,figures,path,"
                           b"annotated_at,orphaned,former_paragraph,changed_since_noted,text_when_noted,figure_when_noted,author\r\n")
    assert b"'=SUM(A1)" in data
    assert run(capsys, "--db", dbpath, "untag", "000_f7ba2992e29d3270", "19", "casualties")[0] == 0


def test_errors_go_to_stderr_with_status(dbpath, capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "--db", dbpath, "show", "no-such-doc")
    assert code == 1 and out == "" and "no document 'no-such-doc'" in err
    code, _, err = run(capsys, "--db", dbpath, "load", str(tmp_path / "missing"))
    assert code == 1 and "no such file or folder" in err
    code, _, err = run(capsys, "--db", str(tmp_path), "docs")
    assert code == 1 and "is a directory" in err


def test_hidden_names_are_one_note_that_does_not_fail_the_load(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "story"
    (folder / ".git").mkdir(parents=True)
    (folder / "a.txt").write_bytes((SEEDS / "000_f7ba2992e29d3270.txt").read_bytes())
    (folder / ".draft.txt").write_bytes((SEEDS / "003_7f94f20fc10e6d5d.txt").read_bytes())
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    dbpath = str(tmp_path / "hidden.db")
    code, out, err = run(capsys, "--db", dbpath, "load", str(folder))
    assert code == 0
    assert err.splitlines() == [
        f"tearsheet: {folder / 'notes.pdf'}: skipped: not an article file (.pdf; tearsheet reads .txt and .md)",
        f"tearsheet: {folder}: skipped 1 hidden file and 1 hidden folder (names starting with '.'; name one to load it): "
        ".draft.txt, .git/",
    ]
    assert out.strip() == "1 loaded (1 document, 27 paragraphs), 0 unchanged, 3 skipped, 0 failed"
    code, out, err = run(capsys, "--db", dbpath, "load", str(folder), "--json")
    assert code == 0 and err == ""
    assert json.loads(out)["skipped"][1] == {"path": str(folder), "reason": (
        "skipped 1 hidden file and 1 hidden folder (names starting with '.'; name one to load it): .draft.txt, .git/")}
    assert run(capsys, "--db", dbpath, "load", str(folder), "-q") == (0, "", "")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: tearsheet" in capsys.readouterr().out


def test_load_is_idempotent_from_the_command_line(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "load", str(SEEDS))
    assert code == 0 and "0 loaded" in out and "2 unchanged" in out


def test_store_never_imports_textual() -> None:
    probe = ("import sys, store.load, store.queries, store.reading, store.export, store.figure_list, store.repeats, "
             "store.annotations; bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')]; "
             "print(bad); raise SystemExit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_refresh_figures_extracts_again_without_touching_tags(dbpath, capsys) -> None:
    import sqlite3

    assert run(capsys, "--db", dbpath, "tag", "003_7f94f20fc10e6d5d", "2", "swap")[0] == 0
    conn = sqlite3.connect(dbpath)
    before = conn.execute("select count(*) from figures").fetchone()[0]
    conn.execute("delete from figures where kind = 'count'")
    conn.commit()
    code, out, _ = run(capsys, "--db", dbpath, "load", "--refresh-figures")
    assert code == 0 and f"{before} figures extracted again" in out
    assert conn.execute("select count(*) from figures").fetchone()[0] == before
    assert conn.execute("select tag from annotation_tags").fetchall() == [("swap",)]
    conn.close()


def test_ctrl_c_during_a_load_says_what_was_kept(tmp_path: Path, capsys, monkeypatch) -> None:
    import store.load

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.load, "load_paths", interrupted)
    assert main(["--db", str(tmp_path / "t.db"), "load", str(SEEDS)]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "Traceback" not in err


def test_refresh_figures_alone_loads_nothing_into_the_users_own_database(tmp_path: Path, capsys) -> None:
    import sqlite3

    own = tmp_path / "own"
    own.mkdir()
    (own / "one.txt").write_text("Grain corridor reopens\n\nShips left Odesa with 3 cargoes on Monday.\n", encoding="utf-8")
    path = str(tmp_path / "mine.db")
    assert run(capsys, "--db", path, "load", str(own), "-q")[0] == 0
    code, out, _ = run(capsys, "--db", path, "load", "--refresh-figures")
    assert code == 0 and "extracted again" in out and "loaded" not in out
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from documents").fetchone()[0] == 1
    conn.close()


def test_load_without_a_path_says_what_to_give(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "mine.db"), "load")
    assert code == 1 and out == "" and "give the files or folders to load" in err


def test_an_unknown_figure_kind_is_an_error_listing_the_kinds(dbpath, capsys) -> None:
    code, out, err = run(capsys, "--db", dbpath, "figures", "--kind", "bogus")
    assert code == 1 and out == ""
    assert "'bogus'" in err and "money, percent" in err
    code, _, err = run(capsys, "figures", "--text", "3 soldiers", "--kind", "bogus")
    assert code == 1 and "'bogus'" in err


def test_untag_says_when_the_tag_was_not_there(dbpath, capsys) -> None:
    code, out, err = run(capsys, "--db", dbpath, "untag", "000_f7ba2992e29d3270", "19", "nosuch")
    assert code == 1 and out == "" and "no tag 'nosuch'" in err
    assert run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "19", "casualties")[0] == 0
    code, out, err = run(capsys, "--db", dbpath, "untag", "000_f7ba2992e29d3270", "19", "Casualties", "nosuch")
    assert code == 1 and "no tags" in out and "had no tag 'nosuch'" in err
    assert run(capsys, "--db", dbpath, "untag", "000_f7ba2992e29d3270", "19", "casualties")[0] == 1


def test_a_tag_with_a_comma_is_refused_on_the_command_line(dbpath, capsys) -> None:
    import sqlite3

    code, out, err = run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "19", "a,b")
    assert code == 1 and out == "" and "cannot hold ','" in err
    conn = sqlite3.connect(dbpath)
    assert conn.execute("select count(*) from annotation_tags").fetchone()[0] == 0
    conn.close()


def test_counts_of_one_are_singular(tmp_path: Path, capsys) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "one.txt").write_text("Grain corridor reopens\n\nShips left Odesa on Monday.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(tmp_path / "one.db"), "load", str(own))
    assert code == 0 and "1 loaded (1 document, 1 paragraph)" in out


def test_load_counts_paragraphs_as_docs_does_and_boilerplate_apart(tmp_path: Path, capsys) -> None:
    dbpath = str(tmp_path / "seeds.db")
    code, out, _ = run(capsys, "--db", dbpath, "load", str(SEEDS), "--json")
    report = json.loads(out)
    code, out, _ = run(capsys, "--db", dbpath, "docs", "--json")
    docs = json.loads(out)
    assert (report["paragraphs"], report["boilerplate"]) == (sum(d["paragraphs"] for d in docs),
                                                             sum(d["boilerplate"] for d in docs)) == (39, 16)


@pytest.mark.parametrize("command", [["docs"], ["show", "1"], ["search", "Kyiv"], ["export"], ["tag", "1", "1", "x"]])
def test_a_command_on_a_missing_database_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str],
) -> None:
    path = tmp_path / "typo" / "t.db"
    assert main(["--db", str(path), *command]) == 1
    assert "no collection here yet" in capsys.readouterr().err
    assert not path.parent.exists()


def test_figures_from_text_need_no_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "figures", "--text", "14 people", "--json"]) == 0
    assert '"14"' in capsys.readouterr().out
    assert not (tmp_path / "none.db").exists()


def test_figures_from_text_filter_by_counted_and_describe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "none.db")
    assert main(["--db", db, "figures", "--text", "5 troops and 7 tanks on May 11", "--date", "2025-05-16",
                 "--counted", "TANK"]) == 0
    out = capsys.readouterr().out
    assert "7 tanks" in out and "troops" not in out
    assert main(["--db", db, "figures", "--text", "Talks on May 11", "--date", "2025-05-16"]) == 0
    assert "2025-05-11" in capsys.readouterr().out


@pytest.mark.parametrize("extra", [["--sort", "value"], ["1"]])
def test_figures_from_text_refuse_what_only_stored_figures_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "figures", "--text", "5 troops", *extra]) == 1
    assert "stored figures" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["search", "dupes"])
@pytest.mark.parametrize("limit", ["0", "-1", "ten"])
def test_a_limit_below_one_is_refused(dbpath, capsys, command: str, limit: str) -> None:
    words = ["sanctions"] if command == "search" else []
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", dbpath, command, *words, "--limit", limit])
    assert exit_info.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_a_limit_of_one_gives_one_hit(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "search", "Istanbul", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1


@pytest.mark.parametrize("args", [[], [str(SEEDS)]])
def test_the_reader_without_a_terminal_says_so_and_touches_nothing(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "none.db"
    command = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", "--db", str(db), *args]
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "the reader needs a terminal" in done.stderr and "tearsheet load PATH" in done.stderr
    assert not db.exists()


def test_dupes_lists_each_place_once(dbpath, capsys) -> None:
    """Each related article on the aggregator page prints its headline three times: that is one place, not a
    repeat; the live blog's lead, printed as its ¶1 and ¶16, is the seeds' one repeat."""
    code, out, _ = run(capsys, "--db", dbpath, "dupes", "--json")
    assert code == 0
    [group] = json.loads(out)
    assert [(m["paragraph"], m["kind"]) for m in group["members"]] == [(1, "body"), (16, "body")]
    code, out, _ = run(capsys, "--db", dbpath, "dupes", "--min-size", "1", "--json")
    for listed in json.loads(out):
        places = [(m["doc"], m["paragraph"], m["kind"]) for m in listed["members"]]
        assert len(places) == len(set(places)), places
    headline = [g for g in json.loads(out) if g["members"][0]["text"] == "US to cut Ukraine aid"]
    assert [[(m["paragraph"], m["kind"]) for m in g["members"]] for g in headline] == [[(None, "title")]]
    code, out, _ = run(capsys, "--db", dbpath, "dupes")
    assert out.splitlines()[0] == f"group {group['group']} · 2 places" and len(out.splitlines()) == 3


def test_text_cut_to_fit_a_line_says_so(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "dupes")
    assert code == 0
    lead = "The publications' latest report covers the period of February 24, 2022 to May 8, 2025. Since it was last"
    assert out.splitlines()[1].endswith(lead[:89] + "…")
    code, out, _ = run(capsys, "--db", dbpath, "search", "Mediazona")
    title = "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"
    assert f"{title[:59]}…" in out.splitlines()[0]


def test_dupes_refuses_a_minimum_size_below_one(dbpath, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", dbpath, "dupes", "--min-size", "0"])
    assert stopped.value.code == 2
    assert "--min-size: must be at least 1, not 0" in capsys.readouterr().err


def test_the_reader_is_told_what_its_load_skipped(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A headline\n\nSome text of the article, with a sentence.\n", encoding="utf-8")
    (folder / ".draft.txt").write_text("Not yet\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    told: dict[str, list[str]] = {}
    monkeypatch.setattr("tui.cli._run_reader", lambda db, **kwargs: told.update(kwargs) or 0)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["--db", str(tmp_path / "r.db"), str(folder)]) == 0
    assert told["problems"] == []
    assert [note.split(": ", 1)[1][:20] for note in told["skipped"]] == ["skipped: not an arti", "skipped 1 hidden fil"]


def test_search_finds_a_place_name_however_it_is_spelt(dbpath, capsys) -> None:
    kiev = run(capsys, "--db", dbpath, "search", "Kiev")[1]
    code, kyiv, _ = run(capsys, "--db", dbpath, "search", "Kyiv")
    assert code == 0 and kyiv == kiev and kyiv.count("[Kiev]") >= 8


def test_search_with_a_dangling_operator_marks_no_operator_as_a_word(dbpath, capsys) -> None:
    code, out, _ = run(capsys, "--db", dbpath, "search", "Kiev AND")
    assert code == 0 and "[Kiev]" in out and "[and]" not in out


def test_export_of_a_tag_the_collection_lacks_names_it_and_the_tags_it_has(dbpath, capsys, tmp_path: Path) -> None:
    assert run(capsys, "--db", dbpath, "tag", "000_f7ba2992e29d3270", "3", "casualties")[0] == 0
    code, out, err = run(capsys, "--db", dbpath, "export", "--tag", "casualtys")
    assert code == 1 and out == ""
    assert err.strip() == "tearsheet: error: no tag “casualtys” in the collection (its tags: casualties)"
    out_file = tmp_path / "notes.csv"
    code, _, err = run(capsys, "--db", dbpath, "export", "--tag", "CASUALTIES", "-o", str(out_file))
    assert code == 0 and "casualties" in out_file.read_text(encoding="utf-8-sig")


def test_an_empty_search_is_an_error(dbpath, capsys) -> None:
    code, out, err = run(capsys, "--db", dbpath, "search", "  ")
    assert code == 1 and out == "" and "nothing to search for" in err


LISTED = ["1. Officials expect 300 trucks", "- 5 tanks were hit near the bridge", "> 12 people were taken to hospital",
          "It cost **$5&nbsp;million**, officials said"]


@pytest.mark.parametrize("line", LISTED)
def test_figures_from_text_are_those_of_the_same_line_loaded_as_a_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str,
) -> None:
    article = tmp_path / "convoy.md"
    article.write_text(f"Aid convoy reaches the city\n\nThe convoy left at dawn, the governor said.\n\n{line}\n",
                       encoding="utf-8")
    db = str(tmp_path / "convoy.db")
    assert main(["--db", db, "load", "-q", str(article)]) == 0
    [n] = [p["n"] for p in json.loads(run(capsys, "--db", db, "show", "convoy", "--json")[1])["paragraphs"]
           if p["n"] is not None and p["n"] > 1]
    stored = [{k: v for k, v in f.items() if k not in ("doc", "paragraph")}
              for f in json.loads(run(capsys, "--db", db, "figures", "convoy", "--json")[1]) if f["paragraph"] == n]
    code, out, _ = run(capsys, "figures", "--text", line, "--json")
    assert code == 0 and stored
    assert [{k: v for k, v in f.items() if k != "relative"} for f in json.loads(out)] == stored


def test_figures_from_text_say_how_the_text_was_read_when_it_reads_otherwise(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "figures", "--text", "1. Officials expect 300 trucks")
    assert code == 0 and out.splitlines() == [f"  20-23   count     {'300':<32} 300 trucks"]
    code, out, _ = run(capsys, "figures", "--text", "- 5 tanks were hit")
    assert code == 0 and out.splitlines()[0] == "read as: 5 tanks were hit" and "-5" not in out
