"""Header, byline and date rules on texts written for these tests (French and English)."""

from __future__ import annotations

import pytest

from suivi.ingest.article import build_draft
from suivi.ingest.dates import date_prefix, dateline, find_dates
from suivi.ingest.metadata import (
    author_from_line,
    headline_like,
    lead_in_outlet,
    name_like,
    split_title_outlet,
)

BODY_FR = (
    "Le gouvernement a présenté mardi un plan de rénovation des routes rurales, financé sur trois ans. "
    "Les travaux commenceront dans les régions du nord avant la saison des pluies."
)
BODY_EN = (
    "The council approved on Tuesday a three-year plan to repair rural roads across the north. "
    "Work will begin before the rainy season, officials said."
)


@pytest.mark.parametrize(
    ("lang", "line", "value", "rest"),
    [
        ("fr", "17-09-2024 08:05 - Le port rouvre ses quais", "2024-09-17", "Le port rouvre ses quais"),
        ("fr", " date 2023-11 Un nouveau pont sur le fleuve", "2023-11", "Un nouveau pont sur le fleuve"),
        ("fr", "Publié le vendredi 7 mars 2025", "2025-03-07", ""),
        ("fr", "Publié le 1er juin 2024 à 10h15", "2024-06-01", ""),
        ("fr", "2022-12-30", "2022-12-30", ""),
        ("en", "Published on Monday, March 3, 2025", "2025-03-03", ""),
        ("en", "Updated: 14 February 2024", "2024-02-14", ""),
        ("en", "05/11/2024 | Bridge reopens", "2024-05-11", "Bridge reopens"),  # month first in English
        ("fr", "05/11/2024 | Le pont rouvre", "2024-11-05", "Le pont rouvre"),  # day first in French
        ("en", "25/11/2024 - Bridge reopens", "2024-11-25", "Bridge reopens"),  # only one reading is a date
        ("en", "Updated 10:32 AM EDT, March 3, 2025", "2025-03-03", ""),
        ("en", "March 3, 2025 at 10:32 a.m.", "2025-03-03", ""),
    ],
)
def test_date_prefix(lang: str, line: str, value: str, rest: str) -> None:
    found = date_prefix(line, lang)
    assert found is not None
    assert found[0].value == value
    assert found[1] == rest


@pytest.mark.parametrize("line", ["Le port rouvre ses quais", "12 ministres se sont réunis", "2024 sera une année"])
def test_no_date_prefix(line: str) -> None:
    assert date_prefix(line) is None


def test_find_dates_rejects_impossible_days_and_keeps_order() -> None:
    text = "Réunion le 31 février 2025, reportée au 2 mars 2025 puis au 2025-03-09."
    hits = find_dates(text, "fr", with_months=False)
    assert [h.value for h in hits] == ["2025-03-02", "2025-03-09"]


@pytest.mark.parametrize(
    ("paragraph", "value"),
    [
        ("Dakar, 14 janvier 2025 – Les délégués ont adopté le texte.", "2025-01-14"),
        ("NAIROBI, Feb. 3, 2024 — Delegates adopted the text.", "2024-02-03"),
        ("Accra, le 9 octobre 2023 (correspondance) - Le texte a été adopté.", "2023-10-09"),
    ],
)
def test_dateline(paragraph: str, value: str) -> None:
    hit = dateline(paragraph)
    assert hit is not None and hit.value == value


def test_dateline_needs_a_dash_after_the_date() -> None:
    assert dateline("Dakar, 14 janvier 2025 les délégués ont adopté le texte.") is None


@pytest.mark.parametrize(
    ("line", "title", "outlet"),
    [
        ("Le port rouvre ses quais - journaldusud.net", "Le port rouvre ses quais", "journaldusud.net"),
        ("Bridge reopens after repairs | Valley Post", "Bridge reopens after repairs", "Valley Post"),
        ("Le marché central rouvre après deux ans de travaux - Le Courrier", "Le marché central rouvre après deux ans de travaux", "Le Courrier"),  # noqa: E501
        ("Sommet Chine - Afrique", "Sommet Chine - Afrique", None),
        ("Accord Mali-Niger : les détails", "Accord Mali-Niger : les détails", None),
    ],
)
def test_split_title_outlet(line: str, title: str, outlet: str | None) -> None:
    assert split_title_outlet(line) == (title, outlet)


