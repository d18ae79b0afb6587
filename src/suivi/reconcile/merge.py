"""Merged commitments: each commitment mention joins an existing commitment or opens one.

Why these signals: rewrites by different outlets share almost no shingles, so the action is
compared by multilingual sentence vectors (a French pledge and its English translation land
close) plus a small bonus for shared content-word stems; parties must agree (same agent set
and same beneficiary set, an unknown side matching anything); a headline pledge joins the
body statement of its own article it summarises; items of one list are distinct by
construction. Mentions are processed in a fixed order (publication, article, position) and
a commitment's key comes from its first mention's natural key (article content hash + span),
so a re-run reproduces both the grouping and the keys analysts' decisions are stored under.

Why action families: vectors of two pledges of the same parties in one story ("train forty
pilots" vs "deliver six drones") are close (~0.5), so similarity alone over-merges; the act
each mention names (data/reconcile/actions/{fr,en}.yaml) separates them, and the content words
of the objects separate two deliveries of different things in one article. Why loose party
agreement: outlets disagree on who the agent is (the granting body vs the states concerned),
so within one story the same deadline year, overlapping parties and a close action are
enough; the same event (same act, place and deadline) may also carry different sectors.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

import numpy as np
from sqlalchemy import Connection

from suivi.extract.action import content_words
from suivi.reconcile.amounts import Amount, shared
from suivi.reconcile.amounts import amounts as find_amounts
from suivi.reconcile.settings import action_families, settings
from suivi.reconcile.vectors import embed, keep, recall
from suivi.store import commitments as commitment_store
from suivi.store import stories as story_store
from suivi.store.articles import iter_articles

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBERED = re.compile(r"^[\"“«(]?\(?(?:\d{1,2}|[a-z])[.)]\s")  # "1. ", "(2) ", "a) ", "“b) "


@dataclass
class MentionItem:
    """A commitment mention with what merging compares."""

    id: int
    article_id: int
    story_id: int | None
    text: str
    agents: frozenset[str]
    beneficiaries: frozenset[str]
    sector: str | None
    start: int
    end: int
    list_id: int | None = None
    headline: bool = False
    vector: np.ndarray | None = None
    stems: frozenset[str] = frozenset()
    lang: str | None = None
    deadline: str | None = None
    action: str | None = None
    deadline_precision: str | None = None  # "day", "month", "year" ...
    families: frozenset[str] | None = None  # computed from the text when None
    objects: frozenset[str] | None = None  # content stems of the action: what the act is about
    places: frozenset[str] = frozenset()
    amounts: tuple[Amount, ...] | None = None  # sums of money stated in the mention
    described: bool = False  # describe() has filled the fields above (they may be empty)
    sentence: int | None = None  # offset of the sentence it sits in (two statements of one sentence differ)


@dataclass
class Group:
    """A commitment being built: its mentions, in the order they joined."""

    story_id: int | None
    items: list[MentionItem] = field(default_factory=list)
    commitment_id: int | None = None
    absorbed: list[Group] = field(default_factory=list)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def stems(text: str) -> frozenset[str]:
    n = settings()["merge"]["stem_chars"]
    return frozenset(w[:n] for w in _WORD.findall(_fold(text)) if len(w) >= n)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _is_item(line: str) -> bool:
    stripped = line.strip()
    bullets = settings()["merge"]["list_bullets"]
    return bool(stripped) and (any(stripped.startswith(b) for b in bullets) or bool(_NUMBERED.match(stripped)))


def list_id(text: str, pos: int) -> int | None:
    """Offset of the list a position sits in (its intro line or first item), None if no list."""
    start, end = _line_bounds(text, pos)
    line = text[start:end]
    intros = tuple(settings()["merge"]["list_intro_endings"])
    if not _is_item(line):
        prev_end = start - 1
        if prev_end <= 0:
            return None
        ps, _pe = _line_bounds(text, prev_end - 1 if text[prev_end - 1] == "\n" else prev_end)
        prev = text[ps:prev_end].strip()
        return ps if prev.endswith(intros) and len(line) < 200 else None
    first = start
    while first > 0:
        ps, pe = _line_bounds(text, first - 1)
        prev = text[ps:pe]
        if not prev.strip():
            break
        if _is_item(prev) or prev.strip().endswith(intros):
            first = ps
            if prev.strip().endswith(intros):
                break
        else:
            break
    return first


def is_headline(text: str, title: str | None, start: int, evidence: str) -> bool:
    """Whether a mention is (in) the article's headline."""
    if not title:
        return False
    t = " ".join(_fold(title).split())
    e = " ".join(_fold(evidence).split())
    first_line_end = text.find("\n")
    in_first_line = 0 <= start < (first_line_end if first_line_end >= 0 else 0) and t in _fold(text[:first_line_end])
    return in_first_line or (len(e) > 10 and e in t)


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text).replace("-", " "))


