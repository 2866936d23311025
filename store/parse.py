"""Text of one scraped file → articles: title, outlet, date, and paragraphs with their kinds.

A file holds one article, and an aggregator page may carry whole related articles after a
'Related Articles' heading; each becomes its own article. Every non-blank character of the file
lands in exactly one paragraph (whatever its kind), so nothing is ever thrown away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from store.boilerplate import (
    RELATED_HEADING, RELATIVE_TIME, SHARED_BY, STOPWORDS, is_boilerplate, is_sentence, points_to_another_article,
    speaks_furniture, words_of,
)
from store.dates import CYRILLIC_MONTH, parse_date, resolve_ago
from store.kinds import READING_KINDS, VISIBLE_KINDS
from store.markdown import IMAGE_LINE, LIST_MARK, ORDERED_MARK, html_as_read, markdown_as_read
from store.text import normalise


@dataclass(slots=True)
class Paragraph:
    kind: str
    text: str
    start: int
    end: int
    n: int | None = None


@dataclass(slots=True)
class Article:
    part: int
    start: int
    end: int
    title: str | None = None
    source: str | None = None
    published: date | None = None
    published_raw: str | None = None
    published_relative: bool = False
    author: str | None = None
    """Who wrote it, as its byline names them (`Jane Doe and John Roe`); None when no byline does."""
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class _Unit:
    """A paragraph of the file: `text` as the rules read it (HTML remnants read as text), `raw` as written."""
    start: int
    end: int
    text: str
    raw: str
    block: int
    kind: str = "body"


class _Line(NamedTuple):
    """A non-blank line: `text` as the rules read it, `raw` as written (stripped), and the column it ends at."""
    start: int
    end: int
    text: str
    raw: str
    block: int
    column: int


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_GLUED_HEADER = re.compile(
    r"^(?P<key>date|published|updated|posted)\s*:?\s*(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)(?=\s|$)",
    re.IGNORECASE,
)
_FIELD_LINE = re.compile(r"^(?P<key>title|source|outlet|publisher|date|published|author|by|url)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_GLUED_BYLINE = re.compile(
    r"^(?:(?P<outlet>.*?[^\d\s-])\s*)?"
    r"(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$"
)
_CAPITALISED = r"[A-Z][\w.'’-]*"
# `in Kyiv`, `in Kyiv and Warsaw`: where the author filed from.
_FILED_FROM = rf"\s+in\s+{_CAPITALISED}(?:\s+{_CAPITALISED})*(?:\s*(?:,|\band\b|&)\s*{_CAPITALISED}(?:\s+{_CAPITALISED})*)*"
# A weekday after `By` opens a sentence (`By Monday Evening in Kyiv the sirens had stopped`), never a name.
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
_AUTHOR_LINE = re.compile(
    rf"^[Bb]y\s+(?!{_WEEKDAY}){_CAPITALISED}(?:\s+{_CAPITALISED})+(?:{_FILED_FROM})?(?:\s*(?:,|and|&|\|)\s*.*)?$")
_ROLE = re.compile(
    r"\b(?:writer|correspondent|reporter|editor|staff|contributor|columnist|analyst|journalist|bureau chief|"
    r"in \w+|for \w+)\b", re.IGNORECASE,
)
_CLOCK_TIME = re.compile(
    r"(?:\bat\s+)?\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC|[A-Z]{2,4}T)\)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
# `Reporting by Jane Doe; Editing by John Smith`: the credits a wire story ends with, names and nothing else
# after each `by` (`Research by Mediazona and the BBC has identified…` is a sentence of the article).
_CREDIT_NAMES = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*(?:,|\band\b|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*"
_CREDIT = (r"(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|photos?|video)"
           r"(?:\s+(?:and|&)\s+\w+)?\s+by)\s+" + _CREDIT_NAMES + r"(?:\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?")
_CREDITS = re.compile(rf"^\(?{_CREDIT}(?:\s*[;,]\s*{_CREDIT})*\s*\)?\.?$")
# `KYIV, March 5 (Reuters) -`: a wire dateline names the agency the story came from.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,30}(?:,\s*[^()]{3,30})?\s*\((?P<outlet>[A-Z][\w .&'’-]{1,30})\)\s*[-–—]")
_LEADING_LABEL = re.compile(
    r"^\s*(?:by|date|published|updated|posted|source|last\s+(?:modified|updated)|modified)\b(?:\s+on\b)?\s*:?", re.IGNORECASE)
# What a date line says around its date besides an outlet: the weekday, a time zone left after its time.
_DATE_WORDS = re.compile(
    r"\b(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\b\.?|(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST)\b)")
_TEXT_DATE = re.compile(
    r"(?P<date>(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}"
    r"|\d{1,2}\s+" + CYRILLIC_MONTH + r"\s+\d{4}(?:\s*(?:р\.|року|г\.|года)(?!\w))?)",
    re.IGNORECASE,
)
# The page's section or format, which sits where an outlet's name would: not who published it.
_SECTION_LABEL = re.compile(
    r"^(?:live(?:\s+(?:updates|blog|news))?|analysis|opinion|comment|editorial|explainer|exclusive|interview|feature|review"
    r"|breaking(?:\s+news)?|updated?|updates|video|watch|photos?|gallery|podcast|fact[\s-]?check|news\s+in\s+brief)$",
    re.IGNORECASE,
)
_NAME_JOINERS = frozenset("of the and for on in de la le al el du van von &".split())
# Words papers, agencies and broadcasters are named with; the name of a person carries none of them.
_MASTHEAD_NOUNS = frozenset(
    "news times post press journal herald tribune telegraph gazette chronicle agency zeitung gazeta gazzetta".split())
_PRESS_WORDS = _MASTHEAD_NOUNS | frozenset(
    "guardian independent observer express mail mirror standard daily weekly today wire service media radio tv "
    "television broadcasting network magazine monitor insider courier dispatch bulletin globe pravda presse welle "
    "spiegel allgemeine rundschau dziennik".split())
# What sites call their sections and the boxes over a text; a line of these alone names neither a person nor an outlet.
_SECTION_WORDS = frozenset(
    "world politics political business economy markets money finance sport sports science technology tech health "
    "culture arts entertainment lifestyle travel climate environment weather education opinion opinions comment "
    "analysis europe asia africa americas middle east uk us national international local regional latest top "
    "stories news headlines home key points highlights summary takeaways timeline context overview reaction".split())
_NAME_PARTICLES = frozenset("de da del della di du la le van von der den ter bin ibn al el".split())
# What closes the name of an outlet's edition (`Meduza English`), never a person's.
_EDITION_WORDS = frozenset("english international global online digital edition".split())
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b)\s*")
_INITIALISM = re.compile(r"^[A-Z]{2,6}$")
_BYLINE_PART_SEPARATOR = re.compile(r"\s*(?:[|•·,]|\s[-–—]\s)\s*")
_MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[•·▪►|»]\s*(?P<rest>.*)$")
# The last straight quote of the line opens a quotation: at its start or after a space, a bracket or a dash.
_STRAIGHT_QUOTE_OPENS = re.compile(r'(?:^|[\s(\[—–-])"[^"]*$')


# The widths scrapers and mail tools wrap prose at.
_NARROWEST_WRAP, _WIDEST_WRAP = 50, 120
# A line this much shorter than the width ended where its writer ended it, whatever word came next.
_WRAP_SLACK = 25
# What opens a line of Markdown's other blocks (a quotation, a table row, a fence), never a line of running text.
_BLOCK_MARK = re.compile(r"^(?:[>|]|```|~~~)")
# Words no sentence or headline ends with: a line stopping on one goes on.
_UNFINISHED = frozenset("a an the and or but nor of that than whose to for from with at into onto upon via".split())


def parse(text: str) -> list[Article]:
    """Articles in file order: the page's own first (part 0), then its related articles (parts 1…)."""
    units = _units(text)
    main = Article(part=0, start=0, end=len(text))
    units = _split_header(units, main)
    related_at = next((i for i in range(len(units)) if _opens_related_section(units, i)), None)
    own, related = (units, []) if related_at is None else (units[: related_at + 1], units[related_at + 1 :])
    _classify(own, main)
    if related_at is not None:
        units[related_at].kind = "related"
    items, trailing = _related_items(related)
    main.paragraphs = [_paragraph(u) for u in own + trailing]
    main.paragraphs.sort(key=lambda p: p.start)
    articles = [main]
    for part, item in enumerate(items, start=1):
        articles.append(_related_article(part, item, main))
    for article in articles:
        _number(article)
        article.title = markdown_as_read(article.title) if article.title else article.title
    return articles