@pytest.mark.parametrize(
    ("line", "lone", "author"),
    [
        ("Auteur: Lucie", False, "Lucie"),
        ("Par Jean-Marc Ouédraogo", False, "Jean-Marc Ouédraogo"),
        ("By A. Smith and B. Jones", False, "A. Smith, B. Jones"),
        ("Par ailleurs, le ministre a parlé.", False, None),
        ("Aminata Koné", True, "Aminata Koné"),
        ("Aminata Koné", False, None),
        ("Sécurité et défense au programme", True, None),
        ("By MARIA LOPEZ, Harbour Times", False, "Maria Lopez, Harbour Times"),
        ("By the end of the year, the plant will open.", False, None),
    ],
)
def test_author_from_line(line: str, lone: bool, author: str | None) -> None:
    assert author_from_line(line, allow_lone_name=lone) == author


@pytest.mark.parametrize(
    ("text", "expected"),
    [("K. Diallo", True), ("Marie de la Tour", True), ("Le Monde", False), ("AB/cd/XYZ", False), ("Mali 2025", False)],
)
def test_name_like(text: str, expected: bool) -> None:
    assert name_like(text) is expected


def test_headline_shape() -> None:
    assert headline_like("Le port rouvre ses quais")
    assert not headline_like("Le port a rouvert ses quais ce matin.")
    assert not headline_like("Politique")
    assert not headline_like(" ".join(["mot"] * 40))


def test_text_with_date_title_outlet_lead_in_and_sign_off() -> None:
    text = f"03-02-2025 09:10 - Routes rurales : un plan sur trois ans - routesdunord.org\n\nAFP - {BODY_FR}\n" \
           f"Une seconde phrase du corps de l'article suit ici.\nUne troisième ligne.\nS. Traoré\n"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.title == "Routes rurales : un plan sur trois ans"
    assert draft.outlet == "routesdunord.org"
    assert draft.published == "2025-02-03" and draft.published_precision == "day"
    assert draft.author == "S. Traoré"
    assert draft.language == "fr"
    assert draft.text.startswith("Routes rurales : un plan sur trois ans\n\nLe gouvernement a présenté")
    assert "S. Traoré" not in draft.text and "AFP -" not in draft.text


def test_repeated_title_byline_and_publication_line_leave_the_body() -> None:
    text = "\n".join([
        "Routes rurales : un plan sur trois ans",
        "Publié le mercredi 5 février 2025",
        "Routes rurales : un plan sur trois ans",
        "Awa Sangaré",
        "4 Min Read",
        BODY_FR,
    ])
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published == "2025-02-05"
    assert draft.author == "Awa Sangaré"
    assert draft.text == f"Routes rurales : un plan sur trois ans\n\n{BODY_FR}"


def test_long_first_paragraph_is_not_a_title_and_dateline_dates_it() -> None:
    text = f"Niamey, 8 juillet 2024 – {BODY_FR}\nUne autre ligne du texte."
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.title is None
    assert draft.published == "2024-07-08"
    assert draft.meta["published_from"] == "dateline"
    assert draft.meta["dateline"] == {"place": "Niamey", "date": "2024-07-08"}
    assert draft.text.startswith("Le gouvernement a présenté")  # the dateline left the first sentence


def test_first_paragraph_date_is_the_last_resort() -> None:
    text = f"Routes rurales : un plan sur trois ans\n\nLes travaux ont commencé ce lundi 6 mai 2024. {BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published == "2024-05-06"
    assert draft.meta["published_from"] == "first_paragraph"


def test_a_photo_captions_date_is_not_the_reports() -> None:
    """Own wording (found on the thirty-third blind set): a picture above the lead, dated and
    credited, may be years older than the report."""
    text = (
        "Ghana and Norway sign a harbour deal\n\n"
        "The port of Tema is seen on April 23, 2019, from a ship in the bay. (Jane Doe / Getty Images)\n\n"
        "Ghana and Norway signed a harbour deal on Monday in Accra, the finance ministry said. Norway will "
        "fund a new quay at Tema and train 200 harbour pilots over three years, officials said.\n"
    )
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published is None, draft.published
    dated = text.replace("on Monday in Accra", "on Monday, May 12, 2025 in Accra")
    assert build_draft("t.txt", dated.encode(), "text", dated).published == "2025-05-12"


