"""Places and organisations the gazetteer does not know, found from the words around them.

Why rules and not only NER: English is read with no NER at all, and the French model misses
most bodies written with lowercase adjectives ("l'Assemblée législative de Transition") and
most small towns. Every rule here is a general shape, its words are data (data/reading/):

- organisations: a capitalised run holding an organisation word ("Horn Institute", "Nigerian
  Senate"), extended over "of <Name>" after a head that takes it ("Central Bank of Nigeria");
  in French, a head word followed by adjectives and capitalised complements ("Agence
  nationale de Sécurité"); with NER, ORG entities written as proper names, and ORG entities
  named as a body in other words ("Commission nationale de planification", "Norwegian Agency
  for Development Cooperation": whole, not cut at the first lowercase word or demonym);
- places: runs opened or closed by a place word ("Lac de Guiers", "Manda Bay"), names in a
  place pattern ("the city of X", "X and Y counties", "près de X", "in X,"), and, with NER,
  LOC entities written as proper names.

A name read on a byline or credit line ("Senior Fellow, Migration Programme") is not an
actor of the story. When a state (name or demonym) is written inside an organisation's name,
the organisation's ActorRef carries it as `state` ("Central Bank of Nigeria" -> NGA), so
extraction can treat national bodies and state companies as their state.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from suivi.read.acronyms import definitions, uses
from suivi.read.actors import _CAPRUN, _DETS, _TOKEN, MentionDraft, _GazIndex, _role_words
from suivi.read.gazetteer import ActorRef
from suivi.read.lexicon import Lexicon
from suivi.read.nlp import doc_text, entity_kind
from suivi.read.textnorm import fold, slug
from suivi.read.zones import Zones

_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-ZÀ-ÖØ-Þ])")
# "Mineral Research and Exploration": capitalised names joined by "and" inside an of-complement
_AND_NAME = re.compile(r"[ \t]+(?:and|&)[ \t]+(?=[A-ZÀ-ÖØ-Þ])")
_QUALIFIER = re.compile(r"[\w’'.]+-(?:based|led|backed|owned|run|funded|affiliated)$", re.IGNORECASE)
_LEAD = re.compile(r"(?:(?:the|le|la|les)\s+|l['’]\s*)", re.IGNORECASE)
_FR_GLUE = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "et", "pour", "en", "d", "l"})
_MAX_ORG_WORDS = 8
_AND = frozenset({"et", "and"})
_DETS_FR = frozenset({"l", "la", "le", "les"})
_MINISTRY = frozenset({"ministry", "ministere", "department", "office"})
# before a one-word name the model tags ORG, a preposition of place makes it a place
_AT_PLACE = frozenset({"at", "near", "près"})


def _proper_entity(ent: Span, lex: Lexicon) -> bool:
    """An entity written as a proper name: every capitalised word a PROPN, nothing else but
    particles and articles (sentence-initial "Soutien", "Perspectives" are not). A capitalised
    word the French model reads as foreign (X: "Norfjord Shipping") is a name's word too."""
    if "\n" in ent.text or len(ent) > 6 or "/" in ent.text:
        return False
    caps = [t for t in ent if t.text[:1].isupper()]
    if not caps or caps[0].pos_ != "PROPN" or any(
            t.pos_ not in ("PROPN", "X") or fold(t.text) in lex.filter_words for t in caps):
        return False
    if any(fold(t.text) in lex.thing_words for t in ent):
        return False  # "the FID", "Action Plan" tagged ORG: a thing, not a body
    return all(t.text[:1].isupper() or fold(t.text).strip("'") in lex.particles | _DETS for t in ent)