def _units(text: str) -> list[_Unit]:
    """Non-blank lines, with hard-wrapped lines of one paragraph joined."""
    lines = _lines(text)
    wrap = _wrapping(lines)
    units: list[_Unit] = []
    for index, line in enumerate(lines):
        if units and lines[index - 1].block == line.block and (
                _continues(units[-1].text, line.text) or wrap is not None and wrap.goes_on(index, units[-1].text)):
            last = units[-1]
            last.text, last.raw = f"{last.text} {line.text}", f"{last.raw} {line.raw}"
            last.end = line.end
        else:
            units.append(_Unit(line.start, line.end, line.text, line.raw, line.block))
    return units


def _lines(text: str) -> list[_Line]:
    """Each non-blank line, with its block: blank lines part blocks."""
    lines: list[_Line] = []
    block = 0
    previous_blank = True
    for match in _LINE.finditer(text):
        raw = match.group(0)
        if not raw:
            break
        stripped = raw.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        start = match.start() + lead
        lines.append(_Line(start, start + len(stripped), html_as_read(stripped) or stripped, stripped, block,
                           lead + len(stripped)))
        previous_blank = False
    return lines


def _in_block_with_next(lines: list[_Line], index: int) -> bool:
    """Another line follows this one before a blank line."""
    return index + 1 < len(lines) and lines[index + 1].block == lines[index].block


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one stops mid-sentence, long or inside a quote it opened (`“We will not
    give up`), and this one goes on in lower case (and is not a `date 2025-05-11` or `key: value` line under a
    headline); a list item or heading is never continued."""
    return (line[:1].islower() and not is_sentence(previous)
            and (len(previous) >= 40 or _leaves_a_quote_open(previous) and not _is_list_or_heading(previous))
            and not _GLUED_HEADER.match(line) and not _FIELD_LINE.match(line))


def _wrapping(lines: list[_Line]) -> _Wrap | None:
    """How the file's prose is hard-wrapped, if it is: most of its lines of half the width or more that another line
    follows end near the width with a next word that would not have fitted, and one of them surely wraps (a
    lower-case line goes on from it, or it stops on a word no sentence ends with). Of the widest such lines the
    first that holds: a line or two no wrapper touched may be wider."""
    surely = {i for i in range(len(lines) - 1) if lines[i + 1].block == lines[i].block
              and (lines[i + 1].text[:1].islower() and not is_sentence(lines[i].text)
                   or _stops_unfinished(lines[i].text) and lines[i].column >= _NARROWEST_WRAP)}
    if not surely:
        return None
    followed = [i for i in range(len(lines) - 1) if lines[i + 1].block == lines[i].block]
    widths = sorted({lines[i].column for i in followed if _NARROWEST_WRAP <= lines[i].column <= _WIDEST_WRAP},
                    reverse=True)
    for width in widths[:3]:
        wrap = _Wrap(lines, width)
        long = [i for i in followed if 2 * lines[i].column >= width]
        broken = [i for i in long if wrap.broke(i)]
        if len(broken) >= 2 and 2 * len(broken) >= len(long) and not surely.isdisjoint(broken):
            wrap.line_parted = frozenset(
                lines[i].block for i in followed if is_sentence(lines[i].text) and not wrap.broke(i))
            wrap.run_ends = _run_ends(wrap)
            return wrap
    return None


@dataclass(slots=True)
class _Wrap:
    """A file's lines hard-wrapped at `width`; `line_parted`: the blocks that part their paragraphs with a line
    break alone, as one ends a sentence short of the width and another line follows; `run_ends`: for each line, the
    first line from it on that the wrapper did not break."""
    lines: list[_Line]
    width: int
    line_parted: frozenset[int] = frozenset()
    run_ends: list[int] = field(default_factory=list)

    def broke(self, index: int) -> bool:
        """The line ends near the width, and the first word of the next line in its block would not have fitted."""
        column = self.lines[index].column
        if not self.width - _WRAP_SLACK <= column <= self.width or not _in_block_with_next(self.lines, index):
            return False
        following = self.lines[index + 1].raw
        space = following.find(" ")
        return column + 1 + (space if space >= 0 else len(following)) > self.width

    def goes_on(self, index: int, paragraph: str) -> bool:
        """The line goes on with the paragraph above it, in whatever case (`Bryansk region…`, `12 people…`): the
        wrapper broke the line above, even at a full stop, or left it on a word no sentence ends with (`said that`)
        over a full line. Never a line of its own, the same line again (a headline a page prints twice), nor after
        a heading or `key: value` line."""
        line, previous = self.lines[index].text, self.lines[index - 1].text
        if (not _may_go_on(line, paragraph) or line == previous or previous.startswith("#")
                or _FIELD_LINE.match(previous)):
            return False
        if not self.broke(index - 1):
            return self.broke(index) and _stops_unfinished(previous) and self._runs_to_a_stop(index, paragraph)
        if self.lines[index].block in self.line_parted and not _mid_paragraph(previous, paragraph):
            return False
        return self._runs_to_a_stop(index, paragraph) or self._ends_a_long_headline(index)

    def _runs_to_a_stop(self, index: int, paragraph: str) -> bool:
        """Prose: the wrapped lines from this one on reach a sentence's end (headlines a list sets one under another
        do not), or a list item's own end."""
        return is_sentence(self.lines[self.run_ends[index]].text) or _is_list_or_heading(paragraph)

    def _ends_a_long_headline(self, index: int) -> bool:
        """The rest of a long headline, ending its block: never after a full stop, and not a line a header sets apart
        (`Reuters`, `12 May 2025`) unless the line above stops on a word no headline ends with."""
        line, previous = self.lines[index].text, self.lines[index - 1].text
        return (not _in_block_with_next(self.lines, index) and not is_sentence(previous)
                and (not _reads_as_a_header_line(line) or _stops_unfinished(previous)))


