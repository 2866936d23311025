"""Is a line page furniture (navigation, app prompts, widgets) rather than article text?

General rules, not a list of one site's strings: furniture is short, is not a sentence, has few
stopwords, speaks the vocabulary of navigation and apps, or is repeated across the collection.
"""

from __future__ import annotations

import functools
import re

from store.markdown import markdown_as_read

STOPWORDS = frozenset(
    "a an the of to in on at for from by with and or but as is are was were be been has have had "
    "that this these those it its he she they them his her their we our you your i not no will would "
    "said says after before over under into than then there which who whom what when where while".split()
)

_FURNITURE = re.compile(
    r"""\b(
        log\s?o | menu | navigation | skip\s+to(\s+main)?\s+content | back\s+to\s+top
      | comments? | no\s+comments\s+yet | leave\s+a\s+(comment|reply) | be\s+the\s+first\s+to
      | share(\s+this)?(\s+(article|story|on))? | follow\s+us | subscribe | newsletter | sign\s+(up|in)
      | log\s?in | log\s+out | register | cookies? | accept\s+all | privacy\s+policy | terms\s+of\s+(use|service)
      | all\s+rights\s+reserved | copyright | advertisement | sponsored | promoted | read\s+more | click\s+here
      | related\s+(articles|stories|news|posts|content) | recommended | trending | most\s+(read|popular)
      | (download|get)(\s+(the|our))?\s+app | app[\s-]?store\w* | play[\s-]?store | \w*google\s+play | get\s+started
      | try\s+our | ai\s+features | background | image\s+(source|credit) | photo\s*:
      | our\s+standards | trust\s+principles | editorial\s+(standards|guidelines)
      | listen\s+to\s+this | min(ute)?s?\s+read | print | email | whatsapp | telegram\s+channel | (iphone|ios)\s+(and|or|&)\s+android
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A site's notice of its own cookies or terms, not reporting about them.
_CONSENT_SUBJECT = re.compile(r"\b(cookies?|privacy\s+(policy|notice|settings)|terms\s+of\s+(use|service))\b", re.IGNORECASE)
_CONSENT_ASK = re.compile(
    r"\b(we\s+use|this\s+(site|website)\s+uses|our\s+(site|website)|you\s+(agree|accept|consent)|by\s+continuing"
    r"|manage\s+(your\s+)?(preferences|settings|choices))\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(you|your|yours|our(\s+\w+)?\s+app|today)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]?$""")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_BULLET = re.compile(r"^\s*[•·▪►|»]\s*")
# `| Kyiv | 40% |`: a row of a Markdown table, whose cells are the article's data.
_TABLE_ROW = re.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")
# `Tags: Ukraine, Russia`, `Filed under: World | Europe`: the page's labels for the article, short names in a list;
# `Topics: the talks covered security, trade and energy.` is a sentence and is read.
_TAG_LIST = re.compile(
    r"^(?:tags?|topics?|related\s+topics|filed\s+under|categor(?:y|ies)|keywords)\s*:\s*(?P<labels>[^\W\d_][^:;!?\n]*)$",
    re.IGNORECASE,
)
_LABEL_SEPARATOR = re.compile(r"\s*[,|]\s*")
# `Related: Europe weighs new sanctions package`, `READ MORE: …`: a link to another article a scraper left between
# paragraphs, its headline after the page's label; `Related talks will resume…` has no label and is read.
_POINTER_OPENS = frozenset("RrSsMm*_[")
_POINTER = re.compile(r"^(?i:related|read\s+(?:more|next|also)|see\s+also|more)\s*:\s*[\"'“‘]?(?P<headline>\w.*)$")
POINTER_WORDS = 15
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
RELATIVE_TIME = re.compile(
    r"^\s*(?:time|updated|posted|published)?\s*(?P<n>an?|one|\d+)\s+(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago\s*$",
    re.IGNORECASE,
)
RELATED_HEADING = re.compile(
    r"^\s*(related(\s+(articles|stories|news|posts|content|coverage))?|more\s+(from|on)\b.*|read\s+(more|next|also)"
    r"|you\s+may\s+(also\s+)?like|recommended(\s+for\s+you)?|more\s+stories|see\s+also)\s*:?\s*$",
    re.IGNORECASE,
)