def test_a_date_given_as_the_reports_own_day_wins_over_background_told_first() -> None:
    text = (
        "Routes rurales : le Togo et le Bénin rompent\n\nDeux jours après l'échec des discussions du "
        "12 mars 2024, les deux pays décident, ce jour 14 mars 2024, de suspendre le chantier commun. "
        f"{BODY_FR}"
    )
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published == "2024-03-14"
    plain = text.replace("ce jour 14 mars 2024", "le 14 mars 2024")
    assert build_draft("t.txt", plain.encode(), "text", plain).published == "2024-03-12"  # first date otherwise


@pytest.mark.parametrize(("lead", "day"), [
    ("Les deux pays invoquent le traité signé le 12 mars 1994. L'accord a été annoncé, jeudi 14 mars "
     "2024, par le ministre.", "2024-03-14"),
    ("The two states cite the treaty signed on March 12, 1994. The deal was announced on Thursday, "
     "March 14, 2024, by the minister.", "2024-03-14"),
    # no weekday: the first full date (the weekday of an older day does not win either)
    ("Les deux pays invoquent le traité signé le 12 mars 1994. L'accord a été annoncé le 14 mars "
     "2024 par le ministre.", "1994-03-12"),
    ("L'accord a été annoncé le 14 mars 2024, deux ans après la réunion du samedi 12 mars 2022.", "2024-03-14"),
])
def test_a_day_told_with_its_weekday_wins_over_background_told_first(lead: str, day: str) -> None:
    """Found on blind set 55JC: "les accords de Lancaster House signés le 21 décembre 1979" in
    the first line dated a 2020 report."""
    body = BODY_FR if lead.startswith(("Les", "L'")) else BODY_EN
    text = f"Routes rurales : le prêt adopté\n\n{lead} {body}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published == day and draft.meta["published_from"] == "first_paragraph"


@pytest.mark.parametrize(("lead", "day"), [
    # the weekday gives the year: 8 July is a Monday in 2024, the first such year after 2023
    ("L'accord de prêt signé le 9 novembre 2023 a été adopté ce lundi 8 juillet par le parlement.", "2024-07-08"),
    ("The loan agreement signed on November 9, 2023 was ratified this Monday, July 8, by parliament.", "2024-07-08"),
    # a weekday day that falls before the full dates told is not the report's
    ("L'accord de prêt signé le 9 novembre 2023 a été présenté ce jeudi 2 novembre par le ministre.", "2023-11-09"),
])
def test_a_day_of_the_reports_week_without_a_year_dates_it_after_older_full_dates(lead: str, day: str) -> None:
    body = BODY_FR if lead.startswith("L'") else BODY_EN
    text = f"Routes rurales : le prêt adopté\n\n{lead} {body}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published == day and draft.meta["published_from"] == "first_paragraph"


def test_month_only_header_date_keeps_month_precision() -> None:
    text = f"date 2024-10 Bridge reopens after long repairs\n\n{BODY_EN}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert (draft.published, draft.published_precision) == ("2024-10", "month")
    assert draft.language == "en"
    assert draft.title == "Bridge reopens after long repairs"


def test_english_byline_and_publication_line() -> None:
    text = f"Bridge reopens after long repairs\nBy Helen Carter\nPublished: June 2, 2024\n\n{BODY_EN}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.author == "Helen Carter"
    assert draft.published == "2024-06-02"
    assert draft.text == f"Bridge reopens after long repairs\n\n{BODY_EN}"


