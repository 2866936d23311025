"""The two real shapes in seeds/, and the general rules on small hand-made articles."""

from __future__ import annotations

import pytest

from datetime import date

from store.boilerplate import is_boilerplate
from store.parse import parse
from tests.conftest import AGGREGATOR, LIVE_BLOG


def _read(path) -> str:
    return path.read_text(encoding="utf-8")


def test_live_blog_header_is_metadata_not_text() -> None:
    [article] = parse(_read(LIVE_BLOG))
    assert article.published == date(2025, 5, 11)
    assert article.source is None
    first, second = article.paragraphs[:2]
    assert (first.kind, first.text) == ("meta", "date 2025-05-11")
    assert second.kind == "body" and second.n == 1
    assert second.text.startswith("The publications' latest report covers the period")


def test_live_blog_one_line_per_paragraph_and_its_heading() -> None:
    [article] = parse(_read(LIVE_BLOG))
    visible = [p for p in article.paragraphs if p.n is not None]
    assert len(visible) == 27
    heading = next(p for p in visible if p.kind == "heading")
    assert heading.text == "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"
    assert article.title == heading.text


def test_aggregator_title_outlet_and_glued_date() -> None:
    page, *related = parse(_read(AGGREGATOR))
    assert page.title == "Moscow and Kiev exchange remains of fallen soldiers"
    assert page.source == "Russia Today"
    assert page.published == date(2025, 5, 16)
    assert [p.kind for p in page.paragraphs[:4]] == ["boilerplate", "title", "title", "byline"]
    body = [p for p in page.paragraphs if p.kind == "body"]
    assert len(body) == 9
    assert body[0].text.startswith("Moscow and Kiev have exchanged the remains")


def test_aggregator_boilerplate_is_kept_and_hidden() -> None:
    page, *_ = parse(_read(AGGREGATOR))
    boilerplate = {p.text for p in page.paragraphs if p.kind == "boilerplate"}
    for line in ("logo", "Orange background", "Try Our AI Features", "Explore what Daily8 AI can do for you:",
                 "Comments", "No comments yet...", "DOWNLOAD THE APP", "Get Started Now: Download the App",
                 "app-storeplay-store"):
        assert line in boilerplate
    assert all(p.n is None for p in page.paragraphs if p.kind == "boilerplate")


def test_related_articles_become_their_own_documents() -> None:
    page, *related = parse(_read(AGGREGATOR))
    assert [r.title for r in related] == [
        "US to cut Ukraine aid",
        "WHISPERING GIANT: Russia's quiet power leaves the West in the dust",
        "EU wants to prolong Ukraine conflict",
    ]
    for article in related:
        assert article.source == "Russia Today"
        assert article.published == date(2025, 5, 16)
        assert article.published_relative
        body = [p for p in article.paragraphs if p.kind == "body"]
        assert len(body) == 1 and len(body[0].text) > 1000
        kinds = {p.text: p.kind for p in article.paragraphs}
        assert kinds["• Russia Today"] == "boilerplate"
    assert related[0].published_raw == "timean hour ago"
    assert related[2].published_raw == "time2 hours ago"


def test_relative_time_without_a_page_date_stays_unknown() -> None:
    text = "Page headline\nPage headline\n\nSome body text that is long enough to be a paragraph.\n\nRelated Articles\n\n" \
           "Other story\nOther story\n\nReuters\n\n3 days ago\n\nOther story\n\nThe other story's body is here, and it is a full sentence.\n"
    page, other = parse(text)
    assert page.published is None
    assert other.published is None and other.published_raw == "3 days ago"
    assert other.source == "Reuters"


def test_every_character_lands_in_a_paragraph() -> None:
    for path in (LIVE_BLOG, AGGREGATOR):
        text = _read(path)
        covered = [False] * len(text)
        for article in parse(text):
            for p in article.paragraphs:
                for i in range(p.start, p.end):
                    assert not covered[i], "two paragraphs claim one character"
                    covered[i] = True
        assert all(covered[i] or text[i].isspace() for i in range(len(text)))


def test_hard_wrapped_blocks_are_one_paragraph() -> None:
    text = ("Markdown title line\n\n"
            "This is a long paragraph that was wrapped by the scraper at a fixed\n"
            "width, so it continues on the next line and ends here.\n\n"
            "A second paragraph follows after a blank line.\n")
    [article] = parse(text)
    body = [p for p in article.paragraphs if p.kind == "body"]
    assert len(body) == 2
    assert body[0].text.endswith("continues on the next line and ends here.")


# Prose hard-wrapped at 72 columns, as a scraper or a mail tool leaves it.
WRAPPED_REPORT = """Ukraine says drones hit Russian oil depot

By Jane Smith, Reuters
12 May 2025

KYIV, May 12 (Reuters) - Ukrainian drones struck an oil depot in the
Bryansk region overnight, a source in Ukraine's security service said on
Monday, the third such attack this month. Russian officials said air
defences had destroyed 14 drones over the region.

The governor of the region said that
12 people had been evacuated from nearby villages and that a fire at the
site had been put out by morning.
"""
WRAPPED_STRIKE = """A missile struck a warehouse in the centre of Kharkiv at about 4 a.m. on
Tuesday, starting a fire that burned for six hours before it was out.
Emergency crews pulled two people from the rubble, the regional governor
said, and 14 more were treated for smoke.

Ukraine's air force said it had shot down 52 of the 60 drones launched
overnight, most of them over the Kharkiv and Sumy regions, and that the
rest had been lost to electronic jamming. Officials did not say whether
any had hit their targets.
"""
STRIKE_PARAGRAPHS = [" ".join(block.split("\n")) for block in WRAPPED_STRIKE.strip().split("\n\n")]


def body_texts(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == "body"]


def test_wrapped_lines_opening_in_capitals_or_figures_go_on_with_their_paragraph() -> None:
    [article] = parse(WRAPPED_REPORT)
    assert body_texts(article) == [
        "KYIV, May 12 (Reuters) - Ukrainian drones struck an oil depot in the Bryansk region overnight, a source in "
        "Ukraine's security service said on Monday, the third such attack this month. Russian officials said air "
        "defences had destroyed 14 drones over the region.",
        "The governor of the region said that 12 people had been evacuated from nearby villages and that a fire at "
        "the site had been put out by morning.",
    ]
    assert (article.title, article.source, article.published) == (
        "Ukraine says drones hit Russian oil depot", "Reuters", date(2025, 5, 12))
    assert [(p.kind, p.text) for p in article.paragraphs[1:3]] == [("byline", "By Jane Smith, Reuters"),
                                                                   ("byline", "12 May 2025")]


def test_a_wrap_falling_on_a_full_stop_goes_on_with_the_next_sentence() -> None:
    [article] = parse(WRAPPED_STRIKE)
    assert body_texts(article) == STRIKE_PARAGRAPHS
    assert "out. Emergency crews" in body_texts(article)[0]


def test_wrapped_lines_opening_on_a_figure_go_on_even_when_it_reads_like_a_numbered_item() -> None:
    text = ("The two delegations met for less than two hours in Istanbul on Friday,\n"
            "the first direct talks since March 2022, and agreed to swap prisoners on\n"
            "16 May. Both sides said they would exchange a thousand troops each, and\n"
            "Ukraine's defence minister Rustem Umerov said that some 390 of the first\n"
            "1,000 would be civilians held since the early weeks of the invasion.\n\n"
            "Russia's negotiator Vladimir Medinsky said the exchange would take place\n"
            "within days and that a second round of talks could open in Turkey on May\n"
            "24. The talks would have no preconditions, he said.\n")
    [article] = parse(text)
    assert body_texts(article) == [" ".join(block.split("\n")) for block in text.strip().split("\n\n")]


