"""The lifecycle and cue files load, are consistent, and malformed ones fail loudly."""

from __future__ import annotations

import pytest

from suivi.errors import DataFileError
from suivi.follow.cues import get_cues, parse_cues
from suivi.follow.lifecycle import get_lifecycle, parse_lifecycle


def test_shipped_lifecycle_is_consistent():
    life = get_lifecycle()
    assert set(life.statuses) == {"announced", "in_progress", "partial", "fulfilled", "stalled", "broken", "moot"}
    assert life.final == {"fulfilled", "broken", "moot"}
    assert life.initial == "announced"
    assert life.score["fulfilled"] == 1 and life.score["broken"] == -1 and life.score["moot"] is None
    assert life.score["stalled"] == 0 and life.score_past_deadline["stalled"] == -1
    assert life.score_past_deadline["announced"] == -1
    assert not life.allows("fulfilled", "in_progress")
    assert life.allows("announced", "stalled")


def _lifecycle_data() -> dict:
    return {
        "statuses": {"announced": {"final": False, "score": 0, "score_past_deadline": -1},
                     "fulfilled": {"final": True, "score": 1, "score_past_deadline": 1}},
        "initial": "announced",
        "transitions": {"announced": ["fulfilled"], "fulfilled": []},
        "matching": {"min_similarity": 0.3, "min_similarity_alone": 0.6, "min_similarity_low": 0.2,
                     "min_key_word_length": 4},
    }


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("statuses"),
        lambda d: d.update(initial="unknown"),
        lambda d: d["transitions"].update(announced=["nowhere"]),
        lambda d: d["transitions"].pop("fulfilled"),
        lambda d: d["statuses"]["fulfilled"].update(score=5),
        lambda d: d["statuses"]["fulfilled"].update(final="yes"),
        lambda d: d.pop("matching"),
    ],
)
def test_malformed_lifecycle_fails_loudly(breakage):
    data = _lifecycle_data()
    assert parse_lifecycle(data).final == {"fulfilled"}
    breakage(data)
    with pytest.raises(DataFileError):
        parse_lifecycle(data)


@pytest.mark.parametrize(
    "data",
    [
        {"language": "fr", "statuses": {"fulfilled": ["x"]}},  # a mapping, not a list of groups
        {"language": "fr", "statuses": [{"status": "done", "patterns": ["x"]}]},  # unknown status
        {"language": "fr", "statuses": [{"status": "announced", "patterns": ["x"]}]},  # not settable
        {"language": "fr", "statuses": [{"status": "stalled", "patterns": ["(unclosed"]}]},
        {"language": "fr", "statuses": [], "past_tense": ["\\w+é"]},  # past tense needs a verb group
    ],
)
def test_malformed_cue_file_fails_loudly(data):
    with pytest.raises(DataFileError):
        parse_cues(data, "test.yaml")


