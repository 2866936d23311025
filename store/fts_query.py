"""What FTS5 is given for a typed query.

Every place name of `SPELLINGS` is widened to all its spellings (`Kyiv` → `(Kyiv OR kiev)`, `"Kyiv region"` →
`("Kyiv region" OR "kiev region")`, inside a NEAR group too), so that a search finds the copies that print
another one; a Ukrainian or Russian word, on its own or in a `+` phrase, is widened to its stems
(`Києва` → `(Києва OR "києв"* OR "київ"*)`, `store.word_forms`), and a place name to its names in the other
script (`Kyiv` → `"київ"*`…, `Києві` → `kyiv`…); a prefix (`Kyi*`) stays as written. A query FTS5 cannot parse
is searched as its plain words.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from store.spellings import cyrillic_names, latin_names, spellings_of
from store.word_forms import stems

MAX_ALTERNATIVES = 16
"""A phrase or NEAR group whose words could be spelt more ways than this loses its stems, then its spellings."""

OPERATORS = frozenset({"AND", "OR", "NOT"})

_SPACE = re.compile(r"[ \t\n\r\f\v]*")
_LEXEME = re.compile(r'[ \t\n\r\f\v]*(?:("(?:[^"]|"")*")|([0-9A-Za-z_\x1a\x80-\U0010ffff]+)|([-(){}:,+*^]))')
"""One FTS5 token after any space: a string, a bareword (FTS5 counts every non-ASCII character in one) or
punctuation. Anything else is a syntax error to FTS5."""
_WORD = re.compile(r"[^\W_]+")
"""A word as the unicode61 tokenizer splits one."""
_PLAIN_WORDS = re.compile(r"[\w\s]+")


@dataclass(frozen=True, slots=True)
class _Piece:
    """An operand of the query (a phrase or NEAR group, in each of its spellings, with the column filter before
    it) or what stands between two (an operator, a parenthesis, a column filter on a parenthesis)."""

    text: str
    between: bool = False
    widened: bool = False
    empty: bool = False
    """A phrase without a word (`""`)."""


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    kind: Literal["string", "bare", "punct"]
    start: int
    end: int


def fts_queries(query: str) -> list[str]:
    """What to give FTS5 for `query`, in the order to try until one parses: the query with its place names
    widened, the query as written, then its plain words (widened too). Empty for a query without a word."""
    written = _distinct_words(query) if _PLAIN_WORDS.fullmatch(query) else query
    plain = plain_words(query)
    tried = [widened(written), written, *((widened(plain), plain) if plain else ())]
    return list(dict.fromkeys(m for m in tried if m.strip()))


def _distinct_words(query: str) -> str:
    """Each word once, in the case it was first typed: a word repeated adds nothing to FTS5's implicit AND, but
    costs it more than linear time (200 copies: 4.5 s)."""
    first: dict[str, str] = {}
    for word in query.split():
        first.setdefault(word.casefold(), word)
    return " ".join(first.values())


def plain_words(query: str) -> str:
    """A query FTS5 cannot parse as plain text: its words, each quoted, and the AND, OR and NOT written in
    capitals between two of them, with its balanced parentheses; empty when it has no word (a lone `"` or `*`).

    An operator with no word on one side (`Kiev AND`, `NOT Kiev`, `(OR Kiev)`) is what broke the query, so it
    goes, as does the first of two side by side (`AND NOT` means NOT), and NEAR in capitals, whose group lost
    its parenthesis or was never one; in lower case, or inside quotes, each is a word as it is to FTS5."""
    tokens = _plain_tokens(query)
    if tokens.count("(") != tokens.count(")") or not _nested(tokens):
        tokens = [t for t in tokens if t not in ("(", ")")]
    return _plain_query(_without_dangling(tokens))


def _plain_tokens(query: str) -> list[str]:
    """Phrases, operators and parentheses, in order. A quotation is one phrase, and so is a run of words typed
    without a space between them (`$2.5`, `F-16`, `1,000`, `U.S.`): searched as separate words, `$2.5 million`
    found every paragraph with a 2, a 5 and a million anywhere in it. What follows a `"` never closed is one
    phrase too, as if it were closed: `"peace talks` is the phrase, not peace and talks apart."""
    tokens = []
    parts = query.split('"')
    for i, part in enumerate(parts):
        if i % 2:
            words = _WORD_RUN.findall(part)
            tokens.extend(_phrase(words))
            continue
        for token in _CHUNK.findall(part):
            if token not in (*OPERATORS, "NEAR", "(", ")"):
                tokens.extend(_phrase(_WORD_RUN.findall(token)))
            elif token != "NEAR":
                tokens.append(token)
    return tokens


_WORD_RUN = re.compile(r"\w+")
_CHUNK = re.compile(r"\w+(?:[^\w\s()]+\w+)*|[()]")
"""Words joined by what is neither a space nor a parenthesis, or a parenthesis."""


def _phrase(words: list[str]) -> list[str]:
    return [f'"{" ".join(words)}"'] if words else []


def _nested(tokens: list[str]) -> bool:
    depth = 0
    for token in tokens:
        depth += (token == "(") - (token == ")")
        if depth < 0:
            return False
    return True


def _without_dangling(tokens: list[str]) -> list[str]:
    """Operators with a word on either side, and parentheses with something inside."""
    while True:
        kept = [t for i, t in enumerate(tokens) if not _dangling(tokens, i)]
        if kept == tokens:
            return kept
        tokens = kept


def _dangling(tokens: list[str], i: int) -> bool:
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i] in OPERATORS:
        return before in (None, "(") or after in (None, ")", *OPERATORS)
    return tokens[i] == "(" and after == ")" or tokens[i] == ")" and before == "("


def _plain_query(tokens: list[str]) -> str:
    """The tokens joined, with AND where FTS5 would not AND them by their side (next to a parenthesis)."""
    out = ""
    for before, token in zip([None, *tokens], tokens):
        if before in (None, "("):
            out += token
        elif token == ")":
            out += ")"
        elif before == ")" and token not in OPERATORS or token == "(" and before not in OPERATORS:
            out += " AND " + token
        else:
            out += " " + token
    return out


def widened(query: str) -> str:
    """`query` with each place name of `SPELLINGS` OR'ed with its other spellings; as written when it has none,
    or when it is not FTS5 syntax (FTS5 then says what is wrong with it)."""
    try:
        pieces = _Reader(query).pieces()
    except _NotRead:
        return query
    return _joined(pieces) if any(piece.widened for piece in pieces) else query


class _NotRead(Exception):
    """The query does not follow FTS5's grammar."""