def test_a_wrapped_markdown_paragraph_is_one_and_the_file_keeps_its_lines() -> None:
    paragraph = ("Ukrainian drones struck an [oil depot](https://example.com/depot) in the\n"
                 "Bryansk region overnight, a source in Ukraine's **security service** said\n"
                 "on Monday. Russian officials said air defences had destroyed 14 drones,\n"
                 "and the regional governor said that nobody had been hurt in the attack.")
    item = ("- Two fuel tanks, which burned until the early morning, according to\n"
            "  Governor Alexander Bogomaz, who posted a video of the fire on Telegram")
    text = (f"# Drones strike oil depot in Bryansk region\n\n{paragraph}\n\n## What was hit\n\n"
            f"{item}\n- A rail siding next to the depot\n")
    [article] = parse(text)
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("title", "Drones strike oil depot in Bryansk region"),
        ("body", "Ukrainian drones struck an oil depot in the Bryansk region overnight, a source in Ukraine's "
                 "security service said on Monday. Russian officials said air defences had destroyed 14 drones, "
                 "and the regional governor said that nobody had been hurt in the attack."),
        ("heading", "What was hit"),
        ("body", "Two fuel tanks, which burned until the early morning, according to Governor Alexander Bogomaz, "
                 "who posted a video of the fire on Telegram"),
        ("body", "A rail siding next to the depot"),
    ]
    assert [text[p.start:p.end] for p in article.paragraphs] == [
        "# Drones strike oil depot in Bryansk region", paragraph, "## What was hit", item,
        "- A rail siding next to the depot"]


HEADLINE_AS_LONG_AS_A_WRAPPED_LINE = "Ukraine says its drones hit a Russian oil depot for a third time in May"


@pytest.mark.parametrize("header", ["Reuters\n12 May 2025", "By Jane Smith, Reuters\n12 May 2025", "12 May 2025",
                                    "Reuters", "date 2025-05-12", "Source: Reuters\nDate: 2025-05-12",
                                    HEADLINE_AS_LONG_AS_A_WRAPPED_LINE])
def test_lines_under_a_headline_as_long_as_a_wrapped_line_stay_apart(header: str) -> None:
    # The headline ends where a wrapped line would, and the line under it would not have fitted.
    headline = HEADLINE_AS_LONG_AS_A_WRAPPED_LINE
    [article] = parse(f"{headline}\n{header}\n\n{WRAPPED_STRIKE}")
    assert article.title == headline
    assert [p.text for p in article.paragraphs[: 1 + header.count("\n") + 1]] == [headline, *header.split("\n")]
    assert body_texts(article) == STRIKE_PARAGRAPHS


def test_a_key_value_line_over_wrapped_text_stays_a_line_of_its_own() -> None:
    field = "Title: A missile strikes a Kharkiv warehouse and starts a six-hour blaze"
    [article] = parse(f"{field}\n{WRAPPED_STRIKE}")
    assert article.title == "A missile strikes a Kharkiv warehouse and starts a six-hour blaze"
    assert (article.paragraphs[0].kind, article.paragraphs[0].text) == ("meta", field)
    assert body_texts(article) == STRIKE_PARAGRAPHS


def test_short_lines_headings_and_list_items_of_a_wrapped_file_stay_apart() -> None:
    blocks = ["Press office of the Ministry of Defence of Ukraine\n6 Povitroflotskyi Avenue\nKyiv 03168",
              "## Rescuers search the rubble of the warehouse for a third day running\n"
              "Emergency crews said two more people had been found alive on Tuesday.",
              "The regional governor wrote on Telegram after the drones were shot down:\n"
              '> "We will respond to every attack on our territory."',
              "Get the latest news from Kyiv and the front line in your inbox each day.\nSign up for our newsletter",
              "The night the drones came over the city\nWe counted the flashes from the\nWindow of the kitchen",
              "- Two fuel tanks at the depot, which burned until dawn on Monday morning\n"
              "- A rail siding next to the depot, where a freight train was set on fire",
              "1. Ukraine's air force said it had shot down 52 of the 60 drones at dawn\n"
              "2. Russia said its air defences had destroyed 14 drones over the region"]
    text = WRAPPED_STRIKE + "\n" + "\n\n".join(blocks) + "\n"
    [article] = parse(text)
    assert [text[p.start:p.end] for p in article.paragraphs[2:]] == [line for b in blocks for line in b.split("\n")]
    assert body_texts(article)[:2] == STRIKE_PARAGRAPHS


def test_one_line_paragraphs_of_varied_lengths_in_a_block_stay_apart() -> None:
    lines = ["Ukraine's air force said it had shot down 52 of the 60 drones launched overnight.",
             "Three were injured in Kursk Oblast when the town of Rylsk was struck by a missile on May 11, the governor",
             "claimed.",
             "Hungary cancelled a meeting planned for May 12 with a Ukrainian delegation on the rights of minorities",
             "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation",
             "Russian independent media outlet Mediazona has confirmed the identities of 107,620 Russian soldiers",
             "Western leaders dismissed the Kremlin's proposal for talks in Istanbul on May 15 as insufficient."]
    [article] = parse("\n".join(lines) + "\n")
    assert [p.text for p in article.paragraphs] == [lines[0], f"{lines[1]} {lines[2]}", *lines[3:]]


@pytest.mark.parametrize("headlines", [
    ["US to cut Ukraine aid as the Pentagon budget shrinks for the coming year",
     "EU wants to prolong Ukraine conflict, Hungarian Prime Minister says",
     "Zelensky says he will wait for Putin in Turkey on Thursday",
     "Ukraine receives 909 bodies in the latest repatriation of fallen soldiers",
     "Rubio to travel to Antalya for NATO foreign ministers meeting",
     "Over 107,000 Russian soldiers killed in Ukraine identified by media"],
    ["EU wants to prolong Ukraine conflict, Hungary's premier says",
     "Zelensky says he will wait for Putin in Turkey on Thursday",
     "Rubio to travel to Antalya for NATO foreign ministers meeting",
     "US to cut Ukraine aid as the Pentagon budget shrinks for the coming year",
     "Will Putin come to Istanbul for the first direct talks in three years?"],
])
def test_headlines_listed_one_under_another_stay_apart(headlines: list[str]) -> None:
    # The first headline was wrapped; the others end near its width, where the next would not have fitted.
    wrapped = ["Kremlin rejects the ceasefire proposal as Ukraine and its European allies",
               "prepare new sanctions against Russian oil and gas exports"]
    [article] = parse("Moscow and Kiev exchange remains of fallen soldiers\n\nRelated Articles\n\n"
                      + "\n".join(wrapped + headlines) + "\n")
    assert [p.text for p in article.paragraphs[2:]] == [" ".join(wrapped), *headlines]


def test_long_one_line_paragraphs_of_like_lengths_stay_apart_where_no_line_goes_on_in_lower_case() -> None:
    lines = ["Russia launched 40 drones and six missiles at Kyiv overnight, the air force said on Monday morning.",
             "Hungary cancelled a meeting planned for May 12 with a Ukrainian delegation on national minorities.",
             "Western leaders dismissed the Kremlin's proposal for talks in Istanbul on May 15 as insufficient."]
    [article] = parse("\n".join(lines) + "\n")
    assert [p.text for p in article.paragraphs] == lines


def test_a_line_the_next_word_would_have_fitted_on_ends_where_its_writer_ended_it() -> None:
    lines = ["The air force named the regions where drones were shot down:", "Bryansk, Kursk and Belgorod."]
    [article] = parse(WRAPPED_STRIKE + "\n" + "\n".join(lines) + "\n")
    assert [p.text for p in article.paragraphs] == [*STRIKE_PARAGRAPHS, *lines]


