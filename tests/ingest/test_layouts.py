"""Header, byline, dateline and end-matter layouts of outlets the rules were not written from.

Each case imitates one house style (wire agencies, African and international dailies,
broadcasters' sites, government press releases) with invented events and people, and
states what the article's metadata must be and where its clean text must start and end.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from suivi.ingest.article import build_draft

BODY_FR = (
    "Le gouvernement s'est engagé mardi à achever la réfection de la route du fleuve avant la "
    "saison des pluies, a indiqué le ministre des Infrastructures devant la presse."
)
BODY_EN = (
    "The government pledged on Tuesday to finish rebuilding the river road before the rainy "
    "season, the infrastructure minister told reporters in the capital."
)
SECOND_FR = "Les travaux, financés par un prêt régional, doivent mobiliser trois cents ouvriers."
SECOND_EN = "The works, funded by a regional loan, are expected to employ three hundred people."


@dataclass(frozen=True)
class Layout:
    name: str
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    starts: str  # the clean body starts with this
    ends: str  # ... and ends with this


LAYOUTS = [
    Layout(
        "pan-african weekly site: rubric, title with outlet suffix, byline, published and updated",
        "\n".join([
            "Politique",
            "Au Tchad, le gouvernement promet de rouvrir la route du fleuve avant juin – Jeune Afrique",
            "Par Hamid Abakar",
            "Publié le 14 octobre 2025 à 17:45 - Mis à jour le 15 octobre 2025 à 09:02",
            "",
            BODY_FR,
            "",
            SECOND_FR,
        ]),
        "Au Tchad, le gouvernement promet de rouvrir la route du fleuve avant juin", "2025-10-14",
        "Jeune Afrique", "Hamid Abakar", "Le gouvernement s'est engagé", "trois cents ouvriers.",
    ),
    Layout(
        "French daily's Africa section: outlet line, title, standfirst, byline with bureau, dates",
        "\n".join([
            "Le Monde Afrique",
            "Au Ghana, la banque centrale promet de réduire l'inflation de moitié d'ici à 2027",
            "La gouverneure a détaillé mardi un plan en trois étapes, sans convaincre les syndicats.",
            "Par Kofi Mensah (Accra, correspondance)",
            "Publié le 02 avril 2026 à 18h00, modifié le 03 avril 2026 à 08h12",
            "",
            BODY_FR,
        ]),
        "Au Ghana, la banque centrale promet de réduire l'inflation de moitié d'ici à 2027", "2026-04-02",
        "Le Monde Afrique", "Kofi Mensah", "La gouverneure a détaillé mardi", "devant la presse.",
    ),
    Layout(
        "international radio site: rubric, title, labelled published and modified lines, 'Par :' byline",
        "\n".join([
            "Afrique",
            "Sénégal : le port en eau profonde sera livré fin 2027, selon le ministre",
            "Publié le : 21/01/2026 - 10:15",
            "Modifié le : 21/01/2026 - 12:40",
            "Par : Awa Fall",
            "",
            BODY_FR,
            "",
            "(Avec AFP)",
        ]),
        "Sénégal : le port en eau profonde sera livré fin 2027, selon le ministre", "2026-01-21",
        None, "Awa Fall", "Le gouvernement s'est engagé", "devant la presse.",
    ),
    Layout(
        "public broadcaster's news site: title, relative time, share buttons, name and bureau",
        "\n".join([
            "Ghana signs deal to rebuild the river road by 2028",
            "3 March 2026",
            "Share",
            "Save",
            "Kwame Asante",
            "BBC News, Accra",
            "",
            BODY_EN,
            "",
            SECOND_EN,
        ]),
        "Ghana signs deal to rebuild the river road by 2028", "2026-03-03",
        "BBC News", "Kwame Asante", "The government pledged", "three hundred people.",
    ),
    Layout(
        "radio site: correspondent line opening the body, place first, then the name",
        "\n".join([
            "Côte d'Ivoire : l'État promet d'indemniser les riverains du nouveau pont",
            "Publié le : 09/09/2025 - 08:30",
            "",
            "Avec notre correspondant à Abidjan, Jean-Marc Koffi",
            "",
            BODY_FR,
        ]),
        "Côte d'Ivoire : l'État promet d'indemniser les riverains du nouveau pont", "2025-09-09",
        None, "Jean-Marc Koffi", "Le gouvernement s'est engagé", "devant la presse.",
    ),
    Layout(
        "broadcaster's site: byline, then a line naming the writer's post",
        "\n".join([
            "Nigeria vows to restore power to northern states within weeks",
            "By Adaeze Nwosu",
            "BBC Africa correspondent",
            "",
            BODY_EN,
        ]),
        "Nigeria vows to restore power to northern states within weeks", None,
        None, "Adaeze Nwosu", "The government pledged", "in the capital.",
    ),
    Layout(
        "Gulf broadcaster's site: rubric pair, title, standfirst, byline and 'Published On' under it",
        "\n".join([
            "News|Infrastructure",
            "Kenya pledges to finish pipeline feasibility study within a year",
            "The energy ministry says the study will be completed before next March.",
            "By Amina Yusuf",
            "Published On 12 Feb 2026",
            "",
            BODY_EN,
        ]),
        "Kenya pledges to finish pipeline feasibility study within a year", "2026-02-12",
        None, "Amina Yusuf", "The energy ministry says", "in the capital.",
    ),
    Layout(
        "national press agency: time-stamped header, dateline without a year, desk sign-off",
        "\n".join([
            "14/03/2026 16:02",
            "Le Sénégal et la Mauritanie s'engagent à achever le pont de Rosso en 2026",
            "",
            f"Dakar, 14 mars (APS) - {BODY_FR}",
            "",
            SECOND_FR,
            "",
            "AB/CDE/XYZ",
        ]),
        "Le Sénégal et la Mauritanie s'engagent à achever le pont de Rosso en 2026", "2026-03-14",
        "APS", None, "Le gouvernement s'est engagé", "trois cents ouvriers.",
    ),
    Layout(
        "Ivorian press agency: dateline with an abbreviated month, lower-case desk initials",
        "\n".join([
            "Côte d'Ivoire : le gouvernement promet 500 nouvelles classes avant la rentrée",
            "",
            f"Abidjan, 3 nov 2025 (AIP) – {BODY_FR}",
            "",
            SECOND_FR,
            "",
            "kf/tm",
        ]),
        "Côte d'Ivoire : le gouvernement promet 500 nouvelles classes avant la rentrée", "2025-11-03",
        "AIP", None, "Le gouvernement s'est engagé", "trois cents ouvriers.",
    ),
    Layout(
        "Sahel news site: domain as masthead, byline and date on one line",
        "\n".join([
            "sahelnews.com",
            "Mali : les autorités promettent de rouvrir la route de Kayes d'ici fin juin",
            "Par Seydou Diarra | 5 mai 2026",
            "",
            BODY_FR,
        ]),
        "Mali : les autorités promettent de rouvrir la route de Kayes d'ici fin juin", "2026-05-05",
        "sahelnews.com", "Seydou Diarra", "Le gouvernement s'est engagé", "devant la presse.",
    ),
    Layout(
        "Turkish agency, English service: name | date - Update line, capitals dateline with agency",
        "\n".join([
            "Türkiye, Somalia agree to build a naval training centre by 2027: Minister",
            "Ali Yilmaz | 12.03.2026 - Update: 12.03.2026",
            "",
            f"ANKARA (AA) - {BODY_EN}",
        ]),
        "Türkiye, Somalia agree to build a naval training centre by 2027: Minister", "2026-03-12",
        "AA", "Ali Yilmaz", "The government pledged", "in the capital.",
    ),
    Layout(
        "Russian agency, French service: agency line, dated line, '/TASS/.' dateline",
        "\n".join([
            "TASS",
            "15 janvier 2026, 14:20",
            "La Russie livrera des turbines à l'Ouzbékistan d'ici 2027, selon le vice-Premier ministre",
            "",
            f"MOSCOU, 15 janvier. /TASS/. {BODY_FR}",
        ]),
        "La Russie livrera des turbines à l'Ouzbékistan d'ici 2027, selon le vice-Premier ministre",
        "2026-01-15", "TASS", None, "Le gouvernement s'est engagé", "devant la presse.",
    ),
    Layout(
        "US public broadcaster, French service: outlet line, title, lone name, date, agency credit",
        "\n".join([
            "VOA Afrique",
            "Le Niger promet de rouvrir sa frontière avec le Bénin avant la fin du mois",
            "Moussa Kaka",
            "20 février 2026",
            "",
            f"NIAMEY, NIGER — {BODY_FR}",
            "",
            SECOND_FR,
            "",
            "Avec AFP",
        ]),
        "Le Niger promet de rouvrir sa frontière avec le Bénin avant la fin du mois", "2026-02-20",
        "VOA Afrique", "Moussa Kaka", "Le gouvernement s'est engagé", "trois cents ouvriers.",
    ),
    Layout(
        "AP-style wire: byline, dateline with country and agency, date after the dash, contributor",
        "\n".join([
            "Guinea to rebuild the river road with Gulf funding, officials say",
            "",
            "By Fatoumata Camara and John Reed",
            "",
            f"CONAKRY, Guinea (AP) — April 9, 2026 — {BODY_EN}",
            "",
            SECOND_EN,
            "",
            "___",
            "",
            "Associated Press writer Ibrahima Sow in Dakar contributed to this report.",
        ]),
        "Guinea to rebuild the river road with Gulf funding, officials say", "2026-04-09",
        "AP", "Fatoumata Camara, John Reed", "The government pledged", "three hundred people.",
    ),
    Layout(
        "francophone government press release: state, motto, ministry, label, closing and signature",
        "\n".join([
            "BURKINA FASO",
            "Unité - Progrès - Justice",
            "",
            "MINISTÈRE DES INFRASTRUCTURES ET DU DÉSENCLAVEMENT",
            "",
            "COMMUNIQUÉ FINAL",
            "",
            "Réunion du comité de pilotage du programme routier national",
            "",
            BODY_FR,
            "",
            SECOND_FR,
            "",
            "Fait à Ouagadougou, le 12 juin 2026",
            "",
            "Le Secrétaire général",
            "Jean Kaboré",
        ]),
        "Réunion du comité de pilotage du programme routier national", "2026-06-12",
        "Ministère des Infrastructures et du Désenclavement", None, "Le gouvernement s'est engagé",
        "trois cents ouvriers.",
    ),
    Layout(
        "anglophone government press release: republic, ministry, labels, date line under the title",
        "\n".join([
            "REPUBLIC OF GHANA",
            "MINISTRY OF ROADS AND HIGHWAYS",
            "PRESS RELEASE",
            "FOR IMMEDIATE RELEASE",
            "",
            "Government to clear arrears owed to road contractors by June",
            "Accra, 4 March 2026",
            "",
            BODY_EN,
        ]),
        "Government to clear arrears owed to road contractors by June", "2026-03-04",
        "Ministry of Roads and Highways", None, "The government pledged", "in the capital.",
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[case.name for case in LAYOUTS])
def test_layout(layout: Layout) -> None:
    draft = build_draft("t.txt", layout.text.encode(), "text", layout.text)
    got = (draft.title, draft.published, draft.outlet, draft.author)
    assert got == (layout.title, layout.published, layout.outlet, layout.author)
    body = draft.text[len(draft.title or ""):].strip()
    assert body.startswith(layout.starts)
    assert body.endswith(layout.ends)


def test_press_release_keeps_letterhead_closing_and_signature_in_meta() -> None:
    case = LAYOUTS[-2]
    draft = build_draft("t.txt", case.text.encode(), "text", case.text)
    assert draft.meta["letterhead"] == [
        "BURKINA FASO", "Unité - Progrès - Justice", "MINISTÈRE DES INFRASTRUCTURES ET DU DÉSENCLAVEMENT",
        "COMMUNIQUÉ FINAL",
    ]
    assert draft.meta["closing"] == {"text": "Fait à Ouagadougou, le 12 juin 2026", "place": "Ouagadougou",
                                     "date": "2026-06-12"}
    assert draft.meta["signature"] == ["Le Secrétaire général", "Jean Kaboré"]
    assert draft.meta["published_from"] == "closing"
    assert "Fait à" not in draft.text and "Kaboré" not in draft.text and "Unité" not in draft.text


def test_wire_dateline_is_recorded_and_leaves_the_first_sentence() -> None:
    case = LAYOUTS[-3]
    draft = build_draft("t.txt", case.text.encode(), "text", case.text)
    assert draft.meta["dateline"] == {"place": "CONAKRY", "region": "Guinea", "date": "2026-04-09", "agency": "AP"}
    assert draft.meta["credits"] == ["Associated Press writer Ibrahima Sow in Dakar contributed to this report."]
    assert "CONAKRY" not in draft.text and "Ibrahima Sow" not in draft.text and "___" not in draft.text


@pytest.mark.parametrize("credit", ["Source : APS", "(avec AFP et Reuters)", "With agencies",
                                    "Compiled by Ruth Mensah in Accra", "Contributing: Tom Reed"])
def test_credit_lines_leave_the_text(credit: str) -> None:
    text = "\n".join(["Port authority promises new quay within two years", "", BODY_EN, "", SECOND_EN, "", credit])
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.meta["credits"] == [credit]
    assert draft.text.endswith(SECOND_EN)


def test_a_credit_shaped_line_far_from_the_end_stays() -> None:
    later = [f"Paragraph {n} of the report goes on with more detail." for n in range(1, 6)]
    text = "\n".join(["Port authority promises new quay within two years", "", BODY_EN, "With AFP", *later])
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert "With AFP" in draft.text and "credits" not in draft.meta and draft.author is None


def test_byline_role_is_kept_apart() -> None:
    byline = "By Jane Okafor, West Africa correspondent"
    text = f"Port authority promises new quay within two years\n\n{byline}\n\n{BODY_EN}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.author == "Jane Okafor"
    assert draft.meta["author_role"] == "West Africa correspondent"
    assert "correspondent" not in draft.text


def test_labelled_sign_off_with_role_leaves_the_text() -> None:
    text = "\n".join(["Port authority promises new quay within two years", "", BODY_EN, "", SECOND_EN, "",
                      "Author: Jane Okafor, Research Fellow, Maritime Programme"])
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.author == "Jane Okafor"
    assert draft.meta["author_role"] == "Research Fellow, Maritime Programme"
    assert "Programme" not in draft.text


def test_a_motto_like_line_is_not_cut_as_headline_and_outlet() -> None:
    from suivi.ingest.metadata import split_title_outlet

    assert split_title_outlet("Travail - Liberté - Patrie") == ("Travail - Liberté - Patrie", None)
    assert split_title_outlet("Le port rouvre enfin ses quais aux cargos - Le Fleuve") == (
        "Le port rouvre enfin ses quais aux cargos", "Le Fleuve")


def test_a_sentence_opening_with_a_place_and_a_dash_is_kept() -> None:
    text = f"Port authority promises new quay within two years\n\nBamako - {BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert "Bamako - " in draft.text and "dateline" not in draft.meta


@pytest.mark.parametrize(
    "headline",
    [
        "République du Congo, le gouvernement promet des élections avant l'été",
        "Republic of Chad signs a road deal with its neighbours",
    ],
)
def test_a_headline_opening_with_republic_is_still_the_title(headline: str) -> None:
    text = f"{headline}\n\n{BODY_FR}"
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.title == headline and "letterhead" not in draft.meta