def _tokens(query: str) -> list[_Token]:
    tokens, at = [], 0
    while not _SPACE.fullmatch(query, at):
        found = _LEXEME.match(query, at)
        if found is None:
            raise _NotRead
        kind = "string" if found[1] else "bare" if found[2] else "punct"
        tokens.append(_Token(found[found.lastindex], kind, found.start(found.lastindex), found.end()))
        at = found.end()
    return tokens


def _joined(pieces: list[_Piece]) -> str:
    """Pieces of the query joined again. FTS5 ANDs phrases side by side only when none is in parentheses, so a
    run of them that holds a widened one is joined with AND and put in parentheses (it still binds first); a
    phrase without a word, which FTS5 passes over side by side but matches nothing on its own, is left out."""
    out: list[str] = []
    run: list[_Piece] = []

    def close_run() -> None:
        if len(run) > 1 and any(piece.widened for piece in run):
            kept = [piece for piece in run if not piece.empty] or run
            out.append(_and(kept))
        else:
            out.extend(piece.text for piece in run)
        run.clear()

    for piece in pieces:
        if piece.between:
            close_run()
            out.append(piece.text)
        else:
            run.append(piece)
    close_run()
    return " ".join(out)


def _and(pieces: list[_Piece]) -> str:
    return pieces[0].text if len(pieces) == 1 else "(" + " AND ".join(piece.text for piece in pieces) + ")"


