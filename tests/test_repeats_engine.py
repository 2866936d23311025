"""The in-memory engine, the scorer, signatures and word diffs."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from store.repeats import changed_numbers, word_diff
from store.repeats.engine import Batch, _candidates, group_batch
from store.repeats.memory import MemoryIndex
from store.repeats.minhash import band_keys, fast_normalise, normalised_key, signatures
from store.repeats.score import DEFAULT_THRESHOLD, score
from store.spellings import with_one_spelling
from store.text import normalise

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BASE = ("Russian war correspondent Aleksandr Kots wrote in Telegram on Friday that during the past three "
        "exchanges, many of the Ukrainian bodies belonged to servicemen who had been killed during the incursion.")
OTHER = ("Hungary cancelled a meeting planned for May 12 with a Ukrainian delegation on the rights of national "
         "minorities, the deputy foreign minister said on Sunday, amid a deepening spying scandal.")


def batch(texts: list[str], published: list[int] | None = None, docs: list[int] | None = None) -> Batch:
    n = len(texts)
    return Batch(
        ids=np.arange(1, n + 1), texts=texts,
        published=np.array(published or [20250101] * n), doc_ids=np.array(docs or list(range(n))),
    )


def test_fast_normalise_agrees_with_the_store() -> None:
    lines = [line for seed in SEEDS.glob("*.txt") for line in seed.read_text(encoding="utf-8").splitlines()]
    lines += ["Kyiv\u2019s \u201cbig\u201d\u00a0day \u2014 \ufb01ne \u2033 \u3000 \u00c6", "  tabs\tand\nlines  "]
    assert all(fast_normalise(line) == normalise(line) for line in lines)


def test_normalised_key_is_the_hash_of_the_normalised_text_in_one_spelling() -> None:
    lines = [line for seed in SEEDS.glob("*.txt") for line in seed.read_text(encoding="utf-8").splitlines()]
    lines += ["a\tb", "a  b", " a", "a ", "a\x1cb", "A b", "a\u00a0b", "", " ", "a\nb", "Kyiv\u2019s day"]
    assert all(normalised_key(line) == hash(fast_normalise(with_one_spelling(line) or line)) for line in lines)
    assert sum(with_one_spelling(line) is not None for line in lines) > 0
    assert normalised_key("Kiev\u2019s day") == normalised_key("KYIV's  day") != normalised_key("Kievan day")


def test_sentence_keys_pair_a_copy_that_drops_a_sentence_and_one_edited_inside_a_sentence() -> None:
    first = "Russia said on Monday that the talks would go on for at least another week in Istanbul."
    middle = "The ministry reported 12 drones over Kharkiv overnight."
    last = "Officials in Kyiv did not comment on the reports from the region, which could not be verified."
    texts = [f"{first} {middle} {last}", f"{first} {last}", f"{first} {middle} {last.replace('Kyiv', 'Kiev')}",
             f"{OTHER} {middle}"]
    sig = signatures([fast_normalise(t) for t in texts])
    keys = [set(sig.sentence_keys[sig.sentence_rows == i].tolist()) for i in range(len(texts))]
    assert keys[0] & keys[1] and keys[0] & keys[2]
    assert not keys[3] & (keys[0] | keys[1] | keys[2])


def test_signatures_ignore_changed_figures_and_separate_unrelated_text() -> None:
    texts = (BASE, BASE.replace("Friday", "Monday"), OTHER, OTHER.replace("May 12", "May 19"))
    sig = signatures([fast_normalise(t) for t in texts])
    assert (sig.sig[0] == sig.sig[1]).mean() > 0.6
    assert (sig.sig[0] == sig.sig[2]).mean() < 0.1
    assert (sig.sig[2] == sig.sig[3]).all()
    keys = band_keys(sig.sig)
    assert (keys[0] == keys[1]).any() and not (keys[0] == keys[2]).any()


def test_scorer_edits_and_traps() -> None:
    clause = BASE[:-1] + ", according to local media."
    dropped = BASE.split(", many")[0] + "."
    assert score(normalise(BASE), normalise(BASE.replace("Friday", "Sunday"))) >= DEFAULT_THRESHOLD
    assert score(normalise(BASE), normalise(clause)) >= DEFAULT_THRESHOLD
    assert score(normalise("Moscow and Kiev exchange remains of fallen soldiers"),
                 normalise("Moscow and Kiev exchange remains of fallen soldiers, officials in both capitals said on "
                           "Friday after the swap, which was the fourth this year")) < DEFAULT_THRESHOLD
    assert score(normalise(BASE), normalise(OTHER)) < 50
    assert score(normalise(BASE), normalise(dropped)) < DEFAULT_THRESHOLD


def test_no_chaining_a_copy_joins_only_by_matching_the_representative() -> None:
    words = BASE.split()
    one = list(words)
    one[3], one[9] = "Xavier", "Yesterday"
    two = list(one)
    two[15], two[20] = "alpha", "beta"
    texts = [BASE, " ".join(one), " ".join(two)]
    assert score(normalise(texts[0]), normalise(texts[1])) >= DEFAULT_THRESHOLD
    assert score(normalise(texts[1]), normalise(texts[2])) >= DEFAULT_THRESHOLD
    assert score(normalise(texts[0]), normalise(texts[2])) < DEFAULT_THRESHOLD
    g = group_batch(batch(texts, [20250101, 20250102, 20250103]))
    assert g.rep.tolist() == [0, 0, 2]


def test_a_text_stays_with_the_later_text_that_matches_it_best_rather_than_an_earlier_look_alike() -> None:
    """A copy dated before its source, near an earlier look-alike: it leads a group with its source."""
    words = (BASE + " The ministry did not comment on the figures.").split()
    source = list(words)
    copy = list(source)
    copy[5] = "posted"
    look_alike = list(copy)
    look_alike[12], look_alike[25] = "last", "recently"
    source, copy, look_alike = " ".join(source), " ".join(copy), " ".join(look_alike)
    assert score(normalise(look_alike), normalise(copy)) >= DEFAULT_THRESHOLD
    assert score(normalise(copy), normalise(source)) > score(normalise(look_alike), normalise(copy))
    assert score(normalise(look_alike), normalise(source)) < DEFAULT_THRESHOLD
    g = group_batch(batch([look_alike, copy, source], [20250101, 20250102, 20250103]))
    assert g.rep.tolist() == [0, 1, 1]


def test_representative_is_earliest_then_longest() -> None:
    longer = BASE[:-1] + ", officials said."
    g = group_batch(batch([BASE, longer, BASE.replace("three", "four")], [20250105, 20250105, 20250101]))
    assert g.rep.tolist() == [2, 2, 2]
    g = group_batch(batch([BASE, longer], [20250105, 20250105]))
    assert g.rep.tolist() == [1, 1]
    assert g.score[1] == 100 and g.score[0] >= DEFAULT_THRESHOLD


def test_exact_copies_group_whatever_their_length_and_furniture_is_left_out() -> None:
    texts = ["Read more", "read more", "Breaking news", "Advertisement"] * 3 + ["Advertisement"] * 3
    g = group_batch(batch(texts, docs=list(range(len(texts)))))
    ads = [i for i, t in enumerate(texts) if t == "Advertisement"]
    assert all(g.rep[i] == -1 for i in ads)
    reads = [i for i, t in enumerate(texts) if t.lower() == "read more"]
    assert len({int(g.rep[i]) for i in reads}) == 1 and len(reads) == 6


def test_memory_index_places_new_copies_against_what_is_held() -> None:
    texts = [BASE, OTHER]
    held = batch(texts)
    index = MemoryIndex.from_grouping(held, group_batch(held))
    new = Batch(ids=np.array([10, 11]), texts=[BASE.replace("Friday", "Saturday"), OTHER.replace("Sunday", "Monday")],
                published=np.array([20250102, 20241231]), doc_ids=np.array([7, 8]))
    assert index.add(new) == 2
    assert index.rep.tolist() == [0, 3, 0, 3]


def test_every_text_of_a_large_bucket_meets_its_earliest_text_and_small_buckets_pair_fully() -> None:
    nodes = np.array([40, 3, 17, 25, 8, 31, 12, 5, 60, 2])
    band = np.zeros((len(nodes), 1), dtype=np.int64)
    band[-3:] = 1
    left, right = _candidates(band, nodes)
    pairs = set(zip(left.tolist(), right.tolist()))
    assert all(left < right)
    assert all((3, int(v)) in pairs for v in nodes[:7] if v != 3)
    assert {(5, 60), (2, 5), (2, 60)} <= pairs


def test_a_copy_without_one_sentence_groups_with_its_source() -> None:
    lead = "Russia said on Monday that the talks would go on for at least another week in Istanbul, officials said."
    drones = "The ministry reported 12 drones over Kharkiv overnight and said all of them had been shot down."
    last = "Officials in Kyiv did not comment on the reports from the region, which could not be verified."
    grouping = group_batch(batch([f"{lead} {drones} {last}", OTHER, f"{lead} {last}"]))
    assert grouping.rep.tolist() == [0, 1, 0]


def test_word_diff_rebuilds_both_texts() -> None:
    a = "Kiev had received the bodies of 909 servicemen."
    b = "Kyiv had received the bodies of 757 servicemen, officials said."
    runs = word_diff(a, b)
    assert "".join(t for op, t in runs if op != "insert") == a
    assert "".join(t for op, t in runs if op != "delete") == b
    assert ("delete", "Kiev") in runs and ("insert", "Kyiv") in runs
    assert ("insert", ", officials said") in runs
    assert changed_numbers(a, b) == [("909", "757")]
    assert changed_numbers("2,857 killed", "3,001 killed") == [("2,857", "3,001")]
    assert changed_numbers(a, a) == []
    assert changed_numbers("Talks began at 14:45 with 12 present", "Talks began at 15:45 with 12 present") == [("14:45", "15:45")]
    # The time a live blog entry opens with is when it was posted, not one of its figures.
    assert changed_numbers("14:45 GMT - Mayor says 12 hurt", "15:45 GMT - Mayor says 12 hurt") == []


def test_a_copy_says_more_or_less_only_by_a_clause_not_by_a_spelling_an_attribution_or_a_dateline() -> None:
    from store.copy_diff import copy_changes

    lead = "Russia launched 150 drones at Kyiv overnight, damaging power stations, officials said on Tuesday."
    more = " Mayor Vitali Klitschko urged residents to stay in shelters."
    assert copy_changes(lead, lead + more).added == "Mayor Vitali Klitschko urged residents to stay in shelters."
    assert copy_changes(lead + more, lead).dropped_words == 9
    respelt = copy_changes(lead, lead.replace("Kyiv", "Kiev").replace("150", "120").replace("officials", "the ministry"))
    assert (respelt.figures, respelt.added, respelt.dropped_words) == ((("150", "120"),), "", 0)
    undated = copy_changes("KYIV, Nov 19 (Reuters) - " + lead, lead)
    assert (undated.added, undated.dropped_words) == ("", 0)


def test_a_changed_figure_pairs_with_the_figure_that_replaced_it_not_with_one_a_copy_dropped() -> None:
    wire = "KYIV, Nov 19 (Reuters) - At least 14 people were killed, and repairs will cost $2.5 million."
    copy = "At least 15 people were killed, and repairs will cost $3 million."
    assert changed_numbers(wire, copy) == [("14", "15"), ("$2.5 million", "$3 million")]
    assert changed_numbers("a loss of $2.5 million", "a loss of $2.5 billion") == [("$2.5 million", "$2.5 billion")]
    assert changed_numbers("Prices rose 12% in 2024.", "Prices rose 15% in 2024, officials said.") == [("12%", "15%")]
    assert changed_numbers(wire, wire.replace("KYIV, Nov 19 (Reuters) - ", "")) == []
