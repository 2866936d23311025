"""Tests for the benchmark corpus generator."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import _edit, main, news_paragraphs, write_corpus  # noqa: E402


def test_news_paragraphs_deterministic_per_seed() -> None:
    assert news_paragraphs(300, seed=7) == news_paragraphs(300, seed=7)
    assert news_paragraphs(300, seed=7) != news_paragraphs(300, seed=8)


def test_news_paragraphs_shape() -> None:
    paras = news_paragraphs(3000, seed=1)
    assert len(paras) == 3000
    assert len(set(paras)) == 3000
    words = [len(p.split()) for p in paras]
    assert min(words) >= 15
    assert max(words) <= 130
    assert any(w < 25 for w in words) and any(w > 80 for w in words)
    joined = "\n".join(paras)
    assert re.search(r"^[A-Z ]+, [A-Z][a-z]+ \d{1,2} \((Reuters|AP|AFP|Bloomberg)\) [-—] ", joined, re.M)
    assert re.search(r'," [A-Z][\w .-]+ (said|added)\.', joined)
    assert re.search(r"[$€£]\d[\d.]* (million|billion|trillion)", joined)
    assert re.search(r"\d+(\.\d)?(%| percent)", joined)
    assert re.search(r"\b\d{1,3}(,\d{3})+ [a-z]+", joined)
    assert re.search(r"\bon (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b", joined)
    assert all(p[0].isupper() or p[0] == '"' for p in paras)


def test_news_paragraphs_share_story_vocabulary() -> None:
    paras = news_paragraphs(2000, seed=3)
    vocab = [set(re.findall(r"[A-Z][a-z]{3,}", p)) for p in paras]
    overlapping = sum(1 for a, b in zip(vocab, vocab[1:]) if len(a & b) >= 2)
    assert overlapping > len(paras) // 10


LIVE_HEADER = re.compile(r"^ date \d{4}-\d{2}-\d{2} \S")
GLUED_BYLINE = re.compile(r"^[A-Z][A-Za-z ]+[a-z]\d{2}-\d{2}-\d{4}$", re.M)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.txt"))}


def test_write_corpus_deterministic(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 40, seed=11)
    second = write_corpus(tmp_path / "b", 40, seed=11)
    other = write_corpus(tmp_path / "c", 40, seed=12)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert first.repeat_pairs == second.repeat_pairs
    assert first.bytes == second.bytes != other.bytes


def test_write_corpus_sizes_and_shapes(tmp_path: Path) -> None:
    stats = write_corpus(tmp_path, 300, seed=2)
    files = _files(tmp_path)
    assert stats.files == len(files) == 300
    assert stats.bytes == sum(len(b) for b in files.values())
    assert 3_500 <= stats.bytes / stats.files <= 7_000
    assert stats.paragraphs > 300 * 8
    assert len({name.split("/")[0] for name in files}) >= 3
    assert all(re.fullmatch(r"\d{4}-\d{2}/\d{3,}_[0-9a-f]{16}\.txt", name) for name in files)

    texts = [b.decode("utf-8") for b in files.values()]
    live = [t for t in texts if LIVE_HEADER.match(t)]
    pages = [t for t in texts if "\n\n" in t and GLUED_BYLINE.search(t)]
    assert len(live) == stats.live_blogs and len(pages) == stats.aggregator_pages
    assert len(live) + len(pages) == 300
    assert 0.35 < len(live) / 300 < 0.65
    assert all("\n\n" not in t for t in live)
    assert any(t.startswith("logo\n") for t in pages)
    related = [t for t in pages if "\n\nRelated Articles\n\n" in t]
    assert related and any("\n\n  \u2022 " in t and "\n\ntimean hour ago\n\n" in t for t in texts)
    assert any("app-storeplay-store" in t for t in pages)
    assert any("cookies" in t for t in pages) and any("Advertisement" in t for t in pages)
    for t in pages:
        blocks = t.split("\n\n")
        title = blocks[0].removeprefix("logo\n")
        assert blocks[1] == title


def test_write_corpus_plants_repeats(tmp_path: Path) -> None:
    stats = write_corpus(tmp_path, 300, seed=4, repeat_rate=0.15)
    kinds = stats.kinds()
    for kind in ("exact", "number", "word", "clause", "dropped", "lead", "related"):
        assert kinds.get(kind, 0) > 0, kind
    texts = {name: data.decode("utf-8") for name, data in _files(tmp_path).items()}
    for pair in stats.repeat_pairs:
        source, target = texts[pair.source], texts[pair.target]
        if pair.kind == "lead":
            assert pair.source == pair.target and target.count(pair.variant) >= 2
            assert target.split("\n", 1)[0].endswith(pair.variant)
        elif pair.kind == "related":
            assert pair.original == pair.variant and pair.variant in target
            assert any(line.endswith(pair.original) for line in source.split("\n"))
        else:
            assert pair.source != pair.target
            assert any(line.endswith(pair.original) for line in source.split("\n"))
            assert any(line.endswith(pair.variant) for line in target.split("\n"))
            assert (pair.original == pair.variant) == (pair.kind == "exact")


def test_edits_are_small() -> None:
    sentences = ["Moscow and Kyiv have exchanged the remains of 909 servicemen, officials said.",
                 "It did not disclose how many of Russia's fallen soldiers were handed over."]
    rng = random.Random(0)
    seen = set()
    for _ in range(200):
        kind, out = _edit(sentences, rng)
        seen.add(kind)
        original, variant = " ".join(sentences), " ".join(out)
        if kind == "spelling":
            assert variant == original.replace("Kyiv", "Kiev")
        elif kind == "dropped":
            assert len(out) == 1 and out[0] in sentences
        elif kind != "exact":
            assert variant != original
            assert abs(len(variant.split()) - len(original.split())) <= 6
    assert {"exact", "spelling", "number", "word", "clause", "dropped"} <= seen


def test_cli(tmp_path: Path, capsys) -> None:
    manifest = tmp_path / "pairs.jsonl"
    assert main([str(tmp_path / "corpus"), "--articles", "12", "--seed", "3", "--manifest", str(manifest)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("12 files")
    assert len(list((tmp_path / "corpus").rglob("*.txt"))) == 12
    assert manifest.read_text().count("\n") == int(re.search(r"(\d+) planted", out).group(1))