def _run_ends(wrap: _Wrap) -> list[int]:
    """For each line, the first line from it on that the wrapper did not break: where its paragraph ends."""
    ends = list(range(len(wrap.lines)))
    for index in reversed(range(len(wrap.lines) - 1)):
        if wrap.broke(index):
            ends[index] = ends[index + 1]
    return ends


def _mid_paragraph(line: str, paragraph: str) -> bool:
    """Where a line break may end a paragraph at the width too, a wrap shows only in a sentence the line leaves
    unfinished, in a paragraph begun on an earlier line or on a word no sentence ends with."""
    return not is_sentence(line) and (paragraph != line or _stops_unfinished(line))


def _may_go_on(line: str, paragraph: str) -> bool:
    """Not a line of its own: a heading, a list item, a Markdown quotation, table row or fence, a header line. A line
    opening on a number (`24. The talks…`: a date's day ending a sentence) starts a list only at 1 or in a list, as
    in CommonMark."""
    if _BLOCK_MARK.match(line) or _GLUED_HEADER.match(line) or _FIELD_LINE.match(line):
        return False
    numbered = ORDERED_MARK.match(line)
    if numbered:
        return int(line[: numbered.end()].rstrip()[:-1]) != 1 and not _is_list_or_heading(paragraph)
    return not _is_list_or_heading(line)


def _reads_as_a_header_line(line: str) -> bool:
    """`Reuters`, `Jane Doe`, `By Jane Doe, Reuters`, `12 May 2025`, `Russia Today16-05-2025`, `2 hours ago`."""
    return bool(_AUTHOR_LINE.match(line) or _GLUED_BYLINE.match(line) or _TEXT_DATE.search(line)
                or RELATIVE_TIME.match(line)) or _names_an_outlet(line) or _names_authors(line)


def _stops_unfinished(line: str) -> bool:
    """`…the governor said that`: the line's last word is one no sentence or headline ends with."""
    space = line.rfind(" ")
    return space > 0 and line[space + 1 :].lower() in _UNFINISHED