_descriptions: OrderedDict[tuple, tuple] = OrderedDict()
_DESCRIPTIONS_MAX = 10_000
"""Descriptions of mentions already compared, by (id, text, action, language): the mentions of
a story's commitments are compared again at every new article of the story, and describing
them (a gazetteer scan, sums, stems) was most of the writer's time once the store held a few
thousand articles. Ten thousand cover the stories a segment touches (about 1.7 KB each: 50,000
held 85 MB of the writer at 10k articles)."""


def describe(item: MentionItem) -> None:
    """Fill what the action tests need: stems, action families, object stems, places.

    Once per item: merging tests every pair of a story's mentions, and a mention with no
    place or no stem would otherwise be re-read (a gazetteer scan) at every pair."""
    if item.described:
        return
    fresh = (not item.stems and item.families is None and item.objects is None and not item.places
             and item.amounts is None)
    key = (item.id, item.text, item.action, item.lang) if fresh else None
    known = _descriptions.get(key) if key else None
    if known is not None:
        item.stems, item.families, item.objects, item.places, item.amounts = known
        item.described = True
        return
    fams = action_families(item.lang or "fr")
    if not item.stems:
        item.stems = stems(item.text)
    if item.families is None:
        item.families = fams.of(_action_window(item.text, item.action))
    if item.objects is None:
        n = settings()["merge"]["stem_chars"]
        item.objects = frozenset(
            w[:n]
            for w in _words(" ".join(content_words(item.action or "")))
            if len(w) >= n and not w.isdigit() and w not in fams.head_skip and not fams.of([w]) and not _named(w)
        )
    if not item.places:
        item.places = _places(item.text)
    if item.amounts is None:
        item.amounts = tuple(find_amounts(item.text, item.lang))
    item.described = True
    if key is None:
        return
    _descriptions[key] = (item.stems, item.families, item.objects, item.places, item.amounts)
    if len(_descriptions) > _DESCRIPTIONS_MAX:
        _descriptions.popitem(last=False)


def act_families(text: str, action: str | None, lang: str | None) -> frozenset[str]:
    """The action families (deliver, visit, finance ...) a statement names, read in the words
    that state its act (see `_action_window`): a concept shared across languages."""
    return action_families(lang or "fr").of(_action_window(text, action))


def _action_window(text: str, action: str | None) -> list[str]:
    """The words of the mention that state the act: from just before the first word of the
    extraction stage's action (its verb and object lemmas) to its last one. Why: evidence
    sentences carry reporting tails ("..., he told a news conference") whose nouns are not
    the pledge; without an action the whole text is used."""
    words = _words(text)
    keys = {w[:5] for w in _words(" ".join(content_words(action or ""))) if len(w) >= 4}
    hits = [k for k, w in enumerate(words) if len(w) >= 4 and w[:5] in keys]
    if not hits:
        return words
    return words[max(0, hits[0] - 3) : hits[-1] + 1]


def _refs(text: str) -> list[str]:
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return []
    return [ref.key for _s, _e, ref in get_gazetteer().find_all(text)]


def _places(text: str) -> frozenset[str]:
    return frozenset(k for k in _refs(text) if k.startswith("place:"))


def _same_venue(a: MentionItem, b: MentionItem) -> bool:
    """The same place, or a city in one and its state in the other ("à Luanda" / "en Angola")."""
    if a.places & b.places:
        return True
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return False
    gaz = get_gazetteer()

    def city_states(item: MentionItem) -> set[str]:
        refs = (gaz.get(k) for k in item.places)
        return {r.state for r in refs if r is not None and r.state}

    return bool(city_states(a) & set(_refs(b.text)) or city_states(b) & set(_refs(a.text)))


@cache
def _named(word: str) -> bool:
    """A state, place or body name (the parties, not the thing the act is about)."""
    return bool(_refs(word.title()))


