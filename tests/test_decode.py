from __future__ import annotations

import pytest

from store.decode import NotText, decode

TEXT = "Kyiv said “909 bodies” were returned — café, naïve.\n"


def test_utf8_is_read_as_is() -> None:
    decoded = decode(TEXT.encode("utf-8"))
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8"


def test_utf8_bom_is_recognised_and_dropped_from_text() -> None:
    decoded = decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(codec: str) -> None:
    decoded = decode(TEXT.encode(codec))
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_windows_1252_curly_quotes_decode_right() -> None:
    data = "He said \u201cpeace\u201d \u2013 at 5\u20ac.\n".encode("cp1252")
    decoded = decode(data)
    assert decoded.encoding == "cp1252"
    assert "\u201cpeace\u201d" in decoded.text and "5\u20ac" in decoded.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(0, 32)) * 50, "binary"),
    ],
)
def test_not_text_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_undecodable_bytes_name_the_offset() -> None:
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    with pytest.raises(NotText, match="0x81"):
        decode(b"plain text then \x81 a byte no codec here reads")


RUSSIAN = "Удар по Киеву\n\nВ ночь на вторник российские войска атаковали город ракетами и дронами, сообщили власти.\n"
UKRAINIAN = "Україна і Європа\n\nЇхні міністри зустрілися в Києві; ґрунтовна розмова тривала шість годин.\n"


@pytest.mark.parametrize("text", [RUSSIAN, UKRAINIAN])
def test_windows_1251_cyrillic_is_read_as_cyrillic(text: str) -> None:
    decoded = decode(text.encode("cp1251"))
    assert decoded.encoding == "cp1251"
    assert decoded.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Café, Müller, señor, l'été dernier à Zürich: la société a dû fermer après trois années.\n",
        "Die Bürger in Köln und Düsseldorf äußerten große Sorgen über die Straßenbahn.\n",
        "El señor Muñoz dijo que la situación en Córdoba está bajo control, según él.\n",
        "ÉTÉ À PARIS: DÉJÀ VU\n\nThe mayor said the summer festival will go ahead.\n",
    ],
)
def test_windows_1252_accented_latin_stays_windows_1252(text: str) -> None:
    decoded = decode(text.encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.text == text


def test_cyrillic_looking_bytes_undefined_in_1251_keep_the_1252_error() -> None:
    # 0x98 is undefined in Windows-1251; 0x81 in Windows-1252.
    with pytest.raises(NotText, match="neither UTF-8 nor Windows-1252.*0x81"):
        decode("Удар по Киеву".encode("cp1251") + b"\x98\x81")