def _leaves_a_quote_open(line: str) -> bool:
    """`“We will not give up`, `He said: "Peace is`: more opening quotes than closing ones (a straight quote
    opens after a space or at the start)."""
    if "“" in line and line.count("“") > line.count("”"):
        return True
    return line.count('"') % 2 == 1 and _STRAIGHT_QUOTE_OPENS.search(line) is not None


def _is_list_or_heading(line: str) -> bool:
    return bool(LIST_MARK.match(line) or ORDERED_MARK.match(line) or _BULLET.match(line) or line.startswith("#"))


def _split_header(units: list[_Unit], article: Article) -> list[_Unit]:
    """Metadata at the top: a `date YYYY-MM-DD` header glued to the first paragraph, `Key: value` lines, front matter."""
    out: list[_Unit] = []
    index = 0
    if units and units[0].text == "---":
        closing = next((i for i in range(1, min(len(units), 40)) if units[i].text == "---"), None)
        if closing is not None:
            for unit in units[: closing + 1]:
                _read_field(unit.text, article)
                unit.kind = "meta"
                out.append(unit)
            index = closing + 1
    while index < len(units) and index < 8:
        unit = units[index]
        glued = _GLUED_HEADER.match(unit.raw)
        if glued:
            _set_published(article, glued.group("value"))
            cut = unit.start + glued.end()
            header = unit.raw[: glued.end()]
            out.append(_Unit(unit.start, cut, header, header, unit.block, "meta"))
            rest = unit.raw[glued.end() :]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                rest = rest.strip()
                out.append(_Unit(cut + lead, unit.end, html_as_read(rest) or rest, rest, unit.block))
            index += 1
            continue
        if _FIELD_LINE.match(unit.text) and len(unit.text) < 200:
            _read_field(unit.text, article)
            unit.kind = "meta"
            out.append(unit)
            index += 1
            continue
        break
    return out + units[index:]


def _read_field(line: str, article: Article) -> None:
    match = _FIELD_LINE.match(line)
    if not match:
        return
    key, value = match.group("key").lower(), match.group("value").strip().strip("\"'")
    if key == "title" and not article.title:
        article.title = value
    elif key in ("source", "outlet", "publisher") and not article.source:
        article.source = value
    elif key in ("date", "published"):
        _set_published(article, value)


def _set_published(article: Article, raw: str) -> None:
    if article.published is None:
        article.published = parse_date(raw)
        article.published_raw = raw


def _is_related_heading(unit: _Unit) -> bool:
    return unit.kind != "meta" and len(unit.text) < 60 and bool(RELATED_HEADING.match(unit.text))


def _opens_related_section(units: list[_Unit], index: int) -> bool:
    """`Related Articles` over a list of headlines; not a `Read more` link in the middle of the article's
    own text, which a sentence follows once the page furniture beside the link ("Share this article") is passed."""
    if not _is_related_heading(units[index]):
        return False
    following = next((u for u in units[index + 1:] if not (is_boilerplate(u.text) and speaks_furniture(u.text))), None)
    return following is None or not is_sentence(following.text)


def _headline_like(text: str) -> bool:
    return not text.endswith((":", ",", ";")) and not is_sentence(text) and 2 <= len(words_of(text)) <= 25


def _classify(units: list[_Unit], article: Article) -> None:
    content = [u for u in units if u.kind != "meta"]
    in_text = False
    for index, unit in enumerate(content):
        heading = _MARKDOWN_HEADING.match(unit.text)
        if heading:
            text = heading.group("text")
            top = len(heading.group("hashes")) == 1
            same = article.title is not None and normalise(text) == normalise(article.title)
            unit.kind = "title" if top and (same or not article.title) else "heading"
            if unit.kind == "title":
                article.title = article.title or markdown_as_read(text)
            continue
        if IMAGE_LINE.match(unit.text):
            unit.kind = "boilerplate"
            continue
        if index <= 8 and _read_header_line(unit, article):
            unit.kind = "meta"
        elif index <= 8 and _read_byline(unit, article):
            unit.kind = "byline"
        elif index <= 8 and not in_text and _is_author_line(markdown_as_read(unit.text)):
            unit.kind = "byline"
            article.source = article.source or _author_outlet(markdown_as_read(unit.text))
            article.author = article.author or _authors(markdown_as_read(unit.text))
        elif _CREDITS.match(markdown_as_read(unit.text)):
            unit.kind = "byline"
        elif _in_numbered_list(content, index):
            pass
        elif is_boilerplate(unit.text) and not (index == 0 and _capitals_headline(unit.text)):
            unit.kind = "boilerplate"
        elif points_to_another_article(unit.text):
            unit.kind = "boilerplate"
        # Past the first sentence of the article a `By The Numbers` line is a subheading, not who wrote it.
        in_text = in_text or (unit.kind == "body" and is_sentence(unit.text))
    _find_names(content, article)
    _find_title(content, article)
    _find_outlet(content, article)
    article.source = article.source or _wire_outlet(content)
    title = normalise(article.title) if article.title else None
    following: _Unit | None = None
    for unit in reversed(content):
        if unit.kind != "body":
            continue
        if title is not None and normalise(unit.text) == title:
            unit.kind = "title"
        elif (_headline_like(unit.text) and _introduces(unit, following) and not LIST_MARK.match(unit.text)
              and not ORDERED_MARK.match(unit.text)):
            unit.kind = "heading"
        else:
            following = unit
    if not article.title:
        heading = next((u for u in content if u.kind == "heading"), None)
        body = next((u for u in content if u.kind == "body"), None)
        if heading is not None:
            article.title = _MARKDOWN_HEADING.sub(r"\g<text>", heading.text)
            # Opening the file, over a subheading, it is the headline: not a numbered paragraph repeating it.
            if _opens(content, heading):
                heading.kind = "title"
        elif body is not None:
            article.title = _first_sentence(body.text)
            if _opens(content, body) and _headline_like(body.text) and article.title == body.text:
                body.kind = "title"