def _related(fa: frozenset[str], fb: frozenset[str]) -> bool:
    if fa & fb:
        return True
    return any(fa & set(g) and fb & set(g) for g in settings()["merge"]["related_actions"])


def actions_conflict(a: MentionItem, b: MentionItem) -> bool:
    """Both name an act and the acts differ (train vs deliver); or, in one article, the same
    act on different things (deliver drones vs deliver trucks): no content word of one
    action in the other sentence. A mention naming no act conflicts with nothing."""
    describe(a)
    describe(b)
    fa, fb = a.families or frozenset(), b.families or frozenset()
    if fa and fb and not _related(fa, fb) and not ("finance" in fa | fb and same_sum(a, b)):
        return True  # a sum "delivered" or "disbursed" is the sum financed, not another act
    same_article = a.article_id == b.article_id and not a.headline and not b.headline
    if not (same_article and len(fa) == 1 and fa == fb and a.objects and b.objects):
        return False
    return not (a.objects & b.objects or a.objects & b.stems or b.objects & a.stems)


def _same_year(a: MentionItem, b: MentionItem) -> bool:
    return bool(a.deadline and b.deadline and a.deadline[:4] == b.deadline[:4])


def same_sum(a: MentionItem, b: MentionItem) -> bool:
    """Both state a sum of money, and one sum is the same ("$55 billion" / "55 milliards")."""
    describe(a)
    describe(b)
    return bool(a.amounts and b.amounts and shared(list(a.amounts), list(b.amounts)))


def sums_conflict(a: MentionItem, b: MentionItem) -> bool:
    """Both state sums in a common currency and none is the same: two pledges (EUR 150
    billion for Africa vs EUR 300 billion worldwide; $55 billion vs $2 billion for food
    security). Sums only in different currencies cannot be compared ("360 milliards de yuans"
    and "plus de 50 milliards de dollars" are one pledge told in two currencies)."""
    describe(a)
    describe(b)
    if not (a.amounts and b.amounts) or same_sum(a, b):
        return False
    mine = {x.currency for x in a.amounts}
    theirs = {x.currency for x in b.amounts}
    return bool(mine & theirs) or None in mine or None in theirs


@cache
def _state_of_body(code: str) -> str | None:
    """The state a national body belongs to (JICA -> JPN, USAID -> USA), from the gazetteer;
    None for states, alliances and international bodies."""
    from suivi.read.gazetteer import get_gazetteer

    ref = get_gazetteer().get(code)
    if ref is None or ref.kind != "organization" or ref.sub != "body":
        return None
    return ref.state


@lru_cache(maxsize=4096)
def with_states(codes: frozenset[str]) -> frozenset[str]:
    """Parties with the state of each national body among them: one outlet names the agency
    ("JICA will assign ..."), another its government ("Japan will designate ..."); the same
    giver. Alliances are not widened to their members: an alliance's pledge is not each
    member's."""
    extra = {st for c in codes if (st := _state_of_body(c))}
    return codes | extra if extra else codes


def agreement(a: MentionItem, b: MentionItem, *, checked: bool = False) -> str | None:
    """ "strict" when parties and sector agree, "loose" when only a shared deadline and
    overlapping parties (or the same anchored event) hold them together, None otherwise.

    Strict: the agents share someone (an unknown side matches anything) and the sets of all
    parties (agents and beneficiaries) mostly coincide: outlets split one pledge differently
    ("Russia and the AES agree..." vs "Russia will help the AES"), but a pledge to one state
    and a pledge to three are different pledges; same sector when both are known.
    Loose (one story only): the agents disagree (one outlet names the granting body, another
    inverts it) but the parties overlap and the deadline year is the same; or the same act
    at the same place by the same deadline (a summit) told with a different sector.
    `checked`: the caller already found no hard conflict (`_hard_conflict`) between them.
    """
    if not checked:
        if a.article_id == b.article_id and a.list_id is not None and a.list_id == b.list_id:
            return None
        if actions_conflict(a, b) or sums_conflict(a, b):
            return None
    ga, gb = with_states(a.agents), with_states(b.agents)
    pa, pb = ga | a.beneficiaries, gb | b.beneficiaries
    agents_ok = not (ga and gb and not ga & gb)
    known = a.beneficiaries and b.beneficiaries  # an unstated beneficiary is unknown, not "nobody"
    parties_ok = agents_ok and not (known and len(pa & pb) / len(pa | pb) < settings()["merge"]["party_jaccard"]
                                    and not _named_among(a.beneficiaries, b.beneficiaries))
    sector_ok = not (a.sector and b.sector and a.sector != b.sector)
    if parties_ok and sector_ok:
        return "strict"
    money = same_sum(a, b)
    if agents_ok and money:
        return "strict"  # the same sum from the same giver: beneficiaries and sector are the noisy part
    if a.story_id is None or a.story_id != b.story_id or not (_same_year(a, b) or money):
        return None
    overlap = not pa or not pb or bool(pa & pb)
    anchored = bool((a.families or set()) & (b.families or set())) and (
        (a.deadline == b.deadline and bool(a.places & b.places))
        or (_on_a_day(a) and _on_a_day(b) and _same_date(a, b) and _same_venue(a, b))
    )
    if overlap and (sector_ok or anchored):
        return "loose"
    return None