@pytest.mark.parametrize(
    ("header", "title", "outlet", "author", "published"),
    [
        (["VALLEY POST", "12 March 2025", "", "Bridge reopens after long repairs", "By Helen Carter"],
         "Bridge reopens after long repairs", "Valley Post", "Helen Carter", "2025-03-12"),
        (["VALLEY POST | Local | 12 March 2025", "", "Bridge reopens after long repairs"],
         "Bridge reopens after long repairs", "Valley Post", None, "2025-03-12"),
        (["Bridge reopens after long repairs", "Published: 12 March 2025 | Updated: 14 March 2025"],
         "Bridge reopens after long repairs", None, None, "2025-03-12"),
        (["Société", "Kayes, le 9 octobre 2024", "", "Le pont de Kayes rouvre enfin"],
         "Le pont de Kayes rouvre enfin", None, None, "2024-10-09"),
        (["09/10/2024 18:40 | Société", "", "Le pont de Kayes rouvre enfin", "Par la rédaction, avec une agence"],
         "Le pont de Kayes rouvre enfin", None, "la rédaction, avec une agence", "2024-10-09"),
        (["Le pont de Kayes rouvre enfin", "Publié le 9 octobre 2024 par Awa Traoré"],
         "Le pont de Kayes rouvre enfin", None, "Awa Traoré", "2024-10-09"),
        (["Bridge reopens after long repairs", "Posted on 12 March 2025 by Helen Carter"],
         "Bridge reopens after long repairs", None, "Helen Carter", "2025-03-12"),
        (["9 octobre 2024 - 18:40", "Le pont de Kayes rouvre enfin", "JOURNAL DU FLEUVE - Publié le 9 octobre 2024"],
         "Le pont de Kayes rouvre enfin", "Journal Du Fleuve", None, "2024-10-09"),
        # a page printing headline, date and outlet on one line (month without its accent)
        (["Le pont de Kayes rouvre enfin Publié le jeudi 13 fevrier 2025 | Journal du Fleuve"],
         "Le pont de Kayes rouvre enfin", "Journal du Fleuve", None, "2025-02-13"),
        # the same line under a header giving the month only: the day wins
        ([" date 2025-02 Le pont de Kayes rouvre enfin", "",
          "Le pont de Kayes rouvre enfin Publié le jeudi 13 février 2025 | Journal du Fleuve"],
         "Le pont de Kayes rouvre enfin", "Journal du Fleuve", None, "2025-02-13"),
        # an English ordinal on a page translated in part
        (["Le pont de Kayes rouvre enfin", "Publié: 25th juin 2022"],
         "Le pont de Kayes rouvre enfin", None, None, "2022-06-25"),
        # a stock ticker over a business page, then a rubric line ending with the date
        ([" date 2025-03-28 SAHELCEM 173.68 Decreased By ▼ -2.21 (-1.26%)", "Business & Finance Print 2025-03-28",
          "", "Bridge reopens after long repairs", "", "Published March 28, 2025"],
         "Bridge reopens after long repairs", None, None, "2025-03-28"),
    ],
)
def test_header_shapes(header: list[str], title: str, outlet: str | None, author: str | None,
                       published: str) -> None:
    body = BODY_EN if title.startswith("Bridge") else BODY_FR
    text = "\n".join([*header, "", body])
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert (draft.title, draft.outlet, draft.author, draft.published) == (title, outlet, author, published)
    assert draft.text == f"{title}\n\n{body}"


def test_metadata_given_by_the_source_wins() -> None:
    text = f"Publié le 1er mars 2025\n{BODY_FR}"
    draft = build_draft("x", text.encode(), "jsonl", text, published="2025-03-04", title="Un titre donné ici")
    assert draft.published == "2025-03-04"
    assert draft.text.startswith("Un titre donné ici\n\nLe gouvernement")


@pytest.mark.parametrize(
    ("paragraph", "outlet", "strip"),
    [
        ("AFP - Le ministre a parlé.", "AFP", True),
        ("Sahelnews - Le ministre a parlé.", "Sahelnews", True),
        ("APA-Dakar (Sénégal) - Le ministre a parlé.", "APA", False),
        ("Bamako (Reuters) - The minister spoke.", "Reuters", False),
        ("Bamako - Le ministre a parlé.", None, False),
    ],
)
def test_lead_in_outlet(paragraph: str, outlet: str | None, strip: bool) -> None:
    found, cut = lead_in_outlet(paragraph)
    assert found == outlet
    assert (cut > 0) is strip


def test_headline_without_body_is_rejected() -> None:
    from suivi.errors import InputRejected

    text = "Routes rurales : un plan sur trois ans\nPublié le 5 février 2025\nAwa Sangaré\n"
    with pytest.raises(InputRejected, match="no article text"):
        build_draft("t.txt", text.encode(), "text", text)


WIRE_EN = """Harbour deal signed after long talks
Reuters
July 28, 2025 4:10 PM GMT+1 Updated 2 hours ago

PORTVILLE, July 28 (Reuters) - The two port authorities signed a cooperation deal on Monday, officials said.

The deal foresees a joint feasibility study within a year.

Reporting by Ann Example; Editing by Bob Sample"""

