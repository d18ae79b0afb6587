"""Pledges listed in one sentence, each with its own sum: one commitment each.

"Other countries promising to contribute included Germany, with $100 million; Britain with
up to 60 million pounds; the United States with $17.5 million and Japan with $10 million" is
four pledges of four parties; "plans to spend $2 billion for food security and $165 million
for elections" two pledges of one party. Each sum gets its own mention: the segment of the
sentence from the separator before it ("; ", ", ", " and ", " et ") to the next one, with the
party the segment names, else the party of the whole statement.

Acts listed after one cue, each with its own figure, are one commitment each too: "s'est
engagé à allouer 50 milliards de dollars ... et à aider à la création d'un million d'emplois",
"will give $40 million over two years and help train 3,000 teachers" -- two things to follow
up, each with its own measure. The cut is made where a coordinated verb opens the segment of
the next figure; coordinated verbs without figures ("will build, train and equip") stay one.

Things listed with their prices are one commitment each, of the statement's payer: "les
accords comprennent la construction d'un hôpital en Guinée pour 75 millions de dollars, d'une
école en Sierra Leone pour 50 millions ..." -- the parties a segment names receive.

Not split: a range ("between $5 million and $20 million", "de 5 à 20 millions"), a part of a
sum ("$30 billion, including $4 billion for ..."), a conversion in parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from suivi.extract.nominal import source_after
from suivi.extract.quantities import Quantity, carried_sums, find_quantities

_SEPARATOR = re.compile(
    r";\s*|,\s*(?:and\s+|et\s+|ainsi\s+qu(?:e\s+|['’]\s*)|as\s+well\s+as\s+)?|\s+(?:and|et)\s+"
    r"|\s+ainsi\s+qu(?:e\s+|['’]\s*)|\s+as\s+well\s+as\s+",
    re.IGNORECASE)
_RANGE = re.compile(r"\b(?:between|from|entre|de|du)\s+$|\b(?:to|and|et|à)\s+$", re.IGNORECASE)
_COORDINATOR = re.compile(r"\b(?:and|et|ainsi|as\s+well)\b", re.IGNORECASE)
_PART = re.compile(
    r"^\s*(?:including|of\s+which|among\s+them|i\.e\.|or|that\s+is|dont|notamment|soit|ou|y\s+compris)\b",
    re.IGNORECASE,
)


# "5,5 milliards d'euros au plan, y compris des garanties ... et 3 milliards d'un fonds": the
# second sum is part of the first even when the marker does not open the gap
_PART_INSIDE = re.compile(r"\b(?:including|of\s+which|among\s+them|dont|notamment|y\s+compris)\b", re.IGNORECASE)


def tells_a_part(between: str) -> bool:
    """The words between two sums make the second a part of the first ("cinq milliards de prêts
    dont un milliard", "$600 million, including $200 million")."""
    return _PART_INSIDE.search(between) is not None


# "$15-million of which will be grants": the sum after is a part of the sum before
_PART_AFTER = re.compile(r"\s*(?:of\s+which|of\s+that|dont)\b", re.IGNORECASE)


def _leads(lead: str, names_party: Callable[[str], bool]) -> bool:
    """What sits between a separator and the next sum: nothing ("and $165 million"), or a
    party and a preposition ("Britain with up to"); a clause ("leading a combined contribution
    of") makes the sum a description, not a listed pledge."""
    words = lead.split()
    if not words:
        return True
    if _AID_LEAD.fullmatch(lead.strip()):
        return True  # "... ainsi qu'une aide de 600 millions", "and a grant of $50 million": another gift
    return len(words) <= 5 and names_party(lead)


# a gift named before its sum: "une aide de", "a grant of", "des prêts de"
_AID_LEAD = re.compile(
    r"(?:un|une|des|a|an)\s+(?:nouvelle\s+|new\s+|additional\s+)?"
    r"(?:aide|dons?|prêts?|subventions?|crédits?|financements?|aid|grants?|loans?|credits?|funding|assistance)"
    r"(?:\s+(?:de|d['’]|of))?", re.IGNORECASE)


# "..., d'un hôpital en Sierra Leone pour 50 millions de dollars": a listed thing and its price
_PRICED = re.compile(r"\b(?:pour|for|worth|valued\s+at|à\s+hauteur\s+de|d.un\s+montant\s+de)\s*"
                     r"(?:(?:up\s+to|about|some|nearly|over|more\s+than|environ|plus\s+de|près\s+de)\s+)?$",
                     re.IGNORECASE)
_MAX_PRICED_LEAD = 16  # words from a separator to the price of the next listed thing


def _priced(evidence: str, sums: list[Quantity], lead: str) -> bool:
    """A listed thing with its price: the text before the next sum (and before the first
    one) ends with "pour", "for", "worth" -- "la construction d'un hôpital en Guinée pour 75
    millions, d'un internat au Niger pour 28 millions": each thing financed is a pledge."""
    return (len(lead.split()) <= _MAX_PRICED_LEAD and _PRICED.search(lead) is not None
            and _PRICED.search(evidence[: sums[0].start]) is not None)


def _splits(evidence: str, sums: list[Quantity], names_party: Callable[[str], bool],
            cue_at: int | None = None, dated: Callable[[int, int], bool] | None = None,
            ) -> list[tuple[int, int]] | None:
    """(end of segment k, start of segment k+1) offsets in `evidence` for each separator between
    two listed sums, or None when the sums do not list pledges. `cue_at`: where the statement's
    cue sits in `evidence` (None: unknown); `dated(start, end)`: whether a date is told in
    evidence[start:end]."""
    cuts: list[tuple[int, int]] = []
    listed = False  # a list closes with "and" / "et" / ";", or names a party per sum
    for k, (before, after) in enumerate(zip(sums, sums[1:], strict=False)):
        gap = evidence[before.end: after.start]
        head = evidence[max(0, before.start - 12): before.start]
        if _PART_AFTER.match(evidence[after.end:]):
            continue  # "$2.1-billion commitment, $15-million of which will be grants": no cut there
        if _RANGE.search(head) and re.match(r"^\s*(?:and|to|et|à)\s+$", gap, re.IGNORECASE):
            return None  # "between $5 million and $20 million"
        inside = _PART_INSIDE.search(gap)
        part_end = sums[k + 2].start if k + 2 < len(sums) else len(evidence)
        if (inside is not None and dated is not None
                and dated(after.start, part_end) and not dated(0, before.end)):
            # "5 billion euros in loans including one billion paid before the end of 2024", « dont
            # un milliard sera versé avant la fin de 2024 »: a part due by its own date is a pledge
            # of its own to follow up (the whole states none)
            at = before.end + inside.start()
            cuts.append((at, at))
            listed = True
            continue
        found = [m for m in _SEPARATOR.finditer(gap)]
        if not found:
            return None
        sep = found[-1]
        # the part, with its own figure, closed by a comma before the next listed sum ("dont un
        # milliard versé avant fin 2024, 1,8 milliard"); "y compris des garanties et 500 millions"
        # goes on inside the part
        part_before = (inside is not None and inside.end() <= sep.start() and sep.group().strip()[:1] in (",", ";")
                       and bool(find_quantities(gap[inside.end():sep.start()])))
        if _PART.match(gap[sep.end():]) or ((_PART.match(gap) or inside) and not part_before):
            # "$30 billion, including $4 billion": a part stays with its sum; the list may go on
            # after it ("EUR 1.8 billion in investments; and EUR 600 million in grants, including
            # EUR 200 million for migration"), and after a part told between two listed sums
            # ("cinq milliards de prêts dont un milliard versé avant fin 2024, 1,8 milliard")
            continue
        lead = gap[sep.end():]
        bare = re.sub(r"\b(?:up\s+to|more\s+than|over|nearly|about|some|with|avec|de|of)\b", " ", lead,
                      flags=re.IGNORECASE).strip(" ,:")
        # "and an additional $250 million", "with another $850mn": one more of the same
        # "committed $300 million ..., with another $850mn in guarantees": one more pledge of the
        # same cue, when the cue comes before the list ("has paid $40 million, with a further $10
        # million to come" pledges only the sum its cue follows)
        more = cue_at is not None and cue_at < sums[0].start and re.fullmatch(
            r"(?:(?:and|et)\s+)?(?:an\s+additional|another|a\s+further|additional|further)", bare,
            re.IGNORECASE) is not None
        bare = "" if more else bare
        bare = re.sub(r"^(?:and|et)\b\s*", "", bare, flags=re.IGNORECASE)  # "; and EUR 600 million"
        # "a EUR 7.4 billion package, which includes EUR 5 billion in loans, ...": its contents listed
        bare = re.sub(r"^(?:which|that|qui)\s+(?:includes?|comprises?|comprend|inclut|comporte)\s*$", "", bare,
                      flags=re.IGNORECASE)
        # "l'Allemagne (100 millions), l'Italie (200 millions) et les eau (100 millions)": a short
        # name before a sum in parentheses is a listed party even when it is not a known one
        named_in_brackets = lead.rstrip().endswith("(") and 0 < len(bare.split()) <= 4
        if not _leads(bare, names_party) and not _priced(evidence, sums, lead) and not named_in_brackets:
            return None
        listed = listed or more or bool(bare) or not sep.group().strip().startswith(",") or bool(
            re.search(r"\b(?:and|et)\b", sep.group(), re.IGNORECASE))
        opening = re.match(r"(?:and|et)\s+", lead, re.IGNORECASE)  # "; and EUR 600 million": the item's start
        cuts.append((before.end + sep.start(), before.end + sep.end() + (opening.end() if opening else 0)))
    if not listed:
        return None  # "has committed $165-million, $23.2-million in the form of grants": a breakdown
    return cuts


_MAX_ACT_LEAD = 10  # words from a coordinated verb to its figure ("à aider à la création d'")


def _act_cuts(evidence: str, quantities: list[Any],
              act_end: Callable[[int], int | None]) -> tuple[list[tuple[int, int]], int | None]:
    """Cuts before coordinated acts that carry their own figure: the segment after a separator
    opens with a verb (`act_end`, offsets in `evidence`) and reaches the next figure within
    a few words. Also where the last act ends (None: the evidence's end)."""
    cuts: list[tuple[int, int]] = []
    last_end: int | None = None
    for before, after in zip(quantities, quantities[1:], strict=False):
        gap = evidence[before.end: after.start]
        found = list(_SEPARATOR.finditer(gap))
        if not found or _PART_INSIDE.search(gap):
            continue
        sep = found[-1]
        lead = gap[sep.end():]
        if _PART.match(lead) or len(lead.split()) > _MAX_ACT_LEAD:
            continue
        end = act_end(before.end + sep.end())
        if end is not None:
            cuts.append((before.end + sep.start(), before.end + sep.end()))
            last_end = end
    return cuts, last_end


def split_listed(cand: Any, parties_in: Callable[[int, int], list[str]],
                 rebuild: Callable[[Any, int, int], Any],
                 act_end: Callable[[int], int | None] | None = None,
                 list_cuts: Callable[[int, int], list[tuple[int, int]]] | None = None,
                 dates: list[Any] | None = None, sources: frozenset[str] = frozenset(),
                 cue_at: int | None = None) -> list[Any]:
    """One candidate per listed sum (or per listed act with its own figure), or [cand] when the
    evidence lists no several.

    `parties_in(start, end)` gives the parties named in the article's text[start:end];
    `rebuild(cand, start, end)` re-reads deadline, quantity and action on a narrower span;
    `act_end(offset)` tells where the act that a verb (or "to"/"à" and a verb) opens at that
    offset of the article's text ends, None when no verb opens there (the argument None: no
    parse, no act cuts); `list_cuts(start, end)` where the article's text[start:end] lists acts
    each with its own object (`coordination.act_list_cuts`), for statements without figures;
    `dates` the time expressions of the evidence (offsets in it): coordinated acts each with its
    own date ("to begin talks by the end of February, and to reach a result within four
    months") are cut as acts with their own figure are; `sources` the prepositions naming where a
    listed sum comes from ("$320 million from Italy"); `cue_at` where the statement's cue sits in
    the article's text.
    """
    found = find_quantities(cand.evidence)
    # "the United States 17.5 million and Japan $10 million": the currency said once for the list
    sums = sorted([q for q in found if q.kind == "money"] + carried_sums(cand.evidence, found),
                  key=lambda q: q.start)
    base = cand.start

    def names_party(piece: str) -> bool:
        pos = cand.evidence.find(piece)
        return pos >= 0 and bool(parties_in(base + pos, base + pos + len(piece)))

    at = None if cue_at is None else cue_at - base
    told = sorted(dates or [], key=lambda d: d.start)

    def dated(lo: int, hi: int) -> bool:
        return any(lo <= d.start < hi for d in told)

    cuts = _splits(cand.evidence, sums, names_party, at, dated) if len(sums) >= 2 else None
    if cuts is None:
        if act_end is not None:

            def own_end(off: int) -> int | None:
                end = act_end(base + off)
                return None if end is None else end - base

            # acts each with its own figure, else each with its own date ("to begin talks by the
            # end of February, and to reach a result within four months"), joined by a
            # coordinator: "pledged, at a summit in late 2022, to visit ..." is one act after an incise
            dated = sorted(dates or [], key=lambda d: d.start)
            for anchors, coordinated in ((found, False), (dated, True)):
                if len(anchors) < 2:
                    continue
                cuts, last_end = _act_cuts(cand.evidence, anchors, own_end)
                if cuts and (not coordinated or all(_COORDINATOR.search(cand.evidence[a:b]) for a, b in cuts)):
                    return _pieces(cand, cuts, rebuild, None, last_end)
        listed_acts = [(a - base, b - base) for a, b in list_cuts(cand.start, cand.end)] if list_cuts else []
        if not listed_acts:
            return [cand]
        return [_shared_deadline(part, cand) for part in _pieces(cand, listed_acts, rebuild, None)]
    priced = all(_priced(cand.evidence, sums, cand.evidence[b:nxt.start])
                 for (_a, b), nxt in zip(cuts, sums[1:], strict=False))
    return _pieces(cand, cuts, rebuild, (sums, parties_in), receive=priced, sources=sources)


def _shared_deadline(part: Any, cand: Any) -> Any:
    """A listed act without a date of its own keeps the statement's ("By 2030 X will build A
    and train B": both by 2030)."""
    if part.deadline is not None or cand.deadline is None:
        return part
    return replace(part, deadline=cand.deadline, deadline_precision=cand.deadline_precision,
                   recurrence=cand.recurrence, deadline_kind=cand.deadline_kind)


def _pieces(cand: Any, cuts: list[tuple[int, int]], rebuild: Callable[[Any, int, int], Any],
            listed: tuple[list[Quantity], Callable[[int, int], list[str]]] | None,
            last_end: int | None = None, receive: bool = False, sources: frozenset[str] = frozenset()) -> list[Any]:
    """The candidate cut at `cuts`; listed sums may each name their own party ("Britain with
    ..."), listed acts share the statement's party (a country named in an act is its
    beneficiary), and so do things listed with their prices (`receive`: the parties they name
    receive); the last piece ends at `last_end` when given."""
    starts = [0, *(b for _a, b in cuts)]
    ends = [*(a for a, _b in cuts), min(len(cand.evidence), last_end or len(cand.evidence))]
    out = []
    for lo, hi in zip(starts, ends, strict=True):
        piece = cand.evidence[lo:hi]
        seg_lo = lo + (len(piece) - len(piece.lstrip()))
        piece = piece.rstrip(" ;,.")
        seg_hi = lo + len(cand.evidence[lo:hi].rstrip(" ;,.").rstrip())
        if seg_hi <= seg_lo:
            continue
        start, end = cand.start + seg_lo, cand.start + seg_hi
        named: list[str] = []
        if listed is not None:
            sums, parties_in = listed
            money = next(q for q in sums if seg_lo <= q.start < seg_hi)
            named = parties_in(start, cand.start + money.start)
            if not named and sources:
                # "..., $320 million from Italy": the source after the sum
                src = source_after(cand.evidence, money.end, seg_hi, sources)
                named = parties_in(cand.start + src[0], cand.start + src[1]) if src else []
            if not named and cand.evidence[seg_lo:money.start].rstrip().endswith("(") and lo > 0:
                continue  # a listed name that is no known party: whose sum it is, we cannot say
            # of the parties a segment names, the statement's own ("Norway will give Ghana $40
            # million and Denmark $12 million": Norway's, not Ghana's)
            named = [k for k in named if k in cand.agents] or named
        if receive:
            # things listed with their prices: the parties a segment names are where the money
            # goes ("un hôpital en Guinée pour 75 millions"); the statement's party pays
            part = replace(cand, start=start, end=end, evidence=cand.evidence[seg_lo:seg_hi],
                           beneficiaries=[k for k in named if k not in cand.agents] or list(cand.beneficiaries))
        else:
            part = replace(cand, start=start, end=end, evidence=cand.evidence[seg_lo:seg_hi],
                           agents=named or list(cand.agents), agent_fallback=cand.agent_fallback and not named)
        if listed is None and lo > 0:
            part = replace(part, action=None)  # its own verb: read again from the segment
        out.append(rebuild(part, start, end))
    return out or [cand]