@pytest.mark.parametrize(
    ("lang", "sentence", "status"),
    [
        ("fr", "Le chef de l'État est arrivé à Dakar samedi.", "fulfilled"),
        ("fr", "Le ministre a inauguré le nouveau pont sur le fleuve.", "fulfilled"),
        ("fr", "Le barrage est entré en service la semaine dernière.", "fulfilled"),
        ("fr", "Les vaccins ont été livrés aux centres de santé.", "fulfilled"),
        ("fr", "Les travaux de la centrale ont débuté en mars.", "in_progress"),
        ("fr", "Les premières livraisons de blé sont arrivées au port.", "in_progress"),
        ("fr", "Le gouvernement a signé le décret créant l'agence.", "in_progress"),
        ("fr", "Le sommet prévu à Lomé a été reporté sine die.", "stalled"),
        ("fr", "Le programme de bourses est suspendu depuis janvier.", "stalled"),
        ("fr", "Seule une partie seulement des fonds a été versée.", "partial"),
        ("fr", "Le chantier n'a été réalisé que partiellement.", "partial"),
        ("fr", "Le Ghana a renoncé à construire la raffinerie.", "broken"),
        ("fr", "L'entreprise abandonne le projet de port sec.", "broken"),
        ("fr", "Le fonds a été remplacé par une banque régionale.", "moot"),
        ("fr", "La deuxième réunion a eu lieu à Accra en mai.", "fulfilled"),
        ("fr", "L'armée a pris livraison de douze camions.", "fulfilled"),
        ("fr", "Le vote de la loi a été différé.", "stalled"),
        ("fr", "Le Tchad a mis fin à l'accord de défense.", "broken"),
        ("fr", "Ce projet n'est plus d'actualité depuis la fusion.", "moot"),
        ("fr", "Les premiers instructeurs sont arrivés en Centrafrique.", "fulfilled"),
        ("fr", "Les blindés sont arrivés en Guinée la semaine dernière.", "fulfilled"),
        ("fr", "Le Premier ministre a effectué une visite à Pékin.", "fulfilled"),
        ("fr", "Le décaissement des fonds se fait toujours attendre.", "stalled"),
        ("fr", "Le pont n'a pas encore été livré.", None),
        ("fr", "Le ministre a réaffirmé la volonté de son pays de construire l'usine.", None),
        ("en", "The president arrived in Abuja on Monday.", "fulfilled"),
        ("en", "The first deliveries of grain reached the port.", "in_progress"),
        ("en", "Construction has started on the new terminal.", "in_progress"),
        ("en", "The two states signed a framework agreement on energy.", "in_progress"),
        ("en", "The vote was postponed until further notice.", "stalled"),
        ("en", "Only part of the loan was disbursed.", "partial"),
        ("en", "The company withdrew from the pipeline project.", "broken"),
        ("en", "The treaty was superseded by a new pact.", "moot"),
        ("en", "The ministry handed over the keys of the hospital.", "fulfilled"),
        ("en", "The joint commission was established in March.", "fulfilled"),
        ("en", "The plan was quietly shelved.", "stalled"),
        ("en", "The contractor walked away from the deal.", "broken"),
        # leaving "a" deal brings in another one as background (own wording)
        ("en", "Oslo will fund the port, following its withdrawal from a deal on fisheries.", None),
        ("en", "Oslo pulled out of a fisheries deal last year and will now fund the port.", None),
        ("en", "Norway announced its withdrawal from the port agreement.", "broken"),
        ("en", "The bridge has not been completed.", None),
        # a deed the speaker says is only claimed (own wording)
        ("en", "Oslo pretends to have withdrawn its ships, but they remain in our waters.", None),
        ("fr", "Oslo prétend avoir retiré ses navires, mais ils restent dans nos eaux.", None),
        # a right, licence or permit to do it is a step, not the act (own wording)
        ("fr", "La société minière a obtenu le permis d'exploiter deux gisements.", "in_progress"),
        ("fr", "Le Ghana a obtenu le siège promis au conseil.", "fulfilled"),
        ("en", "The state oil firm obtained the rights to explore two offshore blocks.", "in_progress"),
        ("en", "The company secured a licence to build the plant.", "in_progress"),
        ("en", "Ghana obtained the seat it had been promised.", "fulfilled"),
        # done in full
        ("en", "Norway fully implemented the duty-free access for Ghanaian fish.", "fulfilled"),
        ("fr", "La Norvège a pleinement mis en œuvre l'exemption de droits de douane.", "fulfilled"),
        ("fr", "Le prêt a été intégralement décaissé en mars.", "fulfilled"),
        # a party said not to deliver what it agreed
        ("en", "Accra accused Norway of not following through on its fisheries agreement.", "stalled"),
        ("en", "Norway has failed to honour its pledge to Ghana.", "stalled"),
        ("fr", "Accra estime que la Norvège n'a pas honoré ses engagements.", "stalled"),
        ("fr", "Le Ghana dénonce le non-respect des engagements norvégiens.", "stalled"),
        # the pledge made good, told in the present of the report
        ("fr", "La Norvège concrétise son engagement en faveur du port de Tema.", "fulfilled"),
        ("fr", "Oslo a concrétisé sa promesse de financement.", "fulfilled"),
        ("en", "Norway delivers on its fisheries commitment to Ghana.", "fulfilled"),
        ("en", "Oslo made good on the pledge it gave Accra.", "fulfilled"),
        ("en", "Norway has failed to deliver on its pledge to Ghana.", "stalled"),
        # a pledge kept, told as such (a participle opening the sentence too)
        ("en", "Fulfilling a pledge made in Accra, the Norwegian minister was in Tema on Monday.", "fulfilled"),
        ("en", "Oslo kept its promise to the fishermen of Tema.", "fulfilled"),
        ("en", "Norway failed to keep its promise to the fishermen of Tema.", "stalled"),
        ("fr", "Tenant sa promesse, la ministre norvégienne était à Tema lundi.", "fulfilled"),
        ("fr", "La Norvège a tenu sa promesse envers les pêcheurs de Tema.", "fulfilled"),
        # the decision to end it named
        ("en", "Accra took note of Norway's decision to terminate the agreement.", "broken"),
        ("fr", "Accra prend acte de la décision de la Norvège de mettre fin à l'accord.", "broken"),
        # the money itself stopped, in any tense of the report
        ("en", "Last year the minister cut 30 million euros in annual funding for the fund.", "broken"),
        ("en", "Oslo halted its aid to the fisheries programme.", "broken"),
        ("en", "The cut in funding was smaller than feared.", None),
        ("fr", "Le ministre a annoncé que son pays retirait son soutien au fonds.", "broken"),
        ("fr", "Oslo a cessé de financer le programme de pêche.", "broken"),
        # works begun, told formally; works under way "currently"; a party opting out (own wording)
        ("en", "Norwegian firms have commenced dredging at the Tema fishing harbour.", "in_progress"),
        ("fr", "Deux chantiers sont actuellement en cours au port de Tema.", "in_progress"),
        ("fr", "Le programme est en cours de mise en œuvre à Tema.", "in_progress"),
        ("en", "Oslo opted out of the harbour financing it had agreed.", "broken"),
        ("en", "Oslo did not opt out of the harbour financing.", None),
        # a share of the works finished is progress, not the works done (own wording)
        ("en", "Some 80 percent of the quay walls have been finished, and the dredging was completed in May.",
         "in_progress"),
        ("fr", "Environ 80 % des quais ont été achevés et le dragage a été terminé en mai.", "in_progress"),
        # headway told as such, a tender awarded, a first sum told with its figure; a work that
        # "opened in" a month; « inaugurait » told in the past (own wording; found on sets 23-37)
        ("en", "The ministry said the authorities continued to make headway on the harbour works.", "in_progress"),
        ("en", "Significant progress had been made towards the harbour deal, Oslo said.", "in_progress"),
        ("en", "The revitalisation of the Tema harbour has entered an active stage.", "in_progress"),
        ("en", "The port authority awarded the civil works tender to a Norwegian firm.", "in_progress"),
        ("en", "Ghana received the first 40 million euro tranche in January.", "in_progress"),
        ("en", "The fishing harbour, which opened in October, serves 300 boats.", "fulfilled"),
        ("en", "The harbour will be opened in October.", None),
        ("fr", "Le ministre inaugurait lundi le nouveau quai du port de Tema.", "fulfilled"),
    ],
)
def test_status_cues(lang, sentence, status):
    hit = get_cues(lang).find_status(sentence)
    assert (hit.status if hit else None) == status