def test_markdown_heading_and_front_matter() -> None:
    text = "---\ntitle: Grain deal talks\nsource: Reuters\ndate: 2024-03-02\n---\n# Grain deal talks\n\nTalks resumed on Friday.\n"
    [article] = parse(text)
    assert article.title == "Grain deal talks"
    assert article.source == "Reuters"
    assert article.published == date(2024, 3, 2)
    assert [p.kind for p in article.paragraphs if p.n] == ["body"]


def test_no_date_is_null_never_invented() -> None:
    [article] = parse("Headline without date\n\nA body paragraph that says something of note.\n")
    assert article.published is None


def test_byline_with_textual_date() -> None:
    [article] = parse("Ceasefire holds\n\nBy Jane Doe | Reuters | March 3, 2024\n\nThe ceasefire held overnight, officials said.\n")
    assert article.published == date(2024, 3, 3)
    assert "Reuters" in article.source


BODY = "At least 14 people were killed on Sunday when a missile struck an apartment block in Kyiv, officials said."


def kinds(article) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in article.paragraphs]


def test_a_date_line_below_the_headline_is_metadata_in_iso_order() -> None:
    for gap in ("\n", "\n\n"):
        [article] = parse(gap.join(["Missile strike hits Kyiv apartment block", "date 2025-05-11", BODY]) + "\n")
        assert article.published == date(2025, 5, 11)
        assert article.source is None
        assert article.title == "Missile strike hits Kyiv apartment block"
        assert kinds(article) == [("title", "Missile strike hits Kyiv apartment block"), ("meta", "date 2025-05-11"),
                                  ("body", BODY)]


def test_a_header_without_blank_lines_keeps_headline_date_and_byline_apart() -> None:
    text = f"Missile strike hits Kyiv apartment block\ndate 2025-05-12\nBy Olena Petrenko, Kyiv Independent\n\n{BODY}\n"
    [article] = parse(text)
    assert (article.title, article.source, article.published) == (
        "Missile strike hits Kyiv apartment block", "Kyiv Independent", date(2025, 5, 12))
    assert [p.kind for p in article.paragraphs] == ["title", "meta", "byline", "body"]
    assert [p.n for p in article.paragraphs if p.n is not None] == [1]


def test_a_headline_over_a_shorter_first_line_is_still_the_title_not_paragraph_1() -> None:
    for header in ("Kyiv Independent\nJune 3, 2025", "Daily Wire Service\n2025-06-03"):
        [article] = parse(f"Drone strike hits Kyiv apartment block\n{header}\n\nUPDATED with new figures.\n\n{BODY}\n")
        assert article.title == "Drone strike hits Kyiv apartment block"
        assert kinds(article)[0] == ("title", "Drone strike hits Kyiv apartment block")
        assert "Drone strike hits Kyiv apartment block" not in [p.text for p in article.paragraphs if p.n is not None]


def test_a_short_title_case_line_between_headline_and_date_is_the_outlet() -> None:
    for gap in ("\n", "\n\n"):
        for date_line in ("June 3, 2025", "2025-06-03", "Published: 3 June 2025"):
            [article] = parse(gap.join(["Grain corridor talks resume", "Kyiv Independent", date_line, BODY]) + "\n")
            assert (article.source, article.published) == ("Kyiv Independent", date(2025, 6, 3)), (gap, date_line)
            assert kinds(article)[1] == ("byline", "Kyiv Independent"), (gap, date_line)
            assert [p.kind for p in article.paragraphs if p.n is not None] == ["body"], (gap, date_line)


def test_the_outlet_line_is_neither_a_heading_nor_paragraph_1() -> None:
    for gap in ("\n", "\n\n"):
        [article] = parse(gap.join(["Headline about the talks", "Daily Wire Service", "2025-06-03",
                                    "UPDATED with new figures.", BODY]) + "\n")
        assert article.source == "Daily Wire Service", gap
        assert kinds(article)[:3] == [("title", "Headline about the talks"), ("byline", "Daily Wire Service"),
                                      ("byline", "2025-06-03")], gap


def test_a_line_by_the_date_is_not_the_outlet_unless_it_reads_like_a_name() -> None:
    for line in ("Listen to this article", "Analysis", "Live Updates", "UPDATED with new figures.", "updated hourly"):
        [article] = parse(f"Grain corridor talks resume\n\n{line}\n\nJune 3, 2025\n\n{BODY}\n")
        assert article.source is None, line
        assert ("byline", line) not in kinds(article), line
    [article] = parse(f"Grain corridor talks resume\n\nJune 3, 2025\n\nKey Points\n\n{BODY}\n")
    assert article.source is None
    # A name a press word closes is the outlet's under the headline, a date line or none.
    [article] = parse(f"Grain corridor talks resume\n\nKyiv Independent\n\n{BODY}\n")
    assert article.source == "Kyiv Independent"


def test_an_author_line_is_a_byline_and_a_role_is_not_an_outlet() -> None:
    [article] = parse(f"Talks resume in Istanbul\n\nBy Jane Doe, Staff Writer\n\n{BODY}\n")
    assert article.title == "Talks resume in Istanbul"
    assert article.source is None
    assert kinds(article)[1] == ("byline", "By Jane Doe, Staff Writer")


def test_a_by_line_after_the_first_sentence_is_a_subheading() -> None:
    [article] = parse(f"Ceasefire talks stall\n\nReuters | 2025-05-11\n\n{BODY}\n\nBy The Numbers\n\n{BODY} Again.\n")
    assert [p.kind for p in article.paragraphs][-2:] == ["heading", "body"]


def test_a_bare_date_line_dates_the_article() -> None:
    for line, day in (("2025-05-11", date(2025, 5, 11)), ("16-05-2025", date(2025, 5, 16))):
        [article] = parse(f"Missile strike hits Kyiv apartment block\n{line}\n{BODY}\n")
        assert article.published == day
        assert kinds(article)[1] == ("byline", line)


def test_field_lines_below_a_capitals_headline_are_metadata() -> None:
    text = f"KYIV STRIKE: 14 DEAD\r\nPublished: May 11, 2025\r\nSource: Reuters\r\n\r\n{BODY}\r\n"
    [article] = parse(text)
    assert (article.title, article.source, article.published) == ("KYIV STRIKE: 14 DEAD", "Reuters", date(2025, 5, 11))
    assert [p.kind for p in article.paragraphs] == ["title", "meta", "meta", "body"]
    [page] = parse(f"DOWNLOAD THE APP\n\nKyiv strike kills 14\n\n{BODY}\n")
    assert page.paragraphs[0].kind == "boilerplate" and page.title == "Kyiv strike kills 14"


def test_the_time_beside_a_byline_date_is_not_the_outlet() -> None:
    for line in ("May 16, 2025 10:42 AM GMT+3", "Updated 16 May 2025, 14:05", "Reuters | May 16, 2025 at 9.30 pm"):
        [article] = parse(f"Ceasefire talks stall\n{line}\n\n{BODY}\n")
        assert article.published == date(2025, 5, 16), line
        assert article.source == ("Reuters" if "Reuters" in line else None), line


def test_markdown_emphasis_around_a_byline_is_not_part_of_the_outlet() -> None:
    for line in ("*The Guardian, 15 March 2025*", "_The Guardian | March 15, 2025_", "**The Guardian** · 15 March 2025",
                 "*Published: 15 March 2025*"):
        [article] = parse(f"# Drone strikes on Odesa\n\n{line}\n\n{BODY}\n")
        assert article.published == date(2025, 3, 15), line
        assert article.source == ("The Guardian" if "Guardian" in line else None), line