def _opens(content: list[_Unit], unit: _Unit) -> bool:
    """Nothing but furniture, bylines and header lines comes before the unit."""
    return all(u.kind in ("boilerplate", "byline", "meta") for u in content[:content.index(unit)])


def _capitals_headline(text: str) -> bool:
    """`KYIV STRIKE: 14 DEAD` opening a file is its headline; `DOWNLOAD THE APP` is furniture in any case."""
    return text.isupper() and len(words_of(text)) >= 3 and not is_boilerplate(text.capitalize())


def _find_title(content: list[_Unit], article: Article) -> None:
    """The page's headline: a headline-like line before the body, most surely one the page repeats."""
    if article.title:
        return
    short = _short_headline(content)
    if short is not None:
        article.title = short.text
        short.kind = "title"
        return
    if len(content) == 1 and content[0].kind == "boilerplate" and _a_lone_headline(content[0].text):
        article.title, content[0].kind = content[0].text, "title"
        return
    candidates = [u for u in content[:6] if u.kind == "body"]
    for i, unit in enumerate(candidates):
        if not _headline_like(unit.text):
            break
        repeated = any(normalise(o.text) == normalise(unit.text) for o in candidates[i + 1 :])
        first_line = unit is candidates[0] and (
            len(candidates) > 1 and len(candidates[1].text) > len(unit.text) or _over_a_byline(content, unit))
        if repeated or first_line:
            article.title = unit.text
            unit.kind = "title"
            return


def _a_lone_headline(text: str) -> bool:
    """`Headline only`, the one line of a file: what a scrape that lost its text keeps, not page furniture."""
    return len(words_of(text)) >= 2 and not speaks_furniture(text) and not RELATIVE_TIME.match(text)


def _short_headline(content: list[_Unit]) -> _Unit | None:
    """`Ceasefire` or `Talks resume` opening a file (after the site's own furniture) over its byline, its outlet's
    line over a date line, or its first sentence: short enough to read as furniture, but the headline; of two such
    lines (`Home`, then the headline) the one over the text."""
    units = [u for u in content if not (u.kind == "boilerplate" and speaks_furniture(u.text))]
    for index, unit in enumerate(units[:4]):
        if not _reads_as_a_short_headline(unit):
            return None
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None:
            return None
        if (following.kind in ("byline", "meta")
                or (following.kind == "body" and (is_sentence(following.text) or ORDERED_MARK.match(following.text)))
                or _an_outlet_over_a_date(units, index + 1)):
            return unit
    return None


def _an_outlet_over_a_date(units: list[_Unit], index: int) -> bool:
    """`Reuters` over `June 3, 2025`: an outlet's name on the line above a date line, which the line above it heads."""
    unit = units[index]
    return (index + 1 < len(units) and unit.kind in ("body", "boilerplate") and _names_an_outlet(unit.text)
            and _is_date_line(units[index + 1]))


def _reads_as_a_short_headline(unit: _Unit) -> bool:
    text = unit.text.strip()
    if unit.kind != "boilerplate" or not 1 <= len(text.split()) <= 8 or not text[:1].isupper():
        return False
    if _SECTION_LABEL.match(text) or RELATIVE_TIME.match(text) or _BULLET.match(text):
        return False
    return not text.endswith((":", ",", ";", "…", "..."))


def _find_outlet(content: list[_Unit], article: Article) -> None:
    """`Kyiv Independent` between the headline and its date line, or `Meduza English` under the date line or beside
    a byline: the outlet's name, which on its own would read as furniture or a subheading."""
    first = next((i for i, u in enumerate(content[:4]) if u.kind == "title"), None)
    if first is None:
        return
    after = first + 1
    while after < len(content) and content[after].kind == "title":
        after += 1
    for index in range(after, min(after + 3, len(content) - 1)):
        line = content[index]
        if line.kind in ("byline", "meta"):
            continue
        if line.kind in ("body", "boilerplate") and _names_an_outlet(line.text) and _an_outlets_place(content, index, after):
            line.kind = "byline"
            article.source = article.source or markdown_as_read(line.text)
        return


def _an_outlets_place(content: list[_Unit], index: int, after: int) -> bool:
    """Right under the headline over a date line, any outlet's name; two or three words of a name (`Novaya Gazeta
    Europe`; not `Ceasefire In Gaza`, nor words the article writes in lower case) with a date line or byline on
    either side."""
    above, below = content[index - 1] if index > after else None, content[index + 1]
    if index == after and _is_date_line(below):
        return True
    line = markdown_as_read(content[index].text)
    later_words = {w.lower() for w in words_of(line)[1:]}
    return (2 <= len(line.split()) <= 3 and not later_words & STOPWORDS
            and any(u is not None and (u.kind == "byline" or _is_date_line(u)) for u in (above, below))
            and not _ordinary_words(line, "\n".join(u.text for u in content)))


def _wire_outlet(content: list[_Unit]) -> str | None:
    """The agency a wire dateline names on the article's first paragraph (`KYIV, March 5 (Reuters) - …`)."""
    first = next((u for u in content if u.kind == "body"), None)
    match = _WIRE_DATELINE.match(first.text) if first is not None else None
    return match.group("outlet").strip() if match else None