def _named_among(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Some of the same receivers: one report names three of the six ("à six pays africains,
    parmi lesquels le Burkina Faso, le Mali et la Centrafrique"), the other all six. Three at
    least: a pledge to one state is not a pledge to that state and two others."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= settings()["merge"]["receivers_named_among"] and small <= big


def compatible(a: MentionItem, b: MentionItem) -> bool:
    """Whether two mentions may state the same pledge (see `agreement`)."""
    return agreement(a, b) is not None


def pair_score(a: MentionItem, b: MentionItem) -> float:
    """Cosine of the action vectors plus the shared-stem bonus."""
    cos = float(a.vector @ b.vector) if a.vector is not None and b.vector is not None else 0.0
    small = min(len(a.stems), len(b.stems))
    lexical = len(a.stems & b.stems) / small if small else 0.0
    cfg = settings()["merge"]
    return cos + cfg["lexical_weight"] * lexical + (cfg["same_sum_bonus"] if same_sum(a, b) else 0.0)


def needed_score(a: MentionItem, b: MentionItem, level: str) -> float:
    """The score a pair needs. Within a story, two mentions naming the same act by the same
    deadline need less similarity: the act and the date agree, only the wording differs
    ("a second session in 2026" vs "a second round of talks will be held in 2026")."""
    cfg = settings()["merge"]
    if a.story_id != b.story_id:
        # the same giver and the same sum stand in for the same event: the wording then needs
        # what it needs within a story (the sum's bonus is not counted twice)
        if level == "strict" and same_sum(a, b):
            return cfg["story_threshold"] + cfg["same_sum_bonus"]
        ga, gb = with_states(a.agents), with_states(b.agents)
        givers = ga and gb and (ga <= gb or gb <= ga)
        if level == "strict" and givers and a.families and a.families == b.families:
            # the same giver naming the same act (a visit promised, then rescheduled)
            return cfg["cross_story_threshold"] - cfg["cross_story_same_act_bonus"]
        return cfg["cross_story_threshold"]
    need = cfg["loose_threshold"] if level == "loose" else cfg["story_threshold"]
    if a.deadline and _same_date(a, b) and (a.families or set()) & (b.families or set()):
        need -= cfg["same_act_and_deadline_bonus"]
        if _on_a_day(a) and _on_a_day(b) and _same_venue(a, b):
            # the same act at the same place on the same day ("se rendre à Luanda" / "will travel
            # to Luanda" on 15 October): one planned event, however differently worded
            need -= cfg["same_place_and_day_bonus"]
    return need


def _same_date(a: MentionItem, b: MentionItem) -> bool:
    """The same deadline, or two stated days a few days apart (settings days_apart_same_date):
    one report gives a trip's first day, another its last."""
    if a.deadline == b.deadline:
        return True
    if not (_on_a_day(a) and _on_a_day(b)):
        return False
    try:
        gap = abs((date.fromisoformat(a.deadline or "") - date.fromisoformat(b.deadline or "")).days)
    except ValueError:
        return False
    return gap <= settings()["merge"].get("days_apart_same_date", 0)


def _on_a_day(item: MentionItem) -> bool:
    """The deadline is a stated day, or the last day of a stated range ("du 13 au 15
    octobre"); not the last day of a year or month standing for "this year"."""
    return item.deadline_precision in ("day", "interval") and len(item.deadline or "") == 10


def _hard_conflict(a: MentionItem, b: MentionItem) -> bool:
    """Two items of one list, two different acts, or two different sums: never one pledge."""
    same_list = a.article_id == b.article_id and a.list_id is not None and a.list_id == b.list_id
    # the extraction cut one sentence into two statements ("facilitera les exportations et
    # poursuivra la mise en œuvre des dix actions"): two pledges, never one
    same_sentence = (a.article_id == b.article_id and a.sentence is not None and a.sentence == b.sentence
                     and (a.start, a.end) != (b.start, b.end))
    return same_list or same_sentence or actions_conflict(a, b) or sums_conflict(a, b)


def _group_score(item: MentionItem, group: Group) -> float:
    """Best pair margin (score minus the pair's threshold) with the group's mentions that
    agree with the item; -inf when it conflicts with any of them (list, act, sum) or agrees
    with none. Why not agreement with every member: outlets and extraction give one pledge
    different parties (the speaker's host as agent, say), and the group already holds them
    together; a hard conflict still keeps two pledges apart."""
    best = float("-inf")
    for other in group.items:
        if _hard_conflict(item, other):
            return float("-inf")
    for other in group.items:
        level = agreement(item, other, checked=True)
        if level is not None:
            best = max(best, pair_score(item, other) - needed_score(item, other, level))
    return best


def assign(items: list[MentionItem], groups: list[Group]) -> list[Group]:
    """Place each item (already in processing order) in a group; returns every group.

    Body statements go first within an article, then its headline pledges, which join the
    closest compatible body statement of their own article when close enough.
    """
    cfg = settings()["merge"]
    # the stored groups' mentions too: read back from the store they carry no vector, and a
    # pair without vectors scores on shared stems alone, so a pledge reported again in a later
    # run (or segment) stayed apart from the one it restates
    missing = [i for i in (*items, *(o for g in groups for o in g.items)) if i.vector is None]
    if missing:
        for item, vec in zip(missing, embed([i.text for i in missing]), strict=True):
            item.vector = vec
    for item in items:
        describe(item)
    rank: dict[int, int] = {}
    for item in items:
        rank.setdefault(item.article_id, len(rank))
    ordered = sorted(items, key=lambda i: (rank[i.article_id], i.headline, i.start, i.id))
    keys = _GroupKeys(groups)
    for item in ordered:
        best: tuple[float, Group] | None = None
        candidates = keys.candidates(item, groups)
        if item.headline:
            for g in candidates:
                own = [o for o in g.items if o.article_id == item.article_id and not o.headline]
                if own and _group_score(item, g) > float("-inf"):
                    s = max(pair_score(item, o) for o in own)
                    if s >= cfg["headline_threshold"] and (best is None or s > best[0]):
                        best = (s, g)
        if best is not None:
            best[1].items.append(item)
            keys.add(best[1], item)
            continue
        hits = []
        for g in candidates:
            s = _group_score(item, g)
            if s >= 0:
                hits.append((s, g))
        if not hits:
            groups.append(Group(item.story_id, [item]))
            keys.add(groups[-1], item)
            continue
        hits.sort(key=lambda h: -h[0])
        target = hits[0][1]
        target.items.append(item)
        keys.add(target, item)
        # The item bridges several groups: they state one pledge (single linkage), unless
        # that would put two incompatible mentions (e.g. items of one list) together.
        for _s, other in hits[1:]:
            if all(compatible(a, b) for a in other.items for b in target.items):
                target.items.extend(other.items)
                target.absorbed.append(other)
                groups.remove(other)
                keys.absorb(target, other)
    return groups


class _GroupKeys:
    """Which groups a mention can join: those of its own story, and those of other stories
    holding a mention whose giver may be its giver (a shared agent, a national body's state,
    or an unknown side). Why this is exact: across stories only a "strict" agreement joins,
    and it needs the givers to agree (see `agreement`); a group none of whose mentions agrees
    never scores. Testing only these keeps a batch of many stories from costing the square of
    the batch."""

    def __init__(self, groups: list[Group]) -> None:
        self.story: dict[int | None, set[int]] = {}
        self.by_agent: dict[str, set[int]] = {}
        self.unknown: set[int] = set()  # groups holding a mention with no known agent
        for g in groups:
            for item in g.items:
                self.add(g, item)

    def add(self, group: Group, item: MentionItem) -> None:
        self.story.setdefault(item.story_id, set()).add(id(group))
        agents = with_states(item.agents)
        if not agents:
            self.unknown.add(id(group))
        for code in agents:
            self.by_agent.setdefault(code, set()).add(id(group))

    def absorb(self, target: Group, other: Group) -> None:
        for item in other.items:
            self.add(target, item)

    def candidates(self, item: MentionItem, groups: list[Group]) -> list[Group]:
        """The groups to test, in `groups` order (the order decides ties)."""
        agents = with_states(item.agents)
        if item.story_id is None or not agents:
            return list(groups)
        wanted = self.story.get(item.story_id, set()) | self.unknown
        for code in agents:
            wanted = wanted | self.by_agent.get(code, set())
        return [g for g in groups if id(g) in wanted]


def party_key(item: MentionItem) -> str | None:
    """ "agents|beneficiaries" of a mention with a known agent (None when the agent is unknown)."""
    if not item.agents:
        return None
    return ",".join(sorted(item.agents)) + "|" + ",".join(sorted(item.beneficiaries))


def blocking_keys(item: MentionItem) -> list[str]:
    """Keys under which other stories find this mention's commitment: its exact parties, and
    each agent with each sum it states (outlets split the parties of one pledge differently,
    but the giver and the sum stay: "the EU will mobilise EUR 150 billion")."""
    describe(item)
    keys = [k] if (k := party_key(item)) else []
    for agent in sorted(item.agents) or ["?"]:
        keys.extend(f"{agent}|{a.key()}" for a in item.amounts or ())
    return list(dict.fromkeys(keys))


def commitment_key(content_hash: str, start: int, end: int) -> str:
    """Deterministic key of a commitment: the natural key of its first mention."""
    from suivi.store.commitments import mention_key

    return mention_key(content_hash, start, end)


@cache
def _same_as_before() -> re.Pattern[str] | None:
    patterns = settings()["merge"]["same_pledge_as_before"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _antecedents(rows: list[story_store.MentionRow]) -> dict[int, story_store.MentionRow]:
    """Mentions that say they are the pledge told just before ("l'Allemagne a pris le même
    engagement", "Germany did the same"), each with the mention before it in its article.

    Why: such a mention names its giver and nothing of the act; compared by its own words it
    matches nothing, while another outlet tells the same pledge with its sum and its object."""
    pattern = _same_as_before()
    if pattern is None:
        return {}
    out: dict[int, story_store.MentionRow] = {}
    for r in rows:
        if pattern.search(r.evidence or r.sentence or ""):
            before = [o for o in rows if o.article_id == r.article_id and o.start < r.start and o.id != r.id]
            if before:
                out[r.id] = max(before, key=lambda o: o.start)
    return out


def _items_for(conn: Connection, rows: list[story_store.MentionRow]) -> list[MentionItem]:
    arts = {a.id: a for a in iter_articles(conn, sorted({r.article_id for r in rows}))}
    antecedent = _antecedents(rows)
    found = story_store.stories_of_articles(conn, list(arts))
    story_of = {aid: found.get(aid) for aid in arts}
    items = []
    for r in rows:
        a = arts[r.article_id]
        own = text = r.evidence or r.sentence
        action = r.action
        if r.id in antecedent:
            before = antecedent[r.id]
            text = f"{own} {before.evidence or before.sentence}"
            action = before.action or action
        items.append(
            MentionItem(
                r.id,
                r.article_id,
                story_of[r.article_id],
                text,
                frozenset(r.agents),
                frozenset(r.beneficiaries),
                r.sector,
                r.start,
                r.end,
                list_id(a.text, r.start),
                is_headline(a.text, a.title, r.start, own),
                lang=a.language,
                deadline=r.deadline,
                action=action,
                deadline_precision=r.deadline_precision,
                sentence=sentence_of(a.text, r.start),
            )
        )
    return items


_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”»)\]]*)\s|\n")