def test_a_read_more_link_inside_the_article_does_not_start_its_related_section() -> None:
    page = (f"logo\nTalks resume\n\nTalks resume\n\nReuters05-11-2024\n\n{BODY}\n\nRead more\n\n"
            "Similar swaps have been carried out on a monthly basis.\n\nGet the app\n\n"
            "Read the news on the go with our free app for iPhone and Android.\n\nApp StoreGoogle Play\n")
    [article] = parse(page)
    kinds_of = {p.text: p.kind for p in article.paragraphs}
    assert kinds_of["Similar swaps have been carried out on a monthly basis."] == "body"
    assert [kinds_of[t] for t in ("Read more", "Get the app", "App StoreGoogle Play")] == ["boilerplate"] * 3
    assert kinds_of["Read the news on the go with our free app for iPhone and Android."] == "boilerplate"


def test_a_read_more_link_with_a_share_line_after_it_does_not_hide_the_rest_of_the_article() -> None:
    page = (f"Talks resume in Geneva\n\nReuters05-11-2024\n\n{BODY}\n\nRead more:\n\nShare this article\n\n"
            "Residents were told to subscribe to the emergency alert service.\n\n"
            "The talks are expected to last three days, officials said.\n")
    [article] = parse(page)
    kinds_of = {p.text: p.kind for p in article.paragraphs}
    assert kinds_of["Residents were told to subscribe to the emergency alert service."] == "body"
    assert kinds_of["The talks are expected to last three days, officials said."] == "body"


def test_a_cookie_notice_is_furniture_and_news_about_cookies_is_not() -> None:
    assert is_boilerplate("We use cookies to improve your experience on our site. By continuing to browse, you agree "
                          "to our use of cookies.")
    assert is_boilerplate("This site uses cookies. Read our Privacy Policy for details.")
    assert not is_boilerplate("Google said it would phase out third-party cookies in Chrome next year, regulators said.")
    assert not is_boilerplate("Apple said its App Store would open to rival payment systems, officials said.")


def test_year_first_dates_are_never_read_day_first() -> None:
    from store.dates import parse_date

    assert parse_date("2025-05-11", dayfirst=True) == date(2025, 5, 11)
    assert parse_date("2025/05/12", dayfirst=True) == date(2025, 5, 12)
    assert parse_date("11-05-2025") == date(2025, 5, 11)


@pytest.mark.parametrize("raw", ["03/06/2025", "03/06/2025 09:15", "03.06.2025, 9:15", "3/6/2025 09:15:00 GMT",
                                 "03/06/2025T09:15"])
def test_a_numeric_date_is_read_day_first_with_or_without_a_time(raw: str) -> None:
    from store.dates import parse_date

    assert parse_date(raw) == date(2025, 6, 3)


def test_a_published_line_with_a_time_dates_the_article_day_first() -> None:
    [article] = parse("Russia pounds Kyiv grid overnight\nGlobal Times Online\nPublished: 03/06/2025 09:15\n\n"
                      "KYIV, June 3 (Reuters) - Russia launched 150 drones at the capital overnight, officials said.\n")
    assert article.published == date(2025, 6, 3)


def test_general_boilerplate_rules() -> None:
    for line in ("Advertisement", "Share this article", "Sign up for our newsletter", "Accept all cookies",
                 "Subscribe to read more", "3 min read", "• BBC News", "READ MORE"):
        assert is_boilerplate(line), line
    for line in ("Ukraine has insisted on a full 30-day unconditional ceasefire before peace talks begin.",
                 "US to cut Ukraine aid",
                 "The app was downloaded 3 million times, the company said, and its subscribers doubled."):
        assert not is_boilerplate(line), line


def test_a_call_to_the_reader_to_subscribe_follow_or_share_is_furniture() -> None:
    for line in ("Subscribe to our newsletter for more updates.", "Sign up for our daily briefing",
                 "Sign up for our daily briefing.", "Follow us on Telegram", "Follow us on Telegram for live updates.",
                 "Read more:", "Share this article", "Share this article with your friends.",
                 "Join our Telegram channel for breaking news.", "Download our app to get the latest news.",
                 "Get our morning briefing in your inbox.", "Subscribe to our YouTube channel."):
        assert is_boilerplate(line), line
    for line in ("Residents were told to subscribe to the emergency alert service.",
                 "He urged followers on Telegram to share the video.",
                 "Subscribe to the emergency alert service, officials told residents.",
                 "Follow the money, the prosecutor told the court.",
                 '"Follow us," the commander told his men before the assault.',
                 "Join us in condemning this attack, the minister said.",
                 "Share prices fell 3% after the announcement."):
        assert not is_boilerplate(line), line


def test_a_call_to_subscribe_between_paragraphs_is_hidden_and_the_text_around_it_is_not() -> None:
    [article] = parse(f"Grain corridor talks resume\n\nJune 3, 2025\n\n{BODY}\n\n"
                      "Subscribe to our newsletter for more updates.\n\n"
                      "Residents were told to subscribe to the emergency alert service.\n")
    assert [(p.n, p.kind) for p in article.paragraphs[2:]] == [(1, "body"), (None, "boilerplate"), (2, "body")]


def test_line_repeated_across_the_collection_is_boilerplate() -> None:
    assert is_boilerplate("Follow the latest from the front", seen_in_documents=5)
    assert not is_boilerplate("Follow the latest from the front", seen_in_documents=0)


@pytest.mark.parametrize(("page", "title"), [
    ("Ceasefire\n\nThe ceasefire held overnight, officials said on Tuesday morning in Kyiv.\n", "Ceasefire"),
    ("Talks resume\n\nBy Jane Doe\n\nThe talks resumed in Geneva on Monday, officials said.\n", "Talks resume"),
    ("Talks resume\n\nReuters05-11-2024\n\nThe talks resumed in Geneva on Monday, officials said.\n", "Talks resume"),
    ("Menu\n\nHome\n\nTalks resume\n\nThe talks resumed in Geneva on Monday, officials said.\n", "Talks resume"),
    ("World\n\nTalks resume in Geneva after a pause\n\nThe talks resumed in Geneva on Monday, officials said.\n",
     "Talks resume in Geneva after a pause"),
    ("Opinion\n\nThe talks resumed in Geneva on Monday, officials said.\n",
     "The talks resumed in Geneva on Monday, officials said."),
])
def test_a_short_headline_opening_a_file_is_its_title_and_not_furniture(page: str, title: str) -> None:
    [article] = parse(page)
    assert article.title == title
    assert [p.kind for p in article.paragraphs if p.text == title][:1] in (["title"], ["body"])


@pytest.mark.parametrize("headline", ["Ceasefire talks", "Kyiv blackout", "Ceasefire"])
@pytest.mark.parametrize("outlet", ["Reuters", "Kyiv Independent"])
def test_a_short_first_line_over_an_outlet_and_a_date_line_is_the_headline_not_the_outlet(
        headline: str, outlet: str) -> None:
    body = "Talks took place on Tuesday in Istanbul, officials said."
    [article] = parse(f"{headline}\n{outlet}\nJune 3, 2025\n\n{body}\n")
    assert (article.title, article.source, article.published) == (headline, outlet, date(2025, 6, 3))
    assert kinds(article) == [("title", headline), ("byline", outlet), ("byline", "June 3, 2025"), ("body", body)]



HEADLINE = "Grain corridor talks resume"


def _visible_kinds(article) -> list[str]:
    return [p.kind for p in article.paragraphs if p.n is not None]