def _names_an_outlet(line: str) -> bool:
    """A short name in title case (`Kyiv Independent`, `BBC News`, `**BBC News**`, `Daily Wire Service`), not page
    furniture, a section of the site (`Politics`) or a person's name (`Jane Doe`)."""
    text = markdown_as_read(line)
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 50 or is_sentence(text) or text.endswith((":", ",", ";")):
        return False
    if not text[:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words) and not (
            len(words) <= 3 and _CYRILLIC_WORDS.fullmatch(text)):
        return False
    return not _is_section_tag(text) and not _names_a_person(text) and not speaks_furniture(text)


# Ukrainian and Russian names capitalise their first word only ("Українська правда", "Новая газета").
_CYRILLIC_WORDS = re.compile(r"[\u0400-\u04ff'’\-]+(?:\s+[\u0400-\u04ff'’\-]+)*")


def _is_section_tag(text: str) -> bool:
    """`Politics`, `World News`, `Top Stories`, `Analysis`: the page's section or format, not who wrote or published it."""
    words = [w.lower() for w in words_of(text) if w.lower() != "and"]
    return bool(_SECTION_LABEL.match(text)) or bool(words) and all(w in _SECTION_WORDS for w in words)


def _names_a_person(text: str) -> bool:
    """`Jane Doe`, `Jane E. Doe`, `Ursula von der Leyen`: two or three capitalised names, none of them a word of the
    press, of a site's sections or of a sentence (`Sign In`)."""
    words = text.split()
    names = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not 2 <= len(names) <= 3 or not all(_is_a_name(w) for w in names) or names[-1].endswith("."):
        return False
    if names[-1].lower() in _EDITION_WORDS:
        return False
    lowered = {part for w in names for part in w.lower().split("-")}
    return (not lowered & (_PRESS_WORDS | _SECTION_WORDS | STOPWORDS) and not _SECTION_LABEL.match(text)
            and not speaks_furniture(text))


def _is_a_name(word: str) -> bool:
    """`Jane`, `O'Neil`, `Smith-Jones`, `McDonald`, `Łukasz` or an initial (`E.`); not an initialism (`BBC`)."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    letters = re.sub(r"[-'’]", "", word)
    return letters.isalpha() and word[0].isupper() and not letters.isupper()


def _names_authors(text: str) -> bool:
    """`Jane Doe`, `Jane Doe and John Smith`, `Jane Doe, Reuters`, `Jane Doe, Staff Writer`: who wrote it, without `By`;
    after the last comma may come an outlet, a role or a section."""
    if len(words_of(text)) > 12:
        return False
    parts = [p for p in _AUTHOR_SEPARATOR.split(text) if p]
    if parts and all(_names_a_person(p) for p in parts):
        return True
    after_comma = text.rsplit(",", 1)[-1].strip() if "," in text else None
    return (len(parts) >= 2 and parts[-1] == after_comma and all(_names_a_person(p) for p in parts[:-1])
            and (bool(_ROLE.search(parts[-1])) or _is_section_tag(parts[-1]) or _names_an_outlet(parts[-1])))


def _unmistakably_an_outlet(text: str) -> bool:
    """`The Guardian`, `BBC News`, `Kyiv Post`, `Kyiv Independent`: a name after `The`, or one a masthead's noun
    or another press word closes; shapes that neither a person's name nor a subheading takes. (One word alone,
    `Reuters` or `Ukraine`, may be a topic: it is the outlet only over a date line.)"""
    words = text.split()
    if not words:
        return False
    last = words[-1].lower()
    return (words[0] == "The" and len(words) > 1 or last in _MASTHEAD_NOUNS
            or len(words) > 1 and last in _PRESS_WORDS)


def _ordinary_words(text: str, prose: str) -> bool:
    """Every word of the line is one the article writes in lower case: a subheading's words (`Ceasefire`), not a name's."""
    words = [w.lower() for w in words_of(text) if w.lower() not in _NAME_JOINERS]
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", prose) for w in words)


def _find_names(content: list[_Unit], article: Article) -> None:
    """Who wrote or published the article on a line of its own under the headline (`Jane Doe`, `The Guardian`),
    which alone would read as furniture or a subheading: a byline; an outlet is also the source."""
    prose = "\n".join(u.text for u in content)
    for index, unit in enumerate(content[:9]):
        if unit.kind == "body" and is_sentence(unit.text):
            return
        if unit.kind not in ("body", "boilerplate") or not _in_the_header(content, index) or not _over_the_text(content, index):
            continue
        # A line that would be shown is hidden as a byline only in a byline's company (over a date line or another
        # byline) or when it reads as names and nothing else could (`Jane Doe and John Smith`, `Jane E. Doe`):
        # two or three capitalised words alone may be a subheading (`Zelensky Visits Washington`).
        shown = unit.kind == "body" and not (_above_a_date_or_byline(content, index) or _plainly_names(unit.text))
        if not shown and _names_authors(unit.text) and not _ordinary_words(unit.text, prose):
            unit.kind = "byline"
            article.source = article.source or _author_outlet(unit.text)
            article.author = article.author or _authors(markdown_as_read(unit.text))
        elif _names_an_outlet(unit.text) and _unmistakably_an_outlet(markdown_as_read(unit.text)) and not _ordinary_words(
                unit.text, prose):
            unit.kind = "byline"
            article.source = article.source or markdown_as_read(unit.text)


def _plainly_names(text: str) -> bool:
    """Names joined as names are (`and`, `&`, a comma), or a name with an initial or a particle (`Jane E. Doe`,
    `Ursula von der Leyen`)."""
    words = text.split()
    return (bool(re.search(r",|\s(?:and|&)\s", text)) or any(len(w) == 2 and w[0].isupper() and w[1] == "." for w in words)
            or any(w in _NAME_PARTICLES for w in words[1:-1]))


def _above_a_date_or_byline(content: list[_Unit], index: int) -> bool:
    below = content[index + 1] if index + 1 < len(content) else None
    return below is not None and (below.kind in ("byline", "meta") or _is_date_line(below))


def _in_the_header(content: list[_Unit], index: int) -> bool:
    """Below the headline, with nothing between them but date lines, bylines or furniture."""
    for above in reversed(content[:index]):
        if above.kind in ("byline", "meta") or (above.kind == "boilerplate" and speaks_furniture(above.text)):
            continue
        return above.kind == "title" or _headline_like(above.text) or _reads_as_a_short_headline(above)
    return False


def _over_the_text(content: list[_Unit], index: int) -> bool:
    """The line below is a date line or byline, another name, or the article's first sentence."""
    if index + 1 >= len(content):
        return False
    below = content[index + 1]
    if below.kind in ("byline", "meta") or below.kind == "body" and is_sentence(below.text):
        return True
    return (_names_authors(below.text) or _names_an_outlet(below.text)
            and _unmistakably_an_outlet(markdown_as_read(below.text)))


