"""Quotes (direct, indirect), their speakers, events and time expressions on test sentences."""

from __future__ import annotations

from suivi.read.nlp import get_nlp
from suivi.read.reader import read_article

from .helpers import article, speaker_name


def _read(text: str, lang: str = "fr", published: str | None = "2025-04-04"):
    return read_article(get_nlp(lang)(text), article(text, lang, published=published))


def _quotes(r, direct: bool | None = None):
    return [(q.text, speaker_name(r, q.speaker)) for q in r.quotes if direct is None or q.direct is direct]


def test_speaker_after_quote_with_inversion(nlp_fr):
    r = _read("La ministre togolaise Yawa Kouigan était à Lomé. « Le dialogue reste ouvert », a assuré Mme Kouigan.")
    assert _quotes(r, True) == [("Le dialogue reste ouvert", "Yawa Kouigan")]


def test_speaker_before_quote_and_pronoun_continuation(nlp_fr):
    text = ("Le président ghanéen, John Mahama, a déclaré : « Nous voulons la paix ». "
            "Il a ajouté : « Les frontières resteront ouvertes ».")
    r = _read(text)
    assert [s for _, s in _quotes(r, True)] == ["John Mahama", "John Mahama"]


def test_outlet_as_speaker_and_outlet_anaphor(nlp_fr):
    text = ("Selon Jeune Afrique, « les discussions ont duré deux jours ». "
            "« Aucun accord n'a été signé », ajoute le journal.")
    r = _read(text)
    assert [s for _, s in _quotes(r, True)] == ["JEUNE_AFRIQUE", "JEUNE_AFRIQUE"]


def test_role_reference_resolves_to_the_named_holder(nlp_fr):
    text = ("Le ministre malien de la Défense, Sadou Diallo, et le ministre nigérien, Issa Boukari, se sont réunis. "
            "« La coopération est solide », a souligné le ministre nigérien.")
    r = _read(text)
    assert _quotes(r, True) == [("La coopération est solide", "Issa Boukari")]


def test_indirect_speech(nlp_fr):
    r = _read("Le ministre tchadien Abakar Mahamat a annoncé que son pays ouvrira une ambassade à Rabat.")
    indirect = _quotes(r, False)
    assert indirect == [("son pays ouvrira une ambassade à Rabat.", "Abakar Mahamat")]


def test_english_quotes():
    text = ('Nigerian President Bola Tinubu arrived in Accra on Monday. "We will work together," Tinubu said. '
            "He said that trade would double.")
    r = _read(text, "en")
    assert _quotes(r, True) == [("We will work together", "Bola Tinubu")]
    assert _quotes(r, False) == [("trade would double.", "Bola Tinubu")]


def test_event_with_participants_place_and_date(nlp_fr):
    text = "Le ministre béninois Olushegun Bakari a rencontré ce jeudi à Abuja son homologue nigérian."
    r = _read(text)
    assert len(r.events) == 1
    ev = r.events[0]
    assert ev.kind == "meeting"
    assert ev.place is not None and ev.place.key == "place:abuja"
    assert ev.date == "2025-04-03"
    names = {speaker_name(r, w) for w in ev.participants}
    assert {"Olushegun Bakari", "BEN", "NGA"} <= names


def test_agreement_event_in_english():
    r = _read("Mali and Russia signed an agreement in Bamako on 12 May 2025.", "en", published="2025-05-13")
    assert [(e.kind, e.place.key if e.place else None, e.date) for e in r.events] == [
        ("agreement", "place:bamako", "2025-05-12")
    ]


def test_the_day_told_as_today_is_the_events_day(nlp_fr):
    text = ("Deux jours après l'échec d'une rencontre à Lomé le 10 mars 2025, les trois ministres ont signé, "
            "ce jour 12 mars 2025, un accord de coopération à Accra.")
    r = _read(text, published=None)
    assert [e.date for e in r.events] == ["2025-03-12"]


def test_time_expressions_have_absolute_offsets(nlp_fr):
    text = "Un premier point. Le sommet se tiendra en juin prochain à Niamey."
    r = _read(text)
    assert [(t.text, t.value) for t in r.times] == [("en juin prochain", "2025-06")]
    t = r.times[0]
    assert text[t.start:t.end] == t.text


def test_ce_dernier_refers_to_the_last_person_named(nlp_fr):
    text = ("Le président gambien est accompagné du ministre des Finances, Seedy Keita. "
            "Ce dernier a salué « une coopération exemplaire » entre les deux pays.")
    r = _read(text)
    assert _quotes(r, True) == [("une coopération exemplaire", "Seedy Keita")]


def test_selon_opening_a_sentence_is_indirect_speech(nlp_fr):
    text = ("Le ministre nigérien des Mines, Ousmane Abarchi, était à Agadez. "
            "Selon lui, la production d'uranium reprendra en 2026.")
    r = _read(text)
    assert _quotes(r, False) == [("la production d'uranium reprendra en 2026.", "Ousmane Abarchi")]


def test_english_reported_clause_without_that():
    text = "Ghana's President John Mahama said his country would reopen the border next month."
    r = _read(text, "en")
    assert _quotes(r, False) == [("his country would reopen the border next month.", "John Mahama")]


def test_selon_with_apposed_name_and_capital_as_state(nlp_fr):
    text = ("Selon le ministre russe de l'Énergie, Sergueï Tsivilev, Moscou livrera du carburant en 2026. "
            "« Nous tiendrons parole », a affirmé Moscou.")
    r = _read(text)
    assert _quotes(r, False) == [("Moscou livrera du carburant en 2026.", "Sergueï Tsivilev")]
    assert _quotes(r, True) == [("Nous tiendrons parole", "RUS")]