def test_a_name_under_the_headline_is_a_byline_and_navigation_there_is_still_furniture() -> None:
    for line in ("Jane Doe", "Jane E. Doe", "Łukasz Nowak", "Ursula von der Leyen", "Jane Doe and John Smith",
                 "Jane Doe & John Smith",
                 "Jane Doe, John Smith and Ann Lee", "Jane Doe, Staff Writer", "Jane Doe, Politics"):
        for gap in ("\n", "\n\n"):
            [article] = parse(gap.join([HEADLINE, line, BODY]) + "\n")
            assert kinds(article) == [("title", HEADLINE), ("byline", line), ("body", BODY)], (line, gap)
            assert (article.title, article.source) == (HEADLINE, None), (line, gap)
    for line in ("Top Stories", "World News", "Live Updates", "Sign In", "Key Points", "Politics"):
        [article] = parse(f"{HEADLINE}\n\n{line}\n\n{BODY}\n")
        assert kinds(article) == [("title", HEADLINE), ("boilerplate", line), ("body", BODY)], line
        assert article.source is None, line


def test_an_author_line_names_the_outlet_after_its_comma_and_never_a_person_or_a_section() -> None:
    for line, source in (("Jane Doe, Reuters", "Reuters"), ("Jane Doe, Kyiv Post", "Kyiv Post"),
                         ("By Jane Doe, Kyiv Post", "Kyiv Post"),
                         ("By Jane Doe, John Smith", None), ("By Jane Doe, World News", None)):
        [article] = parse(f"{HEADLINE}\n\n{line}\n\n{BODY}\n")
        assert kinds(article)[:2] == [("title", HEADLINE), ("byline", line)], line
        assert article.source == source, line


def test_a_name_above_or_below_the_date_line_is_a_byline_and_not_the_outlet() -> None:
    for header in (["Jane Doe", "June 3, 2025"], ["June 3, 2025", "Jane Doe"], ["By Jane Doe", "June 3, 2025"],
                   ["June 3, 2025", "Jane Doe and John Smith"]):
        [article] = parse("\n\n".join([HEADLINE, *header, BODY]) + "\n")
        assert (article.source, article.published) == (None, date(2025, 6, 3)), header
        assert [p.kind for p in article.paragraphs] == ["title", "byline", "byline", "body"], header


def test_an_outlet_under_the_headline_without_a_date_is_the_source_and_a_subheading_there_is_not() -> None:
    for line in ("The Guardian", "BBC News", "The Washington Post", "Kyiv Post", "AFP News"):
        for gap in ("\n", "\n\n"):
            [article] = parse(gap.join([HEADLINE, line, BODY, f"{BODY} Again."]) + "\n")
            assert (article.title, article.source) == (HEADLINE, line), (line, gap)
            assert kinds(article)[:2] == [("title", HEADLINE), ("byline", line)], (line, gap)
            assert _visible_kinds(article) == ["body", "body"], (line, gap)
    for line in ("Why It Matters", "What We Know So Far", "A Long Road to Peace", "Zelensky Visits Washington",
                 "Black Sea Grain"):
        [article] = parse(f"{HEADLINE}\n\n{line}\n\n{BODY}\n")
        assert article.source is None, line
        assert ("heading", line) in kinds(article), line
    # A line of words the article writes in lower case is its subject, not a name.
    for line, lead in (("Ceasefire", "The ceasefire held overnight, officials said."),
                       ("The Talks", "The talks resumed in Geneva on Monday, officials said.")):
        [article] = parse(f"{HEADLINE}\n\n{line}\n\n{lead}\n\n{BODY}\n")
        assert article.source is None, line
        assert ("byline", line) not in kinds(article), line
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\nThe Guardian\n\n{BODY} Again.\n")
    assert article.source is None
    # One word alone may be the story's topic: the outlet only over a date line, or named by a wire dateline.
    for line in ("Ukraine", "Reuters", "Zelensky"):
        [article] = parse(f"{HEADLINE}\n\n{line}\n\n{BODY}\n")
        assert article.source is None, line
    [article] = parse(f"{HEADLINE}\n\nZelensky\n\nKYIV, June 3 (Reuters) - {BODY}\n")
    assert article.source == "Reuters"
    [article] = parse(f"{HEADLINE}\n\nReuters\n\nJune 3, 2025\n\n{BODY}\n")
    assert article.source == "Reuters"


def test_an_author_or_a_section_in_the_outlet_position_is_not_the_source() -> None:
    for header, source in (
        (["Politics", "June 3, 2025"], None), (["World", "June 3, 2025"], None), (["Politics | June 3, 2025"], None),
        (["Analysis | June 3, 2025"], None), (["Opinion, June 3, 2025"], None), (["By Jane Doe | June 3, 2025"], None),
        (["Jane Doe | June 3, 2025"], None), (["By Jane Doe, 3 June 2025"], None),
        (["By Jane Doe | Reuters | June 3, 2025"], "Reuters"), (["Politics | Reuters | June 3, 2025"], "Reuters"),
        (["Al Jazeera", "June 3, 2025"], "Al Jazeera"), (["Associated Press | June 3, 2025"], "Associated Press"),
    ):
        [article] = parse("\n\n".join([HEADLINE, *header, BODY]) + "\n")
        assert (article.source, article.published) == (source, date(2025, 6, 3)), header
        assert _visible_kinds(article) == ["body"], header


@pytest.mark.parametrize(("date_line", "source"), [
    ("Tuesday 11 March 2025", "The Guardian"), ("Tue 11 Mar 2025 14.32 GMT", "The Guardian"),
])
def test_the_weekday_of_a_date_line_is_not_the_outlet(date_line: str, source: str) -> None:
    body = "Officials met in Geneva on Monday to discuss the plan."
    [with_outlet] = parse(f"Talks resume in Geneva\n\nThe Guardian\n\n{date_line}\n\n{body}")
    assert (with_outlet.source, with_outlet.published) == (source, date(2025, 3, 11))
    [alone] = parse(f"Talks resume in Geneva\n\n{date_line}\n\n{body}")
    assert (alone.source, alone.published) == (None, date(2025, 3, 11))


def test_a_wire_story_names_its_agency_from_the_dateline_and_sets_its_credits_aside() -> None:
    [article] = parse(
        "Ukraine and Russia agree prisoner swap\n\nBy Jane Doe\n\n"
        "KYIV, March 5 (Reuters) - Ukraine and Russia agreed on Wednesday to exchange 1,000 prisoners each.\n\n"
        "The deal was reached after three weeks of talks mediated by Turkey.\n\n"
        "Reporting by Jane Doe; Additional reporting by Tom Balmforth; Editing by John Smith\n\n"
        "Our Standards: The Thomson Reuters Trust Principles."
    )
    assert article.source == "Reuters"
    assert [p.kind for p in article.paragraphs] == ["title", "byline", "body", "body", "byline", "boilerplate"]
    [ap] = parse("Strike hits port\n\nODESA, Ukraine (AP) — A missile struck the port overnight, officials said.")
    assert ap.source == "AP"
    [plain] = parse("Strike hits port\n\nA missile struck the port overnight (officials said) - and more.")
    assert plain.source is None


def test_a_label_of_site_furniture_before_a_colon_is_furniture_and_a_reporting_label_is_not() -> None:
    assert is_boilerplate("Our Standards: The Thomson Reuters Trust Principles.")
    assert is_boilerplate("Image source: Getty Images")
    assert not is_boilerplate("Background: the talks began in 2022, months after the invasion.")