_EN_GLUE = frozenset({"of", "for", "and", "on", "the", "&"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADP", "DET", "CCONJ", "PUNCT"})


def _body_entity(ent: Span, lex: Lexicon) -> bool:
    """An ORG entity named as a body in words that are not all proper names: "the Italian Agency
    for Development Cooperation" (an adjective among the capitals), « Commission nationale de
    planification », « Autorité des nouvelles communautés urbaines » (lowercase complements, the
    French way). Why a body word is required: the model also tags as ORG capitalised common
    words and phrases ("Free Trade Agreement"); a body word that opens the French name, or heads
    the English one, is what makes the run a body's name and not a sentence's words."""
    if "\n" in ent.text or "/" in ent.text or len(ent) > _MAX_ORG_WORDS:
        return False
    toks = [t for t in ent if not (t.i == ent.start and fold(t.text) in _DETS | {"the"})]
    if len(toks) < 3 or any(t.pos_ not in _NAME_POS or t.like_num for t in toks):
        return False
    if any(fold(t.text) in lex.thing_words for t in toks) or not toks[-1].is_alpha:
        return False
    if lex.org_heads:  # French: « Agence américaine de financement du développement »
        return toks[0].text in lex.org_heads and fold(toks[-1].text) not in _FR_GLUE
    words = [fold(t.text) for t in toks]
    return (all(t.text[:1].isupper() or w in _EN_GLUE for t, w in zip(toks, words, strict=True))
            and toks[-1].text[:1].isupper() and any(w in lex.org_tail_heads for w in words))


def _run_orgs_places(text: str, lex: Lexicon, gaz: _GazIndex) -> list[tuple[int, int, str]]:
    """Capitalised runs that are organisations or places by their words."""
    role_words = _role_words(lex)
    found: list[tuple[int, int, str]] = []
    for m in _CAPRUN.finditer(text):
        toks = [(m.start() + t.start(), m.start() + t.end(), t.group()) for t in _TOKEN.finditer(m.group())]
        while toks and (_QUALIFIER.match(toks[0][2]) or fold(toks[0][2]) in _DETS or fold(toks[0][2]) == "the"
                        or (toks[0][2].endswith(("'s", "’s")) and gaz.overlapping(toks[0][0], toks[0][1]))):
            # "the Nairobi-based Horn Institute" -> "Horn Institute"; "Senegal's Court of Auditors" ->
            # "Court of Auditors" (a known possessor only: "People's Vaccine Alliance" is a name)
            toks.pop(0)
        lone_head = (len(toks) == 1 and fold(toks[0][2]) in lex.org_tail_heads  # "Institute of X"
                     and _OF_NAME.match(text, toks[0][1]) is not None)
        legal_form = len(toks) >= 2 and fold(toks[-1][2]).rstrip(".") in lex.company_suffixes
        if (len(toks) < 2 and not lone_head) or (
            len(toks[0][2]) > 1 and toks[0][2].isupper() and not _state_at(gaz, toks[0][0], toks[0][1])
            and not legal_form
        ):
            continue  # one word; or an acronym's sub-body ("ECOWAS Commission"; "UK Supreme Court" is a body)
        words = [fold(w) for _, _, w in toks]
        s, e = toks[0][0], toks[-1][1]
        if words[0] in lex.place_words or words[-1] in lex.place_words:  # "Lac de Guiers", "Manda Bay"
            if not any(g.start <= s and e <= g.end for g in gaz.overlapping(s, e)):
                found.append((s, e, "place"))  # "Golfe d'Aden" is a place even if Aden is known
            continue
        if not (legal_form or any(w in lex.org_words for w in words)) or any(
            w in role_words and w not in lex.filter_words for w in words  # "Defence" is a portfolio
        ):
            continue
        head = toks[-1]
        if gaz.overlapping(head[0], head[1]):
            continue  # the gazetteer knows this body ("Malian Armed Forces")
        named = [w for (ts, te, _), w in zip(toks, words, strict=True)
                 if gaz.overlapping(ts, te) or (w not in lex.org_words and w not in lex.filter_words
                                                and w not in lex.particles)]
        if words[-1] in lex.org_tail_heads:  # "Central Bank" + " of Nigeria"
            of = _OF_NAME.match(text, e)
            nxt = _CAPRUN.match(text, of.end()) if of else None
            if nxt is not None and len(nxt.group().split()) <= 4:
                e = nxt.end()
                named.append(nxt.group())
                more = _AND_NAME.match(text, e)
                tail = _CAPRUN.match(text, more.end()) if more else None
                if tail is not None and len(tail.group().split()) <= 3:
                    e = tail.end()
        if words[-1] in lex.named_by_common_words and len(words) >= 2:
            named = named or words[:-1]  # "Conservative Party", "Parti socialiste"
        if not named and not (words[-1] in _MINISTRY and len(words) >= 2):
            continue  # no name word besides "Force", "Group": not "La Force" (but "Foreign Ministry")
        if len(text[s:e].split()) <= _MAX_ORG_WORDS:
            found.append((s, e, "organization"))
    return found


def _head_orgs(doc: Doc, lex: Lexicon, gaz: _GazIndex) -> list[tuple[int, int, str]]:
    """French-style names: a head word, then adjectives and capitalised complements
    ("Assemblée législative de Transition", "Agence nationale de l'Aviation civile")."""
    if not lex.org_heads or not doc.has_annotation("POS"):
        return []
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    text = doc_text(doc)
    heads = _heads_re(lex)
    done = -1
    for hm in heads.finditer(text):  # a regex finds the heads: no Python loop over every token
        span = doc.char_span(hm.start(), hm.end())
        if span is None or span.start <= done:
            continue
        i = span.start
        tok = doc[i]
        j, last_good = i + 1, i
        while j < n and j - i <= _MAX_ORG_WORDS and "\n" not in doc[j].text_with_ws[:-1]:
            t = doc[j]
            if fold(t.text) in _AND and j + 1 < n and fold(doc[j + 1].text).strip("'’") in _DETS_FR:
                break  # "le Conseil de l'Ordre et l'Association de la presse": a second body
            if fold(t.text) in _FR_GLUE:
                j += 1
                continue
            if (t.pos_ == "ADJ" and t.text.islower()) or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ")):
                last_good = j
                j += 1
                continue
            if t.pos_ == "NOUN" and t.text.islower():  # "Institut de la vallée du Rift": a common noun
                k = j + 1                               # belongs when a proper name completes it
                while k < n and k - j <= 3 and fold(doc[k].text) in _FR_GLUE - _AND:
                    k += 1
                if k < n and k > j + 1 and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN"):
                    last_good = j = k
                    j += 1
                    continue
            break
        if last_good > i:
            s, e = tok.idx, doc[last_good].idx + len(doc[last_good].text)
            inner = gaz.overlapping(s, e)
            if not any(g.start <= tok.idx < g.end or g.ref.kind in ("organization", "alliance") for g in inner):
                found.append((s, e, "organization"))  # not a sub-body of a known one ("Commission de l'UA")
        done = last_good
    return found


_HEADS_RE: dict[str, re.Pattern[str]] = {}


def _heads_re(lex: Lexicon) -> re.Pattern[str]:
    rx = _HEADS_RE.get(lex.lang)
    if rx is None:
        alts = "|".join(re.escape(h) for h in sorted(lex.org_heads, key=len, reverse=True))
        rx = _HEADS_RE[lex.lang] = re.compile(rf"(?<![\w\-])(?:{alts})(?![\w’'\-])")
    return rx


def _pattern_places(text: str, lex: Lexicon, gaz: _GazIndex) -> list[tuple[int, int, str]]:
    """Names in a place pattern ("the city of X", "X and Y counties", "près de X")."""
    role_words = _role_words(lex)
    found: list[tuple[int, int, str]] = []
    for rx in lex.place_res:
        for m in rx.finditer(text):
            for group in ("name", "name2"):
                if group not in rx.groupindex or m.group(group) is None:
                    continue
                s, e = m.span(group)
                words = [fold(w).rstrip(".") for w in m.group(group).split()]
                if any(w in lex.filter_words or w in lex.org_words or w in role_words or w in lex.particles
                       or w in lex.place_filter for w in words) or m.group(group).split()[0] in lex.honorifics:
                    continue
                if not gaz.overlapping(s, e):
                    found.append((s, e, "place"))
    return found


def _known(text: str, start: int, end: int, gaz: _GazIndex, *, states_inside: bool = True) -> bool:
    """The gazetteer covers the entity (its leading article aside) or a known body is inside it;
    a known place inside a longer name ("Golfe d'Aden") does not make the name known. A state
    inside makes it known too, unless `states_inside` is False: in a body's name the state is the
    body's own ("Norwegian Agency for Development Cooperation"), not a reason to drop it."""
    lead = _LEAD.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    inner = gaz.overlapping(start, end)
    return any(g.start <= start and end <= g.end for g in inner) or any(
        g.ref.kind in ("organization", "alliance")
        or (states_inside and (g.ref.kind == "state" or g.form == "adjective")) for g in inner)


def _state_at(gaz: _GazIndex, s: int, e: int) -> bool:
    """The gazetteer reads exactly this word as a state ("UK", "US")."""
    return any(g.ref.kind == "state" and g.start == s and g.end == e for g in gaz.overlapping(s, e))


def _state_inside(gaz: _GazIndex, s: int, e: int) -> str | None:
    for g in gaz.overlapping(s, e):
        if g.ref.kind == "state" and s <= g.start and g.end <= e:
            return g.ref.code
    return None


def other_mentions(doc: Doc, lex: Lexicon, gaz: _GazIndex, zones: Zones, has_ner: bool) -> list[MentionDraft]:
    """Places and organisations the gazetteer does not know (see the module docstring)."""
    text = doc_text(doc)
    found = (_run_orgs_places(text, lex, gaz) + _head_orgs(doc, lex, gaz) + _pattern_places(text, lex, gaz)
             + _joined_orgs(text, lex, gaz))
    if has_ner:
        for ent in doc.ents:
            kind = entity_kind(ent.label_)
            if len(ent) > 1 and ent[-1].tag_ == "POS":
                ent = ent[:-1]  # "the Maldives Monetary Authority's reserves": the body, not its "'s"
            while kind == "organization" and len(ent) > 1 and lex.reporting_re.fullmatch(ent[-1].text):
                # a headline in title case, "Foxconn Pledges $10B for ...": the name, then its verb
                ent = ent[:-1]
            while kind == "place" and len(ent) > 1 and lex.role_re.fullmatch(ent[-1].text):
                # "Matabeleland North Minister of State ...": the province, then a title (a whole
                # title: "Lagos State" keeps its "State")
                ent = ent[:-1]
            if (kind == "organization" and len(ent) == 1 and ent.start > 0
                    and doc[ent.start - 1].lower_ in _AT_PLACE):
                kind = "place"  # "At Gjader, a model expulsion centre will be created": where, not who
            if kind in ("place", "organization") and ((_proper_entity(ent, lex) and not _known(
                text, ent.start_char, ent.end_char, gaz
            )) or (kind == "organization" and _body_entity(ent, lex) and not _known(
                text, ent.start_char, ent.end_char, gaz, states_inside=False
            ))):
                found.append((ent.start_char, ent.end_char, kind))
    # one name, one sense in a report: a name read as an organisation somewhere ("l'entreprise
    # chinoise Sinohydro") is not a place where the model tagged it so ("..., Sinohydro construira")
    # (read so at another place: where the model and a rule disagree on one span, the usual order
    # decides)
    org_at = {(text[s:e], s) for s, e, kind in found if kind == "organization" and _bare_name(text, text[s:e])}
    found = [(s, e, "organization" if kind == "place" and any(n == text[s:e] and at != s for n, at in org_at)
              else kind) for s, e, kind in found]
    out = _acronym_orgs(text, lex, gaz, zones) + _compound_places(text, gaz, zones) + _official_states(text, gaz)
    seen: list[tuple[int, int]] = [(m.start, m.end) for m in out]
    # longest first at each start, so "Central Bank of Nigeria" wins over "Central Bank"
    for s, e, kind in sorted(found, key=lambda f: (f[0], -f[1])):
        if zones.no_person(s) or any(x < e and s < y for x, y in seen):
            continue  # bylines and credits name the authors' employers, not actors
        lead = _LEAD.match(text, s, e)
        if lead and lead.end() < e:  # "The White House" -> "White House"
            s = lead.end()
        seen.append((s, e))
        name = " ".join(text[s:e].split())
        if kind == "place":
            ref = ActorRef("place:" + slug(name), "place", name, None, None, "ner")
        else:
            words = name.split()
            if len(words) >= 2 and fold(words[-1]).rstrip(".") in lex.company_suffixes:
                name = " ".join(words[:-1])  # "Siemens AG" is Siemens: one key with or without its legal form
            ref = ActorRef("org:" + slug(name), "organization", name, None, None, "ner", _state_inside(gaz, s, e))
        out.append(MentionDraft(s, e, text[s:e], kind, "ner:LOC" if kind == "place" else "ner:ORG", ref=ref))
    out.extend(_named_again(text, out, seen, zones))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _named_again(text: str, found: list[MentionDraft], seen: list[tuple[int, int]],
                 zones: Zones) -> list[MentionDraft]:
    """The other places where an organisation found once is written again, word for word
    ("DP World will initially invest ..." after "a release from DP World"). Why: the model tags
    a name in one sentence and misses it in the next, and a pledge whose doer is unread goes to
    whoever else the sentence names. A name of one word only inside a sentence (at a sentence's
    start a capital says nothing) and only a bare one (`_bare_name`)."""
    again: list[MentionDraft] = []
    done: set[str] = set()
    for m in list(found):
        name = m.surface
        if m.kind != "organization" or m.ref is None or name in done or "\n" in name:
            continue
        one_word = len(name.split()) < 2
        if one_word and not _bare_name(text, name):
            continue
        done.add(name)
        for hit in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            s, e = hit.span()
            if zones.no_person(s) or any(x < e and s < y for x, y in seen):
                continue
            if one_word and _opens_sentence(text, s):
                continue
            seen.append((s, e))
            again.append(MentionDraft(s, e, name, m.kind, m.label, ref=m.ref))
    return again


_ARTICLE_BEFORE = r"(?i:\b(?:the|le|la|les|l['’])\s*)"


def _bare_name(text: str, name: str) -> bool:
    """A one-word name a company goes by ("Sinohydro", "Eiffage"): capitalised, not an acronym
    ("NPP" may name a thing elsewhere; acronyms are read apart), never written in lowercase in the
    report (then a common word) nor after an article ("the Board", « le Conseil »)."""
    if len(name.split()) != 1 or not name[:1].isupper() or name.upper() == name:
        return False
    word = re.escape(name)
    return not (re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text)
                or re.search(rf"{_ARTICLE_BEFORE}{word}(?![\w-])", text))


def _opens_sentence(text: str, start: int) -> bool:
    """The word at `start` is the first of its sentence or line."""
    before = text[:start].rstrip(" \t«“\"'(")
    return not before or before[-1] in ".!?:\n"


_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*\w"
_COMPOUND_PLACES = (  # (pattern, only before a known place)
    # "Port of Mogadishu", "Walloon Region of Belgium", "Gulf of Aden": a place head and "of X"
    (re.compile(rf"(?:(?:{_CAP}[ \t]+)?(?:Port|Gulf|Bay|Lake|Region|Province|State|Island|Islands|City|Strait|Cape)"
               rf"[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP})?)"), False),
    # "Pasay City", "Somali Region", "Yamagata Prefecture", "Indian Ocean", "English Channel"
    (re.compile(rf"{_CAP}(?:[ \t]+{_CAP})?[ \t]+(?:City|Region|Province|Prefecture|County|District|Governorate|Ocean"
               rf"|Sea|Channel)\b"), False),
    # « océan Indien », « mer Rouge », « canal de Suez »: French writes the head in lowercase
    (re.compile(rf"(?<!\w)(?:océan|mer|golfe|détroit|canal)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+"
               rf"|de[ \t]+|d['’])?{_CAP}"), False),
    # "Northern Ethiopia", "south-eastern Somalia": a compass word and a known place
    (re.compile(rf"(?i:(?:north|south)?-?(?:north|south|east|west)(?:ern)?|central)[ \t]+{_CAP}"
                rf"(?:[ \t]+{_CAP})?"), True),
    # "Méditerranée orientale", "Somalie centrale"
    (re.compile(rf"{_CAP}[ \t]+(?:orientale?|occidentale?|septentrionale?|méridionale?|centrale?)\b"), True),
)


def _joined_orgs(text: str, lex: Lexicon, gaz: _GazIndex) -> list[tuple[int, int, str]]:
    """Bodies whose name joins two words with "and" before their head ("Loss and Damage Fund",
    "Food and Agriculture Organization"), and outlets named by their domain ("Caliber.Az")."""
    found: list[tuple[int, int, str]] = []
    for m in _JOINED.finditer(text):
        head = fold(m.group("head"))
        if head in lex.org_tail_heads and not any(g.start <= m.start() and m.end() <= g.end
                                                  for g in gaz.overlapping(m.start(), m.end())):
            found.append((m.start(), m.end(), "organization"))
    for m in _DOMAIN_NAME.finditer(text):
        if not gaz.overlapping(m.start(), m.end()):
            found.append((m.start(), m.end(), "organization"))
    return found


_JOINED = re.compile(rf"{_CAP}(?:[ \t]+{_CAP})?[ \t]+(?:and|&)[ \t]+{_CAP}(?:[ \t]+{_CAP})?[ \t]+(?P<head>{_CAP})")
_DOMAIN_NAME = re.compile(
    r"(?<![\w.@/])[A-Z][A-Za-z0-9\-]{2,}\.(?i:com|net|org|info|news|tv|az|ng|sn|ma|fr|ke|za|gh|ci|cm|ml|bf|ne|td|ru|tr|io)"
    r"(?![\w.])"
)
# "the Federal Republic of Somalia", "la République fédérale de Somalie": a state's official name
_OFFICIAL = re.compile(
    r"(?:(?:(?:Federal|Democratic|Islamic|Arab|People's|Socialist|United|Cooperative|Plurinational|Bolivarian)[ \t]+)*"
    r"(?:Republic|Kingdom|State|Sultanate|Principality|Commonwealth|Federation|Emirate)[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"|(?:République|Royaume|État|Fédération|Sultanat|Principauté)[ \t]+(?:(?:fédérale|démocratique|islamique|"
    r"arabe|populaire|unie|socialiste)[ \t]+)*(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+|de[ \t]+|d['’]))"
)


def _official_states(text: str, gaz: _GazIndex) -> list[MentionDraft]:
    """A state written by its official name: the whole phrase is a mention of the state."""
    out: list[MentionDraft] = []
    for m in _OFFICIAL.finditer(text):
        state = next((g for g in gaz.overlapping(m.end(), m.end() + 1) if g.start == m.end()
                      and g.ref.kind == "state"), None)
        if state is not None and "\n" not in m.group():
            out.append(MentionDraft(m.start(), state.end, text[m.start():state.end], "state", "rule:official",
                                    ref=state.ref))
    return out


def _compound_places(text: str, gaz: _GazIndex, zones: Zones) -> list[MentionDraft]:
    """Places written as a head word and a name ("Port of Mogadishu", "Pasay City", "Somali
    Region") or a compass word and a known place ("Northern Ethiopia"). The whole phrase is a
    place of its own, tied to the state of the known place inside it."""
    out: list[MentionDraft] = []
    for rx, before_known in _COMPOUND_PLACES:
        for m in rx.finditer(text):
            s, e = m.span()
            if zones.no_person(s) or "\n" in m.group():
                continue
            first = m.group().split()[0]
            if first.endswith(("'s", "’s")):  # "Türkiye’s Black Sea": the owner is not in the name
                s = m.start() + len(first)
                s += len(text[s:e]) - len(text[s:e].lstrip())
                if len(text[s:e].split()) < 2:
                    continue
            inner = gaz.overlapping(s, e)
            if any(g.start <= s and e <= g.end for g in inner):
                continue  # the gazetteer knows the whole phrase
            if before_known and not any(g.ref.kind in ("state", "place") and g.end == e and g.form != "adjective"
                                  for g in inner):
                continue  # compass words only before a known place
            if any(g.ref.kind in ("organization", "alliance") for g in inner):
                continue
            name = " ".join(text[s:e].split())
            # a demonym names no owner: "Indian Ocean", "Somali Region" (of Ethiopia)
            state = next((g.ref.code if g.ref.kind == "state" else g.ref.state for g in inner
                          if g.ref.kind in ("state", "place") and g.form != "adjective"), None)
            ref = ActorRef("place:" + slug(name), "place", name, None, None, "compound", state)
            out.append(MentionDraft(s, e, text[s:e], "place", "rule:place", ref=ref))
    return out


def _acronym_orgs(text: str, lex: Lexicon, gaz: _GazIndex, zones: Zones) -> list[MentionDraft]:
    """Bodies defined by an acronym in brackets (see suivi.read.acronyms): the long form, the
    acronym and its later uses, one actor keyed by the acronym."""
    out: list[MentionDraft] = []
    for d in definitions(text, lex.org_words):
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", text[d.start:d.end])]
        if zones.no_person(d.start) or not any(w in lex.org_words for w in words) or any(
            w in lex.thing_words for w in words
        ):
            continue  # a scheme, a plan, a law: not a body
        if any(g.start <= d.start and d.end <= g.end for g in gaz.overlapping(d.start, d.end)):
            continue  # the gazetteer knows it
        name = " ".join(text[d.start:d.end].split())
        lead = _LEAD.match(name)
        if lead and lead.end() < len(name):
            name = name[lead.end():]
        ref = ActorRef("org:" + slug(d.acronym), "organization", name, d.acronym, None, "acronym",
                       _state_inside(gaz, d.start, d.end))
        spans = [(d.start, d.end), *uses(text, d.acronym, d.acr_start)]
        for k, (s, e) in enumerate(spans):
            if any(g.start < e and s < g.end and (k or g.ref.kind in ("organization", "alliance"))
                   for g in gaz.overlapping(s, e)):
                continue  # a known body inside the long form; a known actor on a bare use
            out.append(MentionDraft(s, e, text[s:e], "organization", "rule:acronym", ref=ref))
    return out
