"""Near-duplicate paragraphs: exact copies by hash, candidates by MinHash LSH, verified by rapidfuzz."""

from store.copy_diff import changed_numbers, word_diff
from store.repeats.groups import forget_paragraphs, regroup, update_repeats
from store.repeats.queries import Member, RepeatGroup, group_of, groups, groups_by_place, members, one_per_place

__all__ = [
    "Member", "RepeatGroup", "changed_numbers", "forget_paragraphs", "group_of", "groups", "groups_by_place", "members",
    "one_per_place", "regroup", "update_repeats", "word_diff",
]