def test_markdown_a_scraper_wrote_is_read_as_text_and_the_file_keeps_it() -> None:
    text = ("# Strikes hit **Kyiv**\n\n![Firefighters at the scene](https://example.com/img.jpg)\n\n"
            "Russia launched **12 missiles** and [more than 100 drones](https://example.com/x) overnight.\n\n"
            "> \"We will rebuild,\" the mayor said.\n\n## Key points\n\n- Power was cut to 40,000 homes\n\n"
            "*Reporting by Jane Doe*\n\nThe snake_case_name and 5 * 3 stay as they are.")
    [article] = parse(text)
    assert article.title == "Strikes hit Kyiv"
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("title", "Strikes hit Kyiv"),
        ("boilerplate", "![Firefighters at the scene](https://example.com/img.jpg)"),
        ("body", "Russia launched 12 missiles and more than 100 drones overnight."),
        ("body", '"We will rebuild," the mayor said.'),
        ("heading", "Key points"),
        ("body", "Power was cut to 40,000 homes"),
        ("byline", "Reporting by Jane Doe"),
        ("body", "The snake_case_name and 5 * 3 stay as they are."),
    ]
    assert text[article.paragraphs[2].start:article.paragraphs[2].end].startswith("Russia launched **12 missiles**")


def test_a_sentence_that_opens_like_a_credit_line_is_body() -> None:
    for sentence in ("Research by Mediazona and the BBC has identified 106,745 Russian soldiers killed.",
                     "Reporting by the Kyiv Independent showed 40 drones were shot down."):
        [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n{sentence}\n")
        assert ("body", sentence) in kinds(article), sentence
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\nReporting by Jane Doe and Tom Balmforth; Editing by John Smith\n")
    assert kinds(article)[-1][0] == "byline"


def test_an_outlet_named_like_a_person_after_an_author_is_the_source() -> None:
    for line, source in (("By Jane Doe, Deutsche Welle", "Deutsche Welle"),
                         ("Agence France-Presse | June 3, 2025", "Agence France-Presse")):
        [article] = parse(f"{HEADLINE}\n\n{line}\n\n{BODY}\n")
        assert article.source == source, line


@pytest.mark.parametrize("headline", ["**Russian strikes hit Kyiv overnight**",
                                      "[Russian strikes hit Kyiv overnight](https://example.com/a)"])
def test_a_headline_in_markdown_is_the_title_without_it(headline: str) -> None:
    [article] = parse(f"{headline}\n\nRussia launched 40 drones at Kyiv overnight, officials said.\n")
    assert article.title == "Russian strikes hit Kyiv overnight"


def test_credit_lines_in_every_form_wire_stories_print_them_are_bylines_and_sentences_are_not() -> None:
    for line in ("(Reporting by Yuliia Dysa in Gdansk; Writing by Dan Peleschuk; Editing by Andrew Heavens)",
                 "Reporting by Yuliia Dysa, writing by Dan Peleschuk, editing by Andrew Heavens",
                 "*Reporting by Jane Doe*"):
        [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n{line}\n")
        assert kinds(article)[-1][0] == "byline", line
    for sentence in ("Video by a resident shows the moment of impact.", "Photos by drone showed the damage.",
                     "Editing by hand is not allowed, the ministry said.",
                     "Writing by Zelensky in his memoir describes the war's first days."):
        [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n{sentence}\n")
        assert ("body", sentence) in kinds(article), sentence


@pytest.mark.parametrize("line", ["He declined to comment.", "The email was leaked.", "He said he would register."])
def test_a_short_sentence_holding_a_word_of_site_furniture_is_read(line: str) -> None:
    assert not is_boilerplate(line)
    assert is_boilerplate("Share this article.") and is_boilerplate("Comments (3)")


@pytest.mark.parametrize("date_line", ["Updated: Wednesday, 5 March 2025, 14:02 GMT",
                                       "Published Wednesday March 5 2025 2:02 pm ET",
                                       "Last modified on Wed 5 Mar 2025 15.10 GMT", "Wed. 5 Mar 2025"])
def test_a_labelled_date_line_with_a_weekday_names_no_outlet(date_line: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{date_line}\n\n{BODY}\n")
    assert (article.source, article.published) == (None, date(2025, 3, 5))
    [article] = parse(f"{HEADLINE}\n\nReuters | {date_line}\n\n{BODY}\n")
    assert article.source == "Reuters"


def test_a_byline_in_markdown_is_a_byline_read_without_it() -> None:
    [article] = parse(f"# {HEADLINE}\n\nBy **Aamer Madhani** and [Zeke Miller](https://x.com/z)\n\n{BODY}\n")
    assert kinds(article)[:2] == [("title", HEADLINE), ("byline", "By Aamer Madhani and Zeke Miller")]


@pytest.mark.parametrize("case", [str.title, str.capitalize])
def test_a_headline_over_a_subheading_is_the_title_not_paragraph_1(case) -> None:
    headline, subheading = case("europe scrambles to respond after oval office clash"), case("leaders gather in london")
    [article] = parse(f"{headline}\n{subheading}\n\n{BODY}\n\nThey agreed to meet again.\n")
    assert kinds(article)[:3] == [("title", headline), ("heading", subheading), ("body", BODY)]
    assert article.paragraphs[1].n == 1


def test_a_markdown_table_is_read_and_a_numbered_list_is_body() -> None:
    [article] = parse("Key figures for the war\n\n| City | Share |\n|---|---|\n| Kyiv | 40% |\n\n"
                      f"{BODY}\n\n1. First, a ceasefire in the air and at sea\n2. Then talks on a lasting deal\n")
    assert kinds(article) == [
        ("title", "Key figures for the war"), ("body", "| City | Share |"), ("boilerplate", "|---|---|"),
        ("body", "| Kyiv | 40% |"), ("body", BODY), ("body", "1. First, a ceasefire in the air and at sea"),
        ("body", "2. Then talks on a lasting deal"),
    ]


@pytest.mark.parametrize(("line", "source"), [("2025-03-05T14:02:00Z", None),
                                              ("Reuters 2025-03-05T14:02:00+01:00", "Reuters")])
def test_an_iso_timestamp_line_is_the_date(line: str, source: str | None) -> None:
    [article] = parse(f"{HEADLINE}\n\n{line}\n\n{BODY}\n")
    assert (article.source, article.published) == (source, date(2025, 3, 5))


@pytest.mark.parametrize("line", ["Tags: Ukraine, Russia, Volodymyr Zelensky", "Topics: War in Ukraine | Kyiv",
                                  "Filed under: Politics", "Related topics: Drones, Air defence",
                                  "TAGS: U.S., ukraine, Ukraine-Russia talks"])
def test_a_line_of_the_pages_labels_is_furniture_wherever_it_stands(line: str) -> None:
    for text in (f"{HEADLINE}\n\n{line}\n\n{BODY}\n", f"{HEADLINE}\n\n{BODY}\n\n{line}\n\nThey agreed to meet again.\n"):
        [article] = parse(text)
        assert ("boilerplate", line) in kinds(article), text
        assert ("body", BODY) in kinds(article)


@pytest.mark.parametrize("sentence", ["Topics discussed included the ceasefire and prisoner exchanges.",
                                      "Topics: the talks covered security, trade and energy.",
                                      "Topics: Zelensky said the talks would go on."])
def test_a_sentence_opening_with_topics_is_read(sentence: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n{sentence}\n")
    assert ("body", sentence) in kinds(article)


@pytest.mark.parametrize("line", ["Related: Europe weighs new sanctions package", "Read more: Talks resume in Geneva",
                                  "See also: Why the ceasefire failed?", "More: EU weighs new sanctions on U.S.",
                                  "READ MORE: EUROPE WEIGHS NEW SANCTIONS PACKAGE",
                                  "**Related:** [Europe weighs new sanctions package](https://example.org/a)"])
def test_a_pointer_to_another_article_between_paragraphs_is_furniture(line: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\nAdvertisement\n\n{line}\n\nThey agreed to meet again.\n")
    assert kinds(article) == [("title", HEADLINE), ("body", BODY), ("boilerplate", "Advertisement"),
                              ("boilerplate", line), ("body", "They agreed to meet again.")]


@pytest.mark.parametrize("sentence", ["Related talks will resume in June, the ministry said.",
                                      "Related: the talks will resume in June", "More: The talks will resume in June."])
def test_a_sentence_opening_like_a_pointer_is_read(sentence: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n{sentence}\n\nThey agreed to meet again.\n")
    assert ("body", sentence) in kinds(article)


def test_html_a_scraper_left_in_the_text_is_read_as_text_and_the_file_keeps_it() -> None:
    text = (f"{HEADLINE}\n\n<p>Drones struck Kyiv&#8217;s suburbs &amp; the centre,&nbsp;officials said.</p>\n\n"
            "The mayor spoke at noon.<br>Power was back by evening.<br/>Schools will reopen.\n\n"
            "<p>\n\nWe write &amp;lt;p&amp;gt; when we mean a tag, and AT&T stays as it is.\n")
    [article] = parse(text)
    assert kinds(article) == [
        ("title", HEADLINE),
        ("body", "Drones struck Kyiv’s suburbs & the centre, officials said."),
        ("body", "The mayor spoke at noon. Power was back by evening. Schools will reopen."),
        ("boilerplate", "<p>"),
        ("body", "We write &lt;p&gt; when we mean a tag, and AT&T stays as it is."),
    ]
    body = article.paragraphs[1]
    assert text[body.start:body.end] == "<p>Drones struck Kyiv&#8217;s suburbs &amp; the centre,&nbsp;officials said.</p>"


def test_a_short_sentence_in_html_paragraph_tags_is_read_as_a_sentence_not_a_heading() -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n<p>Rescuers worked through the night.</p>\n\n{BODY} Two more died.\n")
    assert kinds(article)[2] == ("body", "Rescuers worked through the night.")


def test_furniture_in_html_is_furniture_and_keeps_its_text() -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n<p>Tags:&nbsp;Ukraine, Russia</p>\n")
    assert kinds(article)[-1] == ("boilerplate", "<p>Tags:&nbsp;Ukraine, Russia</p>")


LIVE_ENTRY = "Russia launched 40 drones and six missiles at Kyiv overnight, the air force said on Monday."


@pytest.mark.parametrize(("first", "second"), [("“We will not give up", "our land,” Zelensky said."),
                                               ('He told reporters: "Peace is', 'coming soon," and left.')])
def test_a_quotation_the_scraper_split_over_two_lines_of_a_live_blog_is_one_paragraph(first: str, second: str) -> None:
    [article] = parse(f" date 2025-05-11 {LIVE_ENTRY}\n{first}\n{second}\n{BODY}\n")
    assert kinds(article)[1:] == [("body", LIVE_ENTRY), ("body", f"{first} {second}"), ("body", BODY)]
    joined = article.paragraphs[2]
    assert (joined.n, joined.end - joined.start) == (2, len(first) + 1 + len(second))


@pytest.mark.parametrize(("first", "second"), [("Zelensky spoke at noon", "officials said later."),
                                               ("“We will not give up,” he said", "then left the room."),
                                               ("- “We will not give up", "our land"),
                                               ("1. “Peace is", "coming"),
                                               ("## “Peace is", "coming soon")])
def test_lines_without_an_open_quote_and_list_items_and_headings_stay_apart(first: str, second: str) -> None:
    [article] = parse(f" date 2025-05-11 {LIVE_ENTRY}\n{first}\n{second}\n{BODY}\n")
    texts = [p.text for p in article.paragraphs]
    assert f"{first} {second}" not in texts and not any(t.endswith(second) and t != second for t in texts)
    assert ("body", BODY) in kinds(article)


@pytest.mark.parametrize("outlet", ["Meduza English", "Novaya Gazeta Europe", "The Moscow Times"])
@pytest.mark.parametrize("header", ["{outlet}\n\nJune 3, 2025", "June 3, 2025\n\n{outlet}", "{outlet}\n\nBy Jane Doe",
                                    "By Jane Doe\n\n{outlet}"])
def test_an_outlet_named_beside_a_date_line_or_byline_is_the_source(outlet: str, header: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{header.format(outlet=outlet)}\n\n{BODY}\n\nThey agreed to meet again.\n")
    assert article.source == outlet
    assert ("byline", outlet) in kinds(article)
    assert kinds(article)[-2:] == [("body", BODY), ("body", "They agreed to meet again.")]


@pytest.mark.parametrize("header", ["June 3, 2025\n\nJane Doe", "Jane Doe\n\nJune 3, 2025", "By Jane Doe\n\nJohn Smith"])
def test_a_persons_name_beside_a_date_line_or_byline_is_no_outlet(header: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{header}\n\n{BODY}\n")
    assert article.source is None


@pytest.mark.parametrize("subheading", ["Zelensky Visits Washington", "Meduza English", "Novaya Gazeta Europe"])
def test_a_title_case_line_with_no_date_or_byline_beside_it_is_no_outlet(subheading: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{subheading}\n\n{BODY}\n\nThey agreed to meet again.\n")
    assert article.source is None
    assert ("body", BODY) in kinds(article)


@pytest.mark.parametrize("subheading", ["Ceasefire In Gaza", "Talks Resumed Quickly"])
def test_a_title_case_subheading_over_a_byline_is_no_outlet(subheading: str) -> None:
    [article] = parse(f"{HEADLINE}\n\n{subheading}\n\nBy Jane Doe\n\n{BODY} Talks resumed quickly.\n")
    assert article.source is None


COPYRIGHT_FOOTERS = ("© 2025 The Daily Courier. All rights reserved.",
                     "Copyright 2025 The Daily Courier. All rights reserved.",
                     "(c) The Daily Courier 2025", "© Reuters 2025", "The Daily Courier. All rights reserved.",
                     "Copyright © 2025 Guardian News & Media Limited or its affiliated companies. All rights reserved.")


@pytest.mark.parametrize("footer", COPYRIGHT_FOOTERS)
def test_a_copyright_footer_is_boilerplate_under_the_headline_or_at_the_end(footer: str) -> None:
    body = ("The river rose two metres overnight and the bridge was closed, police said.\n\n"
            "Engineers will inspect it on Friday, the council said.\n")
    for text in (f"Flood closes bridge\n\n{footer}\n\n{body}", f"Flood closes bridge\n\n{body}\n{footer}\n"):
        [article] = parse(text)
        [line] = [p for p in article.paragraphs if p.text == footer]
        assert (line.kind, line.n) == ("boilerplate", None)
        assert [p.n for p in article.paragraphs if p.kind == "body"] == [1, 2]


def test_reporting_about_copyright_stays_text() -> None:
    for line in ("The court ruled that copyright law protects the photographs, the judge said.",
                 "Copyright holders sued the company in 2025.",
                 "Copyright 2025 was a record year for lawsuits, lawyers said.",
                 "(c) the court shall hear appeals filed from 2024 onwards;",
                 "The deal meant all rights reserved."):
        assert not is_boilerplate(line), line
    [article] = parse("Photographers win case\n\nThe court ruled that copyright law protects the photographs, "
                      "the judge said.\n\nThe agency will appeal.\n")
    assert [p.kind for p in article.paragraphs if p.n is not None] == ["body", "body"]


_DEPOT = "Ukraine said on Tuesday that it had struck an oil depot in Russia, officials said.\n\nThe strike started a fire.\n"


@pytest.mark.parametrize("outlet", ["**BBC News**", "BBC News", "*BBC News*", "__BBC News__"])
@pytest.mark.parametrize("date_line", ["", "19 November 2025\n\n", "*19 November 2025*\n\n"])
def test_an_outlet_in_markdown_emphasis_under_the_headline_is_the_source(outlet: str, date_line: str) -> None:
    [article] = parse(f"# Ukraine strikes depot\n\n{outlet}\n\n{date_line}{_DEPOT}")
    assert article.source == "BBC News"
    assert article.paragraphs[1].kind == "byline" and article.paragraphs[1].text == "BBC News"
    assert article.published == (date(2025, 11, 19) if date_line else None)
    assert [p.text[:11] for p in article.paragraphs if p.n is not None] == ["Ukraine sai", "The strike "]


def test_a_bold_section_label_under_the_headline_is_not_the_source() -> None:
    [article] = parse(f"# Ukraine strikes depot\n\n**Analysis**\n\n*19 November 2025*\n\n{_DEPOT}")
    assert article.source is None
    assert article.published == date(2025, 11, 19)
    assert article.paragraphs[1].kind == "boilerplate" and article.paragraphs[1].text == "**Analysis**"


@pytest.mark.parametrize("byline", ["By Christopher Miller in Kyiv", "By Christopher Miller in Kyiv and Warsaw",
                                    "By Christopher Miller in Washington", "By Christopher Miller and Max Seddon in Kyiv",
                                    "**By Christopher Miller in Kyiv**"])
def test_a_by_credit_with_the_place_it_was_filed_from_is_a_byline(byline: str) -> None:
    [article] = parse(f"# Ukraine strikes depot\n\n{byline}\n\n{_DEPOT}")
    assert article.paragraphs[1].kind == "byline"
    assert [p.text[:11] for p in article.paragraphs if p.n is not None] == ["Ukraine sai", "The strike "]


def test_a_by_credit_with_a_place_and_an_outlet_names_the_outlet() -> None:
    [article] = parse(f"# Ukraine strikes depot\n\nBy Christopher Miller in Kyiv, Financial Times\n\n{_DEPOT}")
    assert (article.paragraphs[1].kind, article.source) == ("byline", "Financial Times")


@pytest.mark.parametrize("opening", ["By Monday, 300 people had fled the town.", "By Monday, 300 people had fled",
                                     "By the end of the day the fire was out", "By Tuesday Night in Kyiv the sirens had stopped"])
def test_a_sentence_opening_with_by_under_the_headline_is_not_a_byline(opening: str) -> None:
    [article] = parse(f"# Ukraine strikes depot\n\n{opening}\n\n{_DEPOT}")
    assert article.paragraphs[1].kind != "byline" and article.paragraphs[1].n == 1


def test_a_short_headline_over_a_numbered_list_is_the_title() -> None:
    [article] = parse("Aid convoy\n\n1. Officials expect 300 trucks\n")
    assert article.title == "Aid convoy"
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("title", "Aid convoy"), ("body", "1. Officials expect 300 trucks")]


def test_a_title_taken_from_a_numbered_item_keeps_its_first_sentence_whole() -> None:
    [article] = parse("1. Officials expect 300 trucks. More follow.\n\n2. Second point here.\n")
    assert article.title == "1. Officials expect 300 trucks."


UKRAINIAN = ("Російські дрони атакували Київ уночі\nУкраїнська правда\n12 березня 2025, 08:15\n"
             "Уночі російські війська атакували Київ ударними дронами, повідомили у КМВА. Поранено п'ятеро людей.\n")
RUSSIAN = ("Удары по Киеву\nНовая газета Европа\n5 марта 2025 года\n"
           "Ночью российские войска нанесли удар по Киеву, сообщили власти города. Ранены пять человек.\n")


@pytest.mark.parametrize(
    ("text", "title", "outlet", "published"),
    [
        (UKRAINIAN, "Російські дрони атакували Київ уночі", "Українська правда", date(2025, 3, 12)),
        (RUSSIAN, "Удары по Киеву", "Новая газета Европа", date(2025, 3, 5)),
    ],
)
def test_a_ukrainian_or_russian_header_gives_its_outlet_and_date(text: str, title: str, outlet: str, published: date) -> None:
    [article] = parse(text)
    assert (article.title, article.source, article.published) == (title, outlet, published)
    assert [p.kind for p in article.paragraphs] == ["title", "byline", "byline", "body"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12 березня 2025", date(2025, 3, 12)),
        ("1 травня 2024 р.", date(2024, 5, 1)),
        ("5 марта 2025 года", date(2025, 3, 5)),
        ("3 мая 2025", date(2025, 5, 3)),
        ("21 листопада 2023", date(2023, 11, 21)),
        ("березня 2025", None),
    ],
)
def test_ukrainian_and_russian_month_names_are_read(raw: str, expected: date | None) -> None:
    from store.dates import parse_date

    assert parse_date(raw, dayfirst=True) == expected


def test_a_short_wrapped_article_whose_lines_all_open_in_capitals_or_figures_is_read_as_prose() -> None:
    # No wrapped line goes on in lower case; lines stopping on "the" and "that" show the wrapping.
    text = ("Drones hit Bryansk depot\nReuters\n12 May 2025\n\n"
            "Ukrainian drones struck an oil depot overnight in the western part of the\n"
            "Bryansk region, a source in Ukraine's security service said, adding that\n"
            "14 storage tanks had caught fire and that crews were still at the site.\n\n"
            "Officials said the strike was the third on the region's fuel sites since\n"
            "Monday. No one was hurt, the governor said in a statement posted on the\n"
            "Telegram channel of the regional administration.\n")
    [article] = parse(text)
    assert body_texts(article) == [" ".join(block.split("\n")) for block in text.strip().split("\n\n")[1:]]
    assert (article.title, article.source, article.published) == ("Drones hit Bryansk depot", "Reuters", date(2025, 5, 12))


def test_every_item_of_a_numbered_list_is_body_however_short() -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n1. First point with 20 tanks\n2. Second point\n3. Third\n")
    assert kinds(article)[-3:] == [("body", "1. First point with 20 tanks"), ("body", "2. Second point"),
                                   ("body", "3. Third")]


def test_a_lone_short_number_stays_furniture() -> None:
    [article] = parse(f"{HEADLINE}\n\n{BODY}\n\n2. Next\n")
    assert kinds(article)[-1] == ("boilerplate", "2. Next")


def test_the_one_line_of_a_file_is_its_title_unless_it_is_page_furniture() -> None:
    [article] = parse("Headline only\n")
    assert (article.title, kinds(article)) == ("Headline only", [("title", "Headline only")])
    [furniture] = parse("DOWNLOAD THE APP\n")
    assert (furniture.title, kinds(furniture)) == (None, [("boilerplate", "DOWNLOAD THE APP")])


@pytest.mark.parametrize(("byline", "author", "source"), [
    ("By Anna Petrova, Reuters", "Anna Petrova", "Reuters"),
    ("By Jane Doe and John Roe in Kyiv, Reuters", "Jane Doe and John Roe", "Reuters"),
    ("By Jane Doe, Staff Writer", "Jane Doe", None),
    ("By Jane Doe, 16 May 2025", "Jane Doe", None),
    ("Jane Doe and John Smith", "Jane Doe and John Smith", None),
])
def test_a_byline_names_the_author(byline: str, author: str, source: str | None) -> None:
    [article] = parse(f"Drones hit Kyiv\n\n{byline}\n\n{BODY}\n")
    assert (article.author, article.source) == (author, source)


def test_an_article_without_a_byline_has_no_author() -> None:
    [article] = parse(f"{HEADLINE}\n\nReuters\n\n{BODY}\n")
    assert article.author is None