def sentence_of(text: str, pos: int) -> int:
    """Offset where the sentence holding `pos` starts (after the last sentence end before it)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    return start


def merge_articles(conn: Connection, article_ids: list[int]) -> int:
    """Assign the unassigned mentions of these articles; returns commitments created.

    Candidate commitments are those of the articles' stories (the blocking for merging), so
    the cost does not grow with the store.
    """
    rows = [r for r in story_store.mentions_of_articles(conn, article_ids) if r.commitment_id is None]
    if not rows:
        return 0
    arts = {a.id: a for a in iter_articles(conn, sorted({r.article_id for r in rows}))}
    order = {aid: (a.published or "", aid) for aid, a in arts.items()}
    rows.sort(key=lambda r: (order[r.article_id], r.start, r.id))
    items = _items_for(conn, rows)
    story_ids = sorted({i.story_id for i in items if i.story_id is not None})
    existing_ids = {cid for sid in story_ids for cid in story_store.commitment_ids_of_story(conn, sid)}
    # other stories' commitments with exactly the same parties, or the same giver and sum (the
    # blocking for cross-story merges)
    keys = sorted({k for i in items for k in blocking_keys(i)})
    existing_ids |= set(story_store.commitments_with_parties(conn, keys, settings()["merge"]["max_cross_story"]))
    existing_ids = sorted(existing_ids)
    existing_rows = story_store.mentions_of_commitments(
        conn, existing_ids, settings()["merge"]["max_mentions_per_commitment"]
    )
    existing_items = _items_for(conn, existing_rows)
    by_commitment: dict[int, Group] = {}
    for row, item in zip(existing_rows, existing_items, strict=True):
        cid = int(row.commitment_id)  # type: ignore[arg-type]
        by_commitment.setdefault(cid, Group(item.story_id, commitment_id=cid)).items.append(item)
    recall(conn, [i.text for i in (*items, *existing_items) if i.vector is None])
    groups = assign(items, list(by_commitment.values()))
    keep(conn, [i.text for i in (*items, *existing_items)])
    row_of = {r.id: r for r in [*rows, *existing_rows]}
    current = {r.id: r.commitment_id for r in row_of.values()}
    created = 0
    # assignments and party keys are written in batches, in the order they are decided; a
    # commitment about to be deleted first sees every write decided before it
    assigned: list[tuple[int, int]] = []
    parties: list[tuple[int, str]] = []

    def flush() -> None:
        commitment_store.assign_mentions(conn, assigned)
        story_store.add_party_keys(conn, parties)
        assigned.clear()
        parties.clear()

    for g in groups:
        absorbed = _flatten(g.absorbed)
        if not absorbed and g.commitment_id is not None and all(current[i.id] == g.commitment_id for i in g.items):
            continue
        if g.commitment_id is None:
            g.commitment_id = next((a.commitment_id for a in absorbed if a.commitment_id), None)
        if g.commitment_id is None:
            first = row_of[g.items[0].id]
            key = commitment_key(arts_of(conn, arts, first.article_id).content_hash, first.start, first.end)
            g.commitment_id = commitment_store.upsert_commitment(
                conn, key=key, agents=first.agents, beneficiaries=first.beneficiaries, action=first.action,
                sector=first.sector, deadline=first.deadline, deadline_precision=first.deadline_precision,
                recurrence=first.recurrence, modality=first.modality,
                first_reported=arts_of(conn, arts, first.article_id).published, story_id=g.story_id,
            )
            created += 1
        for i in g.items:
            if current[i.id] != g.commitment_id:
                assigned.append((i.id, g.commitment_id))
                parties.extend((g.commitment_id, key) for key in blocking_keys(i))
        for a in absorbed:
            if a.commitment_id and a.commitment_id != g.commitment_id:
                flush()
                story_store.delete_commitment(conn, a.commitment_id)
    flush()
    return created


def _flatten(groups: list[Group]) -> list[Group]:
    out: list[Group] = []
    for g in groups:
        out.append(g)
        out.extend(_flatten(g.absorbed))
    return out


def arts_of(conn: Connection, cache: dict, article_id: int):  # noqa: ANN201 - Article
    if article_id not in cache:
        cache.update({a.id: a for a in iter_articles(conn, [article_id])})
    return cache[article_id]


def apply_overrides(conn: Connection) -> int:
    """Re-apply analysts' merge/split decisions when the follow-up stage provides them."""
    try:
        from suivi.follow import review
    except ImportError:
        return 0
    if hasattr(review, "apply_merge_overrides"):
        return int(review.apply_merge_overrides(conn) or 0)
    return 0