def _is_date_line(unit: _Unit) -> bool:
    """A byline or header line the article's date was read from."""
    if unit.kind not in ("byline", "meta"):
        return False
    field = _FIELD_LINE.match(unit.text)
    if field:
        return field.group("key").lower() in ("date", "published")
    return bool(_GLUED_HEADER.match(unit.text) or _GLUED_BYLINE.match(unit.text) or _TEXT_DATE.search(unit.text))


def _over_a_byline(content: list[_Unit], unit: _Unit) -> bool:
    """A line the outlet's or the date's line follows at once, or after one line (the outlet's own): the headline
    over it, however short the article's first line is."""
    index = content.index(unit)
    return any(u.kind in ("byline", "meta") for u in content[index + 1 : index + 3])


def _introduces(unit: _Unit, following: _Unit | None) -> bool:
    """A heading stands over longer running text."""
    return following is not None and len(following.text) > len(unit.text) and is_sentence(following.text)


def mark_collection_furniture(articles: list[Article], seen_in_documents: Callable[[str], int]) -> None:
    """Short lines that other documents of the collection carry too are furniture (poll widgets, wire lines).

    Asks the collection only about short non-sentences, the only lines that rule can touch. The file's own
    reading has judged every line on its own already (and kept a `## Background` heading): only the count
    of other documents is new here.
    """
    for article in articles:
        changed = False
        for paragraph in article.paragraphs:
            text = paragraph.text
            if paragraph.kind not in VISIBLE_KINDS or len(text) > 200 or is_sentence(text) or len(words_of(text)) > 15:
                continue
            shared = seen_in_documents(text)
            if shared >= SHARED_BY and is_boilerplate(text, seen_in_documents=shared):
                paragraph.kind = "boilerplate"
                paragraph.n = None
                changed = True
        if changed:
            _number(article)


def _read_header_line(unit: _Unit, article: Article) -> bool:
    """A `date 2025-05-11` or `Source: Reuters` line of its own below the headline: the same metadata as
    the header above it."""
    header = _GLUED_HEADER.match(unit.text)
    if header is not None and header.end() == len(unit.text):
        _set_published(article, header.group("value"))
        return True
    if _FIELD_LINE.match(unit.text) and len(unit.text) < 200:
        _read_field(unit.text, article)
        return True
    return False


def _is_author_line(text: str) -> bool:
    """`By Jane Doe`, `By Jane Doe in Kyiv`, `By Jane Doe and John Roe, Reuters`: who wrote it, without a date."""
    return bool(_AUTHOR_LINE.match(text)) and len(words_of(text)) <= 12 and not is_sentence(text)


_BY = re.compile(r"[Bb]y\s+")
_NAME_PARTICLES = frozenset("and & de da del der van von al el bin ibn le la".split())


def _authors(text: str) -> str | None:
    """The names a byline gives (`By Jane Doe and John Roe in Kyiv, Reuters` → `Jane Doe and John Roe`): its parts
    up to the first that is not names (an outlet, a role, a place filed from, a date)."""
    by = _BY.match(text)
    rest = re.split(r"\s+in\s+(?=[A-Z])", text[by.end() if by else 0 :], maxsplit=1)[0]
    parts = [part.strip() for part in re.split(r"\s*[,|•·]\s*", rest)]
    outlet = _author_outlet(text)
    names = []
    for part in parts:
        words = part.split()
        if (not words or part == outlet or _ROLE.search(part) or any(ch.isdigit() for ch in part)
                or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)):
            break
        names.append(part)
    return ", ".join(names) or None


def _author_outlet(text: str) -> str | None:
    """The outlet after the last comma of `By Jane Doe, Reuters`; not a role (`Staff Writer`)."""
    if "," not in text:
        return None
    outlet = text.rsplit(",", 1)[1].strip(" |•·-–—:")
    words = outlet.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return None
    return None if _ROLE.search(outlet) or _is_section_tag(outlet) or _names_a_person(outlet) else outlet


