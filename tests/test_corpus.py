"""Tests for the benchmark corpus generator."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import news_paragraphs  # noqa: E402


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