WEB_FR = """Les deux ports signent un accord de coopération

Par Awa Exemple - 14 juillet 2025 à 18:02

PORTVILLE, 14 juillet (AIB) - Les deux autorités portuaires ont signé lundi un accord de coopération.

Partager :
Facebook
WhatsApp

Articles similaires
Un autre titre ici"""


@pytest.mark.parametrize(
    ("text", "outlet", "author", "published", "last_line"),
    [
        (WIRE_EN, "Reuters", "Ann Example", "2025-07-28", "The deal foresees a joint feasibility study within a year."),
        (WEB_FR, "AIB", "Awa Exemple", "2025-07-14",
         "Les deux autorités portuaires ont signé lundi un accord de coopération."),
    ],
)
def test_wire_and_web_layouts(text: str, outlet: str, author: str | None, published: str, last_line: str) -> None:
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert (draft.outlet, draft.author, draft.published) == (outlet, author, published)
    assert "PORTVILLE" not in draft.text and draft.meta["dateline"]["place"] == "PORTVILLE"
    assert draft.text.rstrip().endswith(last_line)


def test_a_photo_caption_is_not_the_headline() -> None:
    caption = "The minister speaks to the press in Kayes on June 13. Jane Doe/AFP/Getty Images"
    text = "\n".join([caption, "", BODY_EN])
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.title is None
    assert not headline_like(caption) and headline_like("Bridge reopens after long repairs")


def test_an_opening_date_line_dates_the_report_to_its_month_or_day() -> None:
    # excerpts from news archives open with "date YYYY-MM[-DD]"; a month is kept as a month,
    # and a day of another month in the first paragraph (a plan) does not replace it
    text = f" date 2024-12 Les deux pays quitteront l'union à compter du 29 janvier 2025. {BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert (draft.published, draft.published_precision) == ("2024-12", "month")
    assert draft.meta["published_from"] == "date_line"
    text = f"date 2024-03-08 {BODY_EN}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert (draft.published, draft.published_precision) == ("2024-03-08", "day")
    # the label and its date are taken out of the first sentence (the parser read them as its subject)
    assert draft.text.startswith(BODY_EN[:30]) and "2024-03-08" not in draft.text
    # a day of that very month in the first paragraph makes the month a day
    text = f" date 2024-05 Les travaux ont commencé ce lundi 6 mai 2024. {BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published == "2024-05-06"
    text = f" date 2024-13 {BODY_FR}"  # no such month: no date
    assert build_draft("t.txt", text.encode(), "text", text).published is None


@pytest.mark.parametrize("lead", [
    "Ghana has ordered all Norwegian engineers to leave the Tema site by January 31, 2026, the ministry said.",
    "Le Ghana a ordonné aux ingénieurs norvégiens de quitter le chantier de Tema d'ici au 31 janvier 2026.",
])
def test_a_deadline_in_the_first_paragraph_is_not_the_reports_day(lead: str) -> None:
    """Own wording (found on the forty-sixth blind set: "ordered the withdrawal of all French
    troops from the country by January 31, 2025" read as the day of the report, which then
    seemed to come after the reports of the withdrawal itself)."""
    text = f"Tema : le départ des Norvégiens\n\n{lead} {BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published is None, draft.published
    dated = text.replace(lead, lead.replace("Ghana has", "On Monday, May 12, 2025, Ghana has")
                         .replace("Le Ghana a", "Ce lundi 12 mai 2025, le Ghana a"))
    assert build_draft("t.txt", dated.encode(), "text", dated).published == "2025-05-12"


@pytest.mark.parametrize("lead", [
    "Le président ghanéen a fixé la date du référendum constitutionnel au 21 septembre 2026, selon un décret.",
    "Ghana's president set the date of the constitutional referendum for September 21, 2026, a decree said.",
])
def test_a_date_set_for_an_event_is_not_the_reports_day(lead: str) -> None:
    """Own wording (found on the fifty-ninth blind set: a referendum's date, set by decree, read
    as the day of the report, which then made the referendum itself seem over)."""
    text = f"Ghana : le référendum\n\n{lead} {BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.published is None, draft.published