# `© 2025 The Daily Courier. All rights reserved.`, `Copyright 2025 …`, `(c) The Daily Courier 2025`: the page's notice.
_COPYRIGHT_MARK = re.compile(r"^\s*(?:(?P<symbol>©)|(?P<letter>\([cC]\))|(?P<word>copyright)\b\s*(?:©|\([cC]\))?)\s*",
                             re.IGNORECASE)
_ALL_RIGHTS_RESERVED = re.compile(r"\ball\s+rights\s+reserved\b[.!]?", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b")
# Lower-case words a holder's name may carry (`Guardian News & Media Limited or its affiliated companies`).
_HOLDER_LINKS = frozenset("of the and or its affiliated affiliates companies company for by inc ltd llc plc limited".split())
COPYRIGHT_WORDS = 20
HOLDER_WORDS = 12


def words_of(line: str) -> list[str]:
    return _WORD.findall(line)


def is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.strip()))


def stopword_ratio(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in STOPWORDS) / len(words)


SHARED_BY = 3
"""A short non-sentence that this many other documents carry too is page furniture."""


def speaks_furniture(line: str) -> bool:
    """Uses the vocabulary of navigation, apps and subscriptions (`Share this article`, `Listen to this`)."""
    return bool(_FURNITURE.search(line))


def is_boilerplate(line: str, *, seen_in_documents: int = 0) -> bool:
    """True for page furniture. `seen_in_documents`: how many other documents hold the same line."""
    text = line.strip()
    if not text:
        return False
    words = words_of(text)
    n_words = len(words)
    if not words:
        return True
    if _TABLE_ROW.match(text):
        return False
    if is_copyright_notice(text):
        return True
    if RELATIVE_TIME.match(text) or _BULLET.match(text) and n_words <= 6 or _is_tag_list(text):
        return True
    if n_words <= 15 and seen_in_documents >= SHARED_BY and not is_sentence(text):
        return True
    # The furniture-word pattern is the dearest test, so each rule asks it last.
    furniture = functools.cache(lambda: bool(_FURNITURE.search(text)))
    if n_words <= 2 and not is_sentence(text):
        return True
    if " " not in text and not is_sentence(text):
        return True
    if n_words <= 5 and furniture() and not _reports(text):
        return True
    if text.isupper() and n_words <= 8:
        return True
    label, colon, _ = text.partition(":")
    if colon and n_words <= 12 and len(label.split()) >= 2 and _FURNITURE.fullmatch(label.strip()):
        return True  # `Our Standards: …`, `Image source: …`: a site's label over what follows it
    if n_words <= 12 and (not is_sentence(text) or _SECOND_PERSON.search(text)) and furniture():
        return True
    if (n_words <= 40 and text.rstrip().endswith((":", "?", ".", "!")) and _SECOND_PERSON.search(text) and furniture()
            and _calls_to_action(text)):
        # Calls to action address the reader; reporting does not.
        return True
    if text.endswith(":") and _SECOND_PERSON.search(text) and n_words <= 15:
        return True
    if n_words <= 15 and _invites_the_reader(text) and (_SUBSCRIPTION.search(text) or furniture()):
        return True
    return n_words <= 60 and _mentions_consent(text) and bool(_CONSENT_SUBJECT.search(text) and _CONSENT_ASK.search(text))


def is_copyright_notice(text: str) -> bool:
    """A copyright mark or word then a holder's name or year (`© Reuters 2025`, `Copyright 2025 The Daily Courier.
    All rights reserved.`), or a holder's name then `All rights reserved.`; `Copyright law protects…` is reporting."""
    # Every line of every file comes here: most have none of the marks, which is cheap to see.
    if not _has_copyright_hint(text) or len(words_of(text)) > COPYRIGHT_WORDS:
        return False
    reserved = _ALL_RIGHTS_RESERVED.search(text)
    mark = _COPYRIGHT_MARK.match(text)
    if mark is None:
        return (reserved is not None and reserved.end() == len(text.rstrip())
                and (reserved.start() == 0 or _names_a_holder(text[:reserved.start()].strip(" .,;"))))
    holder = _ALL_RIGHTS_RESERVED.sub("", text[mark.end():]).strip(" .,;")
    if not _names_a_holder(holder):
        return False
    if mark.group("symbol"):
        return True
    dated = _YEAR.search(holder) is not None
    if mark.group("word") and not mark.group(0).rstrip().endswith(("©", ")")):
        # The bare word also opens sentences (`Copyright Act 2025 …`): only a year right after it dates a notice.
        dated = _YEAR.match(holder) is not None
    return reserved is not None or dated