def test_a_step_awaited_in_the_infinitive_is_announced_not_reported():
    en = get_cues("en")
    assert en.announces("Tunisia expects the remaining loans to be disbursed by 2027.")
    assert not en.announces("The remaining loans were disbursed in 2026.")


def test_reaffirmation_is_a_restatement_not_a_step():
    fr = get_cues("fr")
    assert fr.restates("Le ministre a réaffirmé l'engagement de son pays.")
    assert not fr.restates("Les premiers instructeurs sont arrivés à la base.")
    assert get_cues("en").restates("The minister reiterated the pledge.")


@pytest.mark.parametrize(
    ("lang", "clause", "announced"),
    [
        ("fr", "le lancement des travaux est prévu en juin", True),
        ("fr", "les écoles seront inaugurées à la rentrée", True),
        ("fr", "les travaux ont commencé lundi", False),
        ("en", "the plant will be commissioned next year", True),
        ("en", "the bridge is expected to open in May", True),
        ("en", "the bridge was inaugurated on Monday", False),
    ],
)
def test_future_wording_announces_a_step(lang, clause, announced):
    assert get_cues(lang).announces(clause) is announced


def test_past_tense_finds_the_verb():
    verbs = get_cues("fr").past_verbs("La Norvège a financé trois écoles.")
    assert [v.verb for v in verbs] == ["financé"]
    assert [v.verb for v in get_cues("en").past_verbs("Norway has funded three schools.")] == ["funded"]


def test_each_pledged_thing_belongs_to_one_concept():
    from collections import Counter

    from suivi.datafiles import read_data_yaml
    from suivi.follow.evidence import fold, stems_of

    groups = read_data_yaml("cues/objects.yaml")["groups"]
    counts = Counter(fold(w) for words in groups.values() for w in words)
    assert [w for w, n in counts.items() if n > 1] == []
    assert "=fund" in stems_of("fonds") and "=fund" in stems_of("Funds")
    assert not any(s.startswith("=") for s in stems_of("well"))