class _Reader:
    """Reads a query into `_Piece`s as FTS5's grammar does."""

    def __init__(self, query: str) -> None:
        self.query, self.tokens, self.at = query, _tokens(query), 0

    def pieces(self) -> list[_Piece]:
        out: list[_Piece] = []
        while self.at < len(self.tokens):
            start = self.at
            if self._take("(") or self._take(")") or self._operator():
                out.append(_Piece(self._source(start), between=True))
                continue
            filtered = self._columns()
            if filtered and self._peek("("):
                out.append(_Piece(self._source(start), between=True))
                continue
            operand = self._near() if self._at_near() else self._caret_phrase()
            if operand is None:
                raise _NotRead
            prefix = self._source(start, start + filtered) + " " if filtered else ""
            empty = not _WORD.search(operand[0])
            out.append(_Piece(prefix + _or(operand), widened=len(operand) > 1, empty=empty))
        return out

    def _source(self, first: int, end: int | None = None) -> str:
        last = self.tokens[(self.at if end is None else end) - 1]
        return self.query[self.tokens[first].start : last.end]

    def _token(self, kind: str, text: str | None = None, ahead: int = 0) -> _Token | None:
        at = self.at + ahead
        token = self.tokens[at] if at < len(self.tokens) else None
        if token is None or token.kind != kind or text is not None and token.text != text:
            return None
        return token

    def _peek(self, punct: str, ahead: int = 0) -> bool:
        return self._token("punct", punct, ahead) is not None

    def _take(self, punct: str) -> bool:
        if self._peek(punct):
            self.at += 1
            return True
        return False

    def _operator(self) -> bool:
        token = self._token("bare")
        if token is None or token.text not in OPERATORS:
            return False
        self.at += 1
        return True

    def _columns(self) -> int:
        """How many tokens of a column filter (`text :`, `-{text} :`) were taken; 0 when none is here."""
        start = self.at
        self._take("-")
        if self._take("{"):
            while self._token("bare"):
                self.at += 1
            if not self._take("}"):
                raise _NotRead
        elif self._token("bare") and self._peek(":", 1):
            self.at += 1
        if self.at == start:
            return 0
        if not self._take(":"):
            raise _NotRead
        return self.at - start

    def _at_near(self) -> bool:
        return self._token("bare", "NEAR") is not None and self._peek("(", 1)

    def _near(self) -> list[str]:
        self.at += 2
        phrases: list[list[str]] = []
        while (phrase := self._phrase()) is not None:
            phrases.append(phrase)
        distance = ""
        if self._take(","):
            number = self._token("bare")
            if number is None:
                raise _NotRead
            distance = ", " + number.text
            self.at += 1
        if not phrases or not self._take(")"):
            raise _NotRead
        return _combined(phrases, lambda group: f"NEAR({' '.join(group)}{distance})")

    def _caret_phrase(self) -> list[str] | None:
        caret = "^" if self._take("^") else ""
        phrase = self._phrase()
        if phrase is None and caret:
            raise _NotRead
        return None if phrase is None else [caret + p for p in phrase]

    def _phrase(self) -> list[str] | None:
        """The phrase here in each of its spellings, as written first; None when no phrase starts here."""
        terms = [self._term()]
        if terms[0] is None:
            return None
        while self._take("+"):
            term = self._term()
            if term is None:
                raise _NotRead
            terms.append(term)
        return _combined(terms, " + ".join)

    def _term(self) -> list[str] | None:
        token = self._token("string") or self._token("bare")
        if token is None or token.kind == "bare" and (token.text in OPERATORS or self._at_near()):
            return None
        self.at += 1
        star = "*" if self._take("*") else ""
        inside = token.text[1:-1] if token.kind == "string" else token.text
        _, *others = _spellings_within(inside, prefix=bool(star))
        forms = [] if star or not _WORD.fullmatch(inside) else _other_forms(inside)
        return [token.text + star, *(_quoted(other, bare=token.kind == "bare") + star for other in others), *forms]


def _other_forms(word: str) -> list[str]:
    """A Cyrillic word's stems and, for a place, its Latin spellings; a Latin-spelt place's Cyrillic stems."""
    prefixes = [*stems(word), *cyrillic_names(word)]
    latin = [name for name in latin_names(word) if name != word.casefold()]
    return [*latin, *(f'"{prefix}"*' for prefix in dict.fromkeys(prefixes))]


def _quoted(text: str, *, bare: bool) -> str:
    return text if bare and _WORD.fullmatch(text) and text.isascii() else f'"{text}"'


def _combined(parts: list[list[str]], join: Callable[[tuple[str, ...]], str]) -> list[str]:
    """Each choice of one spelling of every part, joined, as written first. When the choices would be more than
    `MAX_ALTERNATIVES`, the stems (`"києв"*`) are left out, and if they still would, every spelling but the one
    written."""
    if math.prod(len(part) for part in parts) > MAX_ALTERNATIVES:
        parts = [[part[0], *(p for p in part[1:] if not p.endswith('"*'))] for part in parts]
    if math.prod(len(part) for part in parts) > MAX_ALTERNATIVES:
        return [join(tuple(part[0] for part in parts))]
    return [join(choice) for choice in itertools.product(*parts)]


def _spellings_within(text: str, *, prefix: bool) -> list[str]:
    """`text` with each place name in each of its spellings, as written first; the last word stays as written
    when `*` makes it a prefix."""
    words = list(_WORD.finditer(text))
    if prefix and words:
        words.pop()
    named = [word for word in words if spellings_of(word[0])]

    def spelt(choice: tuple[str, ...]) -> str:
        pieces, last = [], 0
        for word, spelling in zip(named, choice):
            pieces += [text[last : word.start()], spelling]
            last = word.end()
        return "".join(pieces) + text[last:]

    return _combined([[word[0], *spellings_of(word[0])] for word in named], spelt)


def _or(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