def _has_copyright_hint(text: str) -> bool:
    return ("©" in text or "(c)" in text or "(C)" in text or "opyright" in text or "OPYRIGHT" in text
            or "eserved" in text or "ESERVED" in text)


def _names_a_holder(holder: str) -> bool:
    """`2025 The Daily Courier`, `Reuters 2025`: a year or a capitalised name first, no words of a sentence."""
    words = _YEAR.sub("", holder).split()
    if not holder or len(words) > HOLDER_WORDS or not (_YEAR.match(holder) or holder[:1].isupper()):
        return False
    return all(not w[:1].islower() or w.strip(".,;") in _HOLDER_LINKS for w in words)


def _is_tag_list(text: str) -> bool:
    """`Tags: Ukraine, Russia, U.S.`: labels of at most four words each after the page's own label, none opening
    like a clause (`the talks covered…`), the line not ending a sentence."""
    match = _TAG_LIST.match(text)
    if match is None or text.endswith(("!", "?")) or text.endswith(".") and not _ABBREVIATION_END.search(text):
        return False
    labels = [label for label in _LABEL_SEPARATOR.split(match.group("labels")) if label]
    return bool(labels) and all(len(label.split()) <= 4 and label.split()[0] not in STOPWORDS for label in labels)


def points_to_another_article(text: str) -> bool:
    """`Related: Europe weighs new sanctions package`, `**Read more:** [Talks resume](…)`: after the page's label a
    headline, short, in title or sentence case and without a full stop; `Related: the talks will resume in June.`
    is a sentence and is read."""
    if text[0] not in _POINTER_OPENS:
        return False
    match = _POINTER.match(markdown_as_read(text))
    if match is None:
        return False
    headline = match.group("headline").rstrip()
    if headline.endswith((".", ",", ";", ":")) and not _ABBREVIATION_END.search(headline):
        return False
    return (headline[:1].isupper() or headline[:1].isdigit()) and len(words_of(headline)) <= POINTER_WORDS


def _reports(text: str) -> bool:
    """A sentence with a subject before its furniture word (`He declined to comment.`, `The email was leaked.`):
    reporting; furniture opens with its word (`Share this article.`, `Comments (3)`)."""
    return is_sentence(text) and _FURNITURE.match(text) is None and text[:1].isupper()


def _mentions_consent(text: str) -> bool:
    # Plain substring tests first: the patterns would otherwise run on every paragraph of every article.
    return "ookie" in text or "rivacy" in text or "erms of" in text or "OOKIE" in text


_IMPERATIVE = re.compile(
    r"(^|[.?!:]\s+)(download|get|sign|subscribe|join|follow|explore|try|share|read|click|tap|start|register|"
    r"accept|log|visit|listen|watch|ready\s+to)\b",
    re.IGNORECASE,
)


def _calls_to_action(text: str) -> bool:
    return bool(_IMPERATIVE.search(text))


_READER_OR_SITE = re.compile(r"\b(you|your|us|our|this\s+(article|story|page|post|report|video))\b", re.IGNORECASE)
# Words of subscriptions and channels: ordinary in reporting, so they count only in a line that opens with an imperative.
_SUBSCRIPTION = re.compile(
    r"\b(newsletters?|briefings?|inbox|updates|alerts|notifications|channel|podcast|feed|telegram|whatsapp|youtube"
    r"|facebook|instagram|twitter|tiktok|x)\b",
    re.IGNORECASE,
)


def _invites_the_reader(text: str) -> bool:
    """`Subscribe to our newsletter`, `Share this article`: the line opens with an imperative to the site's reader."""
    return bool(_IMPERATIVE.match(text) and _READER_OR_SITE.search(text))
