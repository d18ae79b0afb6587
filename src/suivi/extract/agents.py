"""Who commits and who benefits: canonical actor keys for a stretch of an article.

Why here and not in the gazetteer: the gazetteer knows names; a commitment needs a *party*.
A capital stands for its state ("Moscou s'engage"), a demonym for its state ("aux forces
burkinabè"), a person for the state they serve (from the reading stage's roles), and
"les parties" for the article's main parties.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from suivi.extract.cues import Lexicon, fold
from suivi.read.gazetteer import get_gazetteer
from suivi.read.leaders import leader_of
from suivi.read.textnorm import slug

PARTY_KINDS = ("state", "alliance", "organization")
PRONOUNS = {"il", "elle", "ils", "elles", "nous", "je", "on", "he", "she", "they", "we", "i", "it"}


@dataclass
class PersonMention:
    start: int
    end: int
    key: str
    serves: str | None


@dataclass
class ActorContext:
    """What one article offers for resolving parties: persons with their states, main parties."""

    text: str
    persons: list[PersonMention] = field(default_factory=list)
    bodies: list[PersonMention] = field(default_factory=list)  # organisations the reader found outside the gazetteer
    orgs: list[tuple[int, int, str, tuple[str, ...]]] = field(default_factory=list)  # (start, end, key, names)
    previous_subject: list[str] = field(default_factory=list)  # parties of the last sentence's subject
    main_parties: list[str] = field(default_factory=list)
    named_once: list[str] = field(default_factory=list)  # parties named once only, first named first
    # who made the article's last pledge: the giver of money a passive or an agreement's
    # contents leave unnamed ("L'UE va signer un accord ... un milliard sera versé avant 2025")
    last_giver: list[str] = field(default_factory=list)
    # sentences read since the last one that stated a pledge (0: the sentence just before)
    since_pledge: int = 99
    # how often each party is named as a receiver or counterpart ("to Egypt", "avec la Tunisie")
    received: Counter[str] = field(default_factory=Counter)
    receiver_before: re.Pattern[str] | None = None  # a receiver's preposition ending a text
    venue_words: frozenset[str] = frozenset()
    seats: dict[str, str] = field(default_factory=dict)  # folded capital -> body key, bodies named here only
    exclusion_words: frozenset[str] = frozenset()  # "except", "sauf": who follows receives nothing
    company_words: frozenset[str] = frozenset()  # last words of a company's name ("Corporation")
    # groups the article defines by their members ("IPG comprises France, Germany, the UK, the US
    # and the EU"): body key -> member party keys
    groups: dict[str, list[str]] = field(default_factory=dict)
    # a state named only by a short name another state named in full holds ("Congo" beside "the
    # Democratic Republic of Congo"): its key -> that state's (Gazetteer.short_name_owners)
    owners: dict[str, str] = field(default_factory=dict)

    def party_of_ref(self, ref: Any, form: str = "name") -> str | None:
        """A gazetteer match as a party key (state code, alliance/body key), or None."""
        if ref.kind == "state":
            code = ref.code or ref.key
            return self.owners.get(code, code)
        if ref.kind == "alliance":
            return ref.key
        if ref.kind == "organization":
            if getattr(ref, "is_outlet", False):
                return None
            return ref.state or ref.key
        if ref.kind == "place":
            return ref.state  # a capital or region stands for its state
        return None

    def parties_in(self, start: int, end: int, places: bool = True) -> list[str]:
        """Party keys named in text[start:end]: gazetteer names, demonyms, persons' states (and
        the states of the capitals named, unless `places` is False)."""
        found = self.named_parties(start, end, places)
        for p in self.persons:
            if p.start >= start and p.end <= end and p.serves:
                found.append((p.start, p.serves))
        for b in self.bodies:
            if b.start < start or b.end > end:
                continue
            if any(s == b.start for s, _ in found):
                if not self.company_named(b):
                    continue  # "Ghana Cocoa Board": the state named first stands for its body
                found = [(s, k) for s, k in found if not b.start <= s < b.end]
            found.append((b.start, b.serves or b.key))
        found.sort()
        return list(dict.fromkeys(k for _, k in found))

    def company_named(self, body: PersonMention) -> bool:
        """A company whose name opens with a state's ("China Railway Construction Corporation",
        "Russian Railways Group"): the company, not the state, is the doer (data:
        company_head_words, the name's last word)."""
        words = fold(self.text[body.start:body.end]).replace(".", " ").split()
        return bool(words) and words[-1] in self.company_words

    def named_parties(self, start: int, end: int, places: bool = True) -> list[tuple[int, str]]:
        """(offset, party key) of the gazetteer names in text[start:end], places read as parties.

        A capital stands for its state, except where it is only a place: a dateline in capitals
        ("LOME, Nov 2 -"), a venue ("in Lome", "à Lomé"), or the seat of a body the article
        names ("Brussels" in an EU story is the EU). Hosts and mediators' cities are not parties.
        """
        found: list[tuple[int, str]] = []
        # a few characters past the end, so a name is read with what follows it ("US $ 600
        # million" is a currency), but only names ending inside the range count
        for s, e, ref in get_gazetteer().find_all(self.text[start:end + _LOOKAHEAD]):
            if e > end - start:
                continue
            key = self.party_of_ref(ref)
            if key and ref.kind == "place" and not places:
                continue
            if key and ref.kind == "place":
                if any(b.start <= start + s and start + e <= b.end and (b.start, b.end) != (start + s, start + e)
                       for b in self.bodies):
                    continue  # "Lobito" in "Lobito Atlantic Railway": the body, not the city's state
                surface = self.text[start + s: start + e]
                before = self.text[max(0, start + s - 20): start + s].split()
                if surface.isupper() and len(surface) > 3:
                    continue
                if before and fold(before[-1].strip("(\"'“«")) in self.venue_words:
                    continue
                key = self.seats.get(fold(surface), key)
            if key:
                found.append((start + s, key))
        return found

    def receivers_in(self, start: int, end: int) -> list[str]:
        """Parties named in text[start:end] right after a receiver's preposition (data:
        receiver_prepositions): "signed a deal with Egypt", "a loan to Egypt", "pour l'Égypte";
        one entry per naming."""
        if self.receiver_before is None:
            return []
        return [key for pos, key in self.named_parties(start, end)
                if self.receiver_before.search(self.text[max(0, pos - 20):pos])]

    def parties_at(self, pos: int) -> list[str]:
        """Parties whose name covers the character at `pos` ("Agency" in "the Japan
        International Cooperation Agency" when the gazetteer or the reader knows the name)."""
        found = [k for s, e, k, _n in self.orgs if s <= pos < e]
        found += [b.serves or b.key for b in self.bodies if b.start <= pos < b.end]
        found += [p.serves for p in self.persons if p.start <= pos < p.end and p.serves]
        for s, e, ref in get_gazetteer().find_all(self.text[max(0, pos - 80): pos + 80]):
            base = max(0, pos - 80)
            key = self.party_of_ref(ref)
            if key and ref.kind != "place" and base + s <= pos < base + e:
                found.append(key)
        return list(dict.fromkeys(found))

    def host_state(self) -> str | None:
        """The state of the first place named as a venue ("s'est ouverte ... à Dubaï")."""
        for s, _e, ref in get_gazetteer().find_all(self.text):
            if ref.kind != "place" or not ref.state:
                continue
            before = self.text[max(0, s - 20): s].split()
            if before and fold(before[-1].strip("(\"'“«")) in self.venue_words:
                return str(ref.state)
        return None

    def org_anaphor(self, phrase: str, pos: int, lexicon: Lexicon, full_names: bool = False,
                    exclude: frozenset[str] = frozenset()) -> str | None:
        """A definite description of a body named before: "the agency" -> the Japan International
        Cooperation Agency, "the bloc" -> the last alliance or body named, "la Banque" -> the bank.
        `full_names`: only a body named before by a longer name holding the noun ("the
        Commission" -> the European Commission), not the last body of a generic noun.
        `exclude`: bodies that are not an answer (the short form's own reading)."""
        words = _phrase_words(phrase)
        dets = {fold(w) for w in lexicon.words.get("definite_determiners", ())}
        relatives = {fold(w) for w in lexicon.words.get("relative_pronouns", ())}
        cut = next((i for i, w in enumerate(words) if i >= 2 and w in relatives), None)
        if cut is not None:
            words = words[:cut]  # "the group that also includes X and Y" is "the group"
        if len(words) < 2 or len(words) > 3 or words[0] not in dets:
            return None
        noun = words[-1]
        stem = _singular(noun)
        generic = {fold(w) for w in lexicon.words.get("generic_org_nouns", ())}
        if noun not in generic and stem in generic:
            noun = stem  # "the companies agreed": the companies named before
        if noun not in generic and len(words) == 3 and words[1] in generic:
            noun = stem = words[1]  # « l'entreprise dubaïote »: French puts the adjective after the noun
        best: tuple[int, str] | None = None
        named = self.orgs + [(b.start, b.end, b.serves or b.key, (self.text[b.start:b.end],)) for b in self.bodies]
        for s, _e, key, names in named:
            if s >= pos or key in exclude:
                continue
            name_words = {w for n in names for w in re.findall(r"[\w'-]+", fold(n))}
            if full_names:
                longer = any(len(re.findall(r"[\w'-]+", n)) >= 2 for n in names)
                named_so = longer and (stem in name_words or noun in name_words)
            else:
                named_so = stem in name_words or noun in name_words or noun in generic
            if named_so and (best is None or s > best[0]):
                best = (s, key)
        return best[1] if best else None

    def company_anaphor(self, phrase: str, pos: int, lexicon: Lexicon, window: int = 1500) -> str | None:
        """A company described by where it is from: "the Taiwan-based company", "the Chinese
        firm", « l'entreprise chinoise » -> the last company named before, within `window`
        characters (data: described_company_nouns). Why not the state the words name: a news
        report says "the Taiwan-based company" of the company it is about, not of Taiwan; with
        no company named before, the caller keeps the state."""
        words = _phrase_words(phrase)
        dets = {fold(w) for w in lexicon.words.get("definite_determiners", ())}
        nouns = {fold(w) for w in lexicon.words.get("described_company_nouns", ())}
        if not 3 <= len(words) <= 4 or words[0] not in dets or not (
                {_singular(words[1]), _singular(words[-1])} & nouns):
            return None
        best: tuple[int, str] | None = None
        for b in self.bodies:
            if b.key.startswith("org:") and pos - window <= b.start < pos and (best is None or b.start > best[0]):
                best = (b.start, b.key)
        return best[1] if best else None

    def state_anaphor(self, phrase: str, pos: int, lexicon: Lexicon, window: int = 600) -> str | None:
        """A definite description of a state: "the country", "ce pays" -> the last state named
        as a doer in the `window` characters before: by its name, its capital or a person who
        serves it ("the Biden administration"), not as an adjective ("le fonds ghanéen"), an
        owner ("Ghana's fund") or after a preposition ("aid to Ghana", data: oblique_prepositions)."""
        words = _phrase_words(phrase)
        dets = {fold(w) for w in lexicon.words.get("definite_determiners", ())}
        nouns = {fold(w) for w in lexicon.words.get("generic_state_nouns", ())}
        if len(words) != 2 or words[0] not in dets or words[1] not in nouns:
            return None
        for reach in dict.fromkeys((window, pos)):
            # the last state named within the window; else, further back, the last one in the
            # text before ("les autorités" after a long paragraph on figures)
            found = self._last_doer_state(max(0, pos - reach), pos, lexicon)
            if found:
                return found
        return None

    def _last_doer_state(self, base: int, pos: int, lexicon: Lexicon) -> str | None:
        """The last state named as a doer between `base` and `pos` (see `state_anaphor`)."""
        oblique = {fold(w) for w in lexicon.words.get("oblique_prepositions", ())}
        owned = {fold(w) for w in lexicon.words.get("possessive_determiners", ())}
        best: tuple[int, str] | None = None
        for s, e, ref, form in get_gazetteer().matches(self.text[base:pos]):
            key = self.party_of_ref(ref) if ref.kind in ("state", "place") else None
            surface = self.text[base + s: base + e]
            before = re.findall(r"[\w'’-]+", fold(self.text[max(0, base + s - 20): base + s]))
            before_word = before[-1] if before else ""
            # an adjective after a possessive names whose things, not a doer ("its Norwegian lenders")
            if (not key or (form == "adjective" and before_word in owned) or surface[:1].islower()
                    or self.text[base + e: base + e + 2] in ("'s", "’s") or before_word in oblique):
                continue
            if best is None or base + s > best[0]:
                best = (base + s, key)
        for p in self.persons:  # "the Biden administration announced ... The administration also promised"
            before = re.findall(r"[\w'’-]+", fold(self.text[max(0, p.start - 20): p.start]))
            if (p.serves and base <= p.start and p.end <= pos and not (before and before[-1] in oblique)
                    and (best is None or p.start > best[0])):
                best = (p.start, p.serves)
        return best[1] if best else None

    def speaker_before(self, pos: int, window: int = 1500) -> str | None:
        """The state of the last person named before `pos` (resolves "il a promis")."""
        best = None
        for p in self.persons:
            if p.serves and p.end <= pos and pos - p.end <= window and (best is None or p.end > best.end):
                best = p
        return best.serves if best else None

    def speaker_in(self, start: int, end: int) -> str | None:
        """The state of a person named in a range (a quote's attribution)."""
        for p in self.persons:
            if p.serves and p.start >= start and p.end <= end:
                return p.serves
        return None


_ELIDED_ARTICLE = re.compile(r"^([a-z])'")
_LOOKAHEAD = 6  # characters a name is read with past a range's end (named_parties)


def _singular(noun: str) -> str:
    """A folded noun's singular, for matching word lists: "companies" -> "company", "firms" ->
    "firm", « entreprises » -> « entreprise » (short words and "-ss" kept)."""
    if noun.endswith("ies") and len(noun) > 5:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 4:
        return noun[:-1]
    return noun


def _phrase_words(phrase: str) -> list[str]:
    """The folded words of a subject phrase, an elided article apart ("l'Union" -> "l'", "union")."""
    return re.findall(r"[\w'-]+", _ELIDED_ARTICLE.sub(r"\1' ", fold(phrase)))


def _attr(obj: Any, *names: str) -> Any:
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def build_context(text: str, mentions: list[Any] | None, lexicon: Lexicon) -> ActorContext:
    """Collect persons (with the state they serve) and the article's main parties.

    Main parties: the states and alliances named at least twice, most named first — the
    parties of the article's meeting or communiqué, to whom list items and "les parties"
    refer.
    """
    persons: list[PersonMention] = []
    bodies: list[PersonMention] = []
    serves_by_key: dict[str, str] = {}
    meeting_words = {fold(w) for w in lexicon.words.get("meeting_name_words", ())}
    # a house style that capitalises the state's own organs ("Government", "the Treasury" is a name)
    generic = {fold(w) for w in (*lexicon.words.get("generic_state_nouns", ()), "the", "le", "la", "l'")}
    for m in mentions or []:
        kind = _attr(m, "kind")
        key = _attr(m, "key", "actor_key")
        if kind == "organization" and key and str(key).startswith("org:"):
            start, end = int(_attr(m, "start") or 0), int(_attr(m, "end") or 0)
            leader = leader_of(str(_attr(m, "name", "surface") or ""))
            if leader is not None:  # the model took an office holder for a body ("Von der Leyen said")
                persons.append(PersonMention(start, end, key, leader.serves))
                continue
            name_words = set(fold(str(_attr(m, "name", "surface") or "")).replace("-", " ").split())
            if name_words & meeting_words:
                continue  # "the next IAFS (India-Africa Forum Summit) will be held": a meeting, not a party
            if name_words and name_words <= generic:
                continue  # "Government disbursed US$3.1 million": the state named before, not a body
            bodies.append(PersonMention(start, end, key, None))
            continue
        if kind != "person" or key is None:
            continue
        serves = _attr(m, "serves")
        if serves:
            serves_by_key.setdefault(key, serves)
        persons.append(PersonMention(int(_attr(m, "start") or 0), int(_attr(m, "end") or 0), key, serves))
    for p in persons:
        if not p.serves:
            p.serves = serves_by_key.get(p.key)
    matches = get_gazetteer().find_all(text)
    named_bodies = {ref.key for _s, _e, ref in matches if ref.kind != "place"}
    # a company the gazetteer gives a state acts for that state (as when named as a subject)
    orgs = [
        (s, e, getattr(ref, "state", None) or ref.key,
         tuple(n for n in (text[s:e], ref.name, getattr(ref, "name_en", None)) if n))
        for s, e, ref in matches
        if ref.kind in ("organization", "alliance") and not getattr(ref, "is_outlet", False) and ref.sub != "outlet"
    ]
    ctx = ActorContext(
        text=text, persons=persons, bodies=bodies, orgs=orgs,
        venue_words=frozenset(fold(w) for w in lexicon.words.get("venue_prepositions", frozenset())),
        seats={name: body for name, body in lexicon.seats.items() if body in named_bodies},
        exclusion_words=frozenset(lexicon.words["exclusion_words"]),
        company_words=frozenset(fold(w) for w in lexicon.words.get("company_head_words", ())),
        owners=get_gazetteer().short_name_owners(text, matches),
    )
    counts: Counter[str] = Counter()
    # international bodies (ECOWAS, the AU) are parties of their stories; companies, outlets
    # and armed groups are not counted (a state company counts through its state's own name)
    not_parties = {ref.key for _s, _e, ref in matches if ref.kind == "organization" and ref.sub != "body"}
    for _s, key in ctx.named_parties(0, len(text)):
        if key not in not_parties:
            counts[key] += 1
    for p in persons:
        if p.serves:
            counts[p.serves] += 1
    # a company brought in by its nationality stands for its state, whether the reader took it
    # for a body or for a person, when that state is a party of the article (named twice at
    # least: "France's Alstom" ... "financing agreements with France"); « le Ghana a choisi
    # l'entreprise norvégienne Veltra » makes Norway no party
    nationality = {name: told for name, told in _nationalities(text, matches, lexicon).items()
                   if counts[told[0]] >= 2}
    for b in [*bodies, *persons]:
        b.serves = b.serves or nationality.get(fold(text[b.start:b.end]), (None, ""))[0]
    bodies += _companies(text, nationality, [*bodies, *persons])
    ranked = [k for k, n in counts.most_common() if n >= 2]
    ctx.main_parties = ranked[:4] or [k for k, _ in counts.most_common(2)]
    ctx.named_once = [k for k, n in counts.items() if n < 2 and k not in ctx.main_parties]
    ctx.groups = _groups(ctx, lexicon)
    ctx.receiver_before = _receiver_before(lexicon.words.get("receiver_prepositions", frozenset()))
    if ctx.receiver_before is not None:
        ctx.received = Counter(ctx.receivers_in(0, len(text)))
    return ctx


_NAME = r"[A-Z][\w&.’'-]*(?:[^\S\n]+(?:[A-Z][\w&.’'-]*|y|de|del|da|di|van|von))*"


def _nationalities(text: str, matches: list, lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """Folded company name -> (state, name as written), for each company the article brings in by its nationality:
    "France's Alstom", "the Chinese firm CRBC", "Spain's Construcciones y Auxiliar de
    Ferrocarriles (CAF)", « le français Alstom », « la société française Veolia » (data:
    nationality_nouns; `matches`: the gazetteer's names in the text).

    Why: an article names a company's country once, where it first brings it in, and then only
    the company ("Under the deal, Alstom will supply Morocco with 18 trains"); the pledge is
    that country's in the partnership the article reports. Read from the text rather than from
    the reader's entities, which often take a company for a person or a place."""
    nouns = "|".join(re.escape(w) for w in sorted(lexicon.words.get("nationality_nouns", ())))
    if not nouns:
        return {}
    named = rf"(?P<name>{_NAME})(?:[^\S\n]*\((?P<short>[A-Z][A-Za-z0-9&-]{{1,9}})\))?"
    after_name = re.compile(r"[^\S\n]+([a-z]+)")
    things = {fold(w) for w in lexicon.words.get("named_thing_nouns", ())}
    crafted = {fold(w) for w in lexicon.words.get("state_craft_nouns", ())}
    possessive = re.compile(rf"['’]s[^\S\n]+{named}")
    after_noun = re.compile(
        rf"[^\S\n]+(?i:(?:state-owned|state|national|private|public)[^\S\n]+)?(?i:{nouns})[^\S\n]+{named}")
    demonym = re.compile(rf"[^\S\n]+{named}")
    crafts = "|".join(re.escape(w) for w in sorted(lexicon.words.get("state_craft_nouns", ())))
    # a named vessel or mission of the state's: "Türkiye's seismic exploration vessel, Oruc Reis",
    # "the Turkish research vessel Oruc Reis" (it acts for its state, as a state's company does)
    craft = (re.compile(rf"(?:['’]s)?[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){{0,3}}(?i:{crafts}),?[^\S\n]+{named}")
             if crafts else None)
    craft_before = re.compile(rf"(?:^|\s)(?:{crafts})(?:\s+[^\W\d_]+){{0,2}}\s+$", re.IGNORECASE) if crafts else None
    article = re.compile(rf"(?:^|\s)(?:le|la|du|au|l['’])\s*(?:(?:{nouns})\s+)?$", re.IGNORECASE)
    noun_before = re.compile(rf"(?:^|\s)(?:{nouns})\s+$", re.IGNORECASE)
    found: dict[str, tuple[str, str]] = {}
    for s, e, ref in matches:
        if ref.kind != "state":
            continue
        m = after_noun.match(text, e)
        if m is None:
            m = possessive.match(text, e)
            nxt = after_name.match(text, m.end()) if m else None
            if nxt and fold(nxt.group(1)) in things and fold(nxt.group(1)) not in crafted:
                m = None  # "Kenya's Lamu port": a thing of the state's, not a company
        if m is None and craft is not None:
            m = craft.match(text, e)
        if m is None and text[s:e].islower():
            before = text[max(0, s - 30):s]  # « le français Alstom »: a demonym, after an article
            if article.search(before) or noun_before.search(before) or (
                    craft_before is not None and craft_before.search(before)):  # « le navire sismique turc Oruç Reis »
                m = demonym.match(text, e)
        if m is None:
            continue
        state = ref.code or ref.key
        # the name ends with its sentence ("... Oruç Reis. La Turquie ..."), an initial's dot aside
        name = re.split(r"(?<=\w\w)\.[^\S\n]+", m.group("name"))[0]
        name = re.sub(r"(?:\s+(?:y|de|del|da|di|van|von))+$", "", name)
        if any(r.kind in ("state", "place") for _s, _e, r in get_gazetteer().find_all(name)):
            continue  # "Kenya's Mombasa", « le Mali Sahel »: a place, not a company
        found.setdefault(fold(name), (state, name))
        if m.group("short"):
            found.setdefault(fold(m.group("short")), (state, m.group("short")))
    return found


def _groups(ctx: ActorContext, lexicon: Lexicon) -> dict[str, list[str]]:
    """The groups the article defines by their members: "Chaired by the UK, IPG comprises
    France, Germany, the UK, the US and the EU", "Initially comprising France, Germany, ...,
    the IPG was expanded", « le G5, qui regroupe le Mali, le Niger et le Tchad » (data:
    membership_verbs). Why: a pledge of the group is its members' pledge, and another report
    names the members, not the group."""
    verbs = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(lexicon.words.get("membership_verbs", ()), key=len, reverse=True))
    if not verbs:
        return {}
    text = ctx.text
    name = r"(?P<acr>[A-Z][A-Z0-9][A-Za-z0-9]{0,6})"  # an acronym: "IPG", "G5", "UKEF"
    after = re.compile(rf"\b{name}(?:\)|,)?(?:\s+(?:which|that|qui|now|initially|currently|then))*\s+(?:{verbs})\s+"
                       rf"(?P<list>[^.;\n]{{3,200}})")
    before = re.compile(rf"\b(?:{verbs})\s+(?P<list>[^.;\n]{{3,200}}?),\s+(?:the\s+|l[ae]\s+|l['’])?{name}\b")
    found: dict[str, list[str]] = {}
    for pattern in (after, before):
        for m in pattern.finditer(text):
            acr = m.group("acr")
            lo = m.start("list")
            members = [k for _s, k in ctx.named_parties(lo, m.end("list"), places=False)]
            members = list(dict.fromkeys(k for k in members if not k.startswith("org:")))
            if len(members) >= 2:
                found.setdefault("org:" + slug(acr), members)
    return found


def _companies(text: str, nationality: dict[str, tuple[str, str]],
               taken: list[PersonMention]) -> list[PersonMention]:
    """Every place the article writes a company `_nationalities` found, that no entity of the
    reader covers ("Under the deal, Alstom will supply ...", where the model saw no name)."""
    out = []
    for state, name in nationality.values():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(t.start < m.end() and m.start() < t.end for t in taken):
                out.append(PersonMention(m.start(), m.end(), "org:" + slug(name), state))
    return out


@cache
def _receiver_before(words: frozenset[str]) -> re.Pattern[str] | None:
    """A receiver's preposition (and article) ending a text: compiled once per word list."""
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words))
    return re.compile(rf"\b(?:{alternation})\s+(?:the\s+|l[ae]\s+|l['’]\s*|les\s+)?$", re.IGNORECASE)


def is_party_phrase(phrase: str, lexicon: Lexicon) -> bool:
    """Whether a subject like "les deux parties" means the article's main parties."""
    folded = fold(phrase)
    if any(fold(w) in folded for w in lexicon.phrases.get("party_words", ())):
        return True
    if folded.strip(" ,") in {fold(w) for w in lexicon.phrases.get("party_whole_subjects", ())}:
        return True  # "leaders have pledged": the bare noun is the whole subject
    # "the four governments", "the three Sahel nations", "les trois pays concernés"
    words = re.findall(r"[\w'-]+", folded)
    counts = {fold(w) for w in lexicon.words.get("party_counts", ())}
    groups = {fold(w) for w in lexicon.words.get("party_group_nouns", ())}
    return any(w in counts and groups & set(words[i + 1: i + 3]) for i, w in enumerate(words))


def is_pronoun(phrase: str) -> bool:
    return fold(phrase).strip(" ,") in PRONOUNS