def _read_byline(unit: _Unit, article: Article) -> bool:
    """`Russia Today16-05-2025`, `Reuters | May 16, 2025`, `By Jane Doe, 16 May 2025`: outlet and date near the top."""
    if len(words_of(unit.text)) > 12 or is_sentence(unit.text):
        return False
    glued = _GLUED_BYLINE.match(unit.text)
    raw = glued.group("date") if glued else None
    outlet = glued.group("outlet") if glued else None
    if raw is None:
        textual = _TEXT_DATE.search(unit.text)
        if not textual:
            return False
        raw = textual.group("date")
        outlet = (unit.text[: textual.start()] + unit.text[textual.end() :])
    published = parse_date(raw, dayfirst=not raw[:4].isdigit())
    if published is None:
        return False
    if article.published is None:
        article.published, article.published_raw = published, raw
    article.source = article.source or _byline_outlet(outlet or "")
    if outlet and _BY.match(outlet.strip()):
        article.author = article.author or _authors(outlet.strip(" ,|•·-–—"))
    return True


def _byline_outlet(rest: str) -> str | None:
    """The outlet among what a dated byline says besides its date; not its author (`By Jane Doe`), a time, a label
    (`Updated`), a role or the page's section (`Politics`)."""
    for part in _BYLINE_PART_SEPARATOR.split(_CLOCK_TIME.sub("", rest)):
        part = part.strip(" |•·-–—,:*_")
        if not part or _AUTHOR_LINE.match(part) or _names_authors(part) or _ROLE.search(part) or _is_section_tag(part):
            continue
        outlet = _DATE_WORDS.sub("", _LEADING_LABEL.sub("", part)).strip(" |•·-–—,:*_")
        if outlet:
            return outlet
    return None


def _first_sentence(text: str, limit: int = 90) -> str:
    marker = ORDERED_MARK.match(text)
    # A numbered item's "1." ends no sentence.
    lead = marker.group() if marker else ""
    sentence = lead + re.split(r"(?<=[.!?])\s", text[len(lead):], maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _related_items(units: list[_Unit]) -> tuple[list[list[_Unit]], list[_Unit]]:
    """Split a related section into articles. Each begins at a headline the page prints twice in a row,
    or failing that at a headline-like line followed by text; trailing furniture stays with the page."""
    if not units:
        return [], []
    starts = [
        i for i in range(len(units) - 1)
        if _headline_like(units[i].text) and normalise(units[i].text) == normalise(units[i + 1].text)
        and (i == 0 or normalise(units[i - 1].text) != normalise(units[i].text))
    ]
    if not starts:
        starts = [
            i for i, u in enumerate(units)
            if _headline_like(u.text) and not is_boilerplate(u.text) and i + 1 < len(units)
            and len(units[i + 1].text) > 2 * len(u.text)
        ]
    if not starts:
        for unit in units:
            unit.kind = "boilerplate" if is_boilerplate(unit.text) else "related"
        return [], units
    lead = units[: starts[0]]
    for unit in lead:
        unit.kind = "boilerplate" if is_boilerplate(unit.text) else "related"
    items = [units[a:b] for a, b in zip(starts, starts[1:] + [len(units)])]
    last = items[-1]
    cut = len(last)
    while cut > 1 and is_boilerplate(last[cut - 1].text):
        cut -= 1
    trailing = last[cut:]
    for unit in trailing:
        unit.kind = "boilerplate"
    items[-1] = last[:cut]
    return items, lead + trailing


def _related_article(part: int, units: list[_Unit], page: Article) -> Article:
    title = units[0].text
    article = Article(part=part, start=units[0].start, end=units[-1].end, title=title)
    for unit in units:
        ago = RELATIVE_TIME.match(unit.text)
        bullet = _BULLET.match(unit.text)
        if normalise(unit.text) == normalise(title):
            unit.kind = "title"
        elif ago:
            unit.kind = "boilerplate"
            if article.published_raw is None:
                article.published_raw = unit.text
                article.published = resolve_ago(int(_count(ago.group("n"))), ago.group("unit"), page.published)
                article.published_relative = True
        elif bullet and len(words_of(unit.text)) <= 6:
            unit.kind = "boilerplate"
            article.source = article.source or bullet.group("rest").strip() or None
        elif not article.source and len(words_of(unit.text)) <= 5 and not is_sentence(unit.text):
            unit.kind = "byline"
            article.source = unit.text
        elif is_boilerplate(unit.text):
            unit.kind = "boilerplate"
        else:
            unit.kind = "body"
    article.paragraphs = [_paragraph(u) for u in units]
    return article


def _in_numbered_list(units: list[_Unit], index: int) -> bool:
    """`2. Second point` after `1. First point`: an item of a numbered list, however short, next to the item
    numbered one before or after it."""
    number = _item_number(units[index].text)
    if number is None:
        return False
    return any(0 <= i < len(units) and _item_number(units[i].text) == number + step
               for i, step in ((index - 1, -1), (index + 1, 1)))


def _item_number(text: str) -> int | None:
    mark = ORDERED_MARK.match(text)
    return int(text[: mark.end()].rstrip().rstrip(".)")) if mark else None


def _count(word: str) -> int:
    return 1 if word.lower() in ("a", "an", "one") else int(word)


def _paragraph(unit: _Unit) -> Paragraph:
    """Text of the article and bylines as they read; furniture and metadata as the file has them."""
    if unit.kind not in (*READING_KINDS, "byline"):
        return Paragraph(unit.kind, unit.raw, unit.start, unit.end)
    text = unit.text
    heading = _MARKDOWN_HEADING.match(text) if unit.kind in ("title", "heading") else None
    if heading:
        text = heading.group("text")
    return Paragraph(unit.kind, markdown_as_read(text), unit.start, unit.end)


def _number(article: Article) -> None:
    n = 0
    for paragraph in article.paragraphs:
        paragraph.n = None
        if paragraph.kind in VISIBLE_KINDS:
            n += 1
            paragraph.n = n
