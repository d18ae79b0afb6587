"""Status cue lexicons (`data/cues/status.<lang>.yaml`): which words in a later sentence say
what became of a commitment.

Why regular expressions on the lower-cased sentence and not spaCy morphology: English runs
on a blank pipeline (no lemmas, no tags), and cues must behave the same in every language;
the order of statuses in the file is their priority, so specific cues beat general ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from suivi.datafiles import data_exists, read_data_yaml
from suivi.errors import DataFileError
from suivi.follow.lifecycle import DATA_DIR, get_lifecycle

NEGATION_WINDOW = 40
"""Characters before a cue searched for a negation ("n'a pas été livré", "has not been")."""


@dataclass(frozen=True)
class CueHit:
    status: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SumHit:
    """A sum reported spent, paid or raised; `start`/`end` cover the verb and the sum."""

    start: int
    end: int
    text: str
    sums: tuple  # tuple[suivi.reconcile.amounts.Amount, ...]


@dataclass(frozen=True)
class PastVerb:
    start: int
    end: int
    verb: str


@dataclass(frozen=True)
class StatusCues:
    language: str
    statuses: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    negations: tuple[re.Pattern[str], ...]
    not_progress: tuple[re.Pattern[str], ...]
    past_tense: tuple[re.Pattern[str], ...]
    stem_suffixes: tuple[str, ...] = ()
    future: tuple[re.Pattern[str], ...] = ()
    generic_words: frozenset[str] = frozenset()
    still_not: tuple[re.Pattern[str], ...] = ()
    back_reference: tuple[re.Pattern[str], ...] = ()
    dated_in: tuple[re.Pattern[str], ...] = ()  # a year a clause dates its act in (group 1)
    this_pledge: tuple[re.Pattern[str], ...] = ()
    """A pledge pointed back to ("this commitment", "cet engagement"): the cue file's
    `this_pledge`; the sentence reports on the pledge its article stated just before."""
    first_part_patterns: tuple[re.Pattern[str], ...] = ()
    first_of_many_patterns: tuple[re.Pattern[str], ...] = ()
    """What follows a done cue when it names the first of several things ("inaugurated the first
    road built under the deal"): the cue file's `first_of_many`."""
    meeting_cues: tuple[re.Pattern[str], ...] = ()
    """Cues that say a meeting took place ("s'est tenu", "took place"): the cue file's
    `meeting_cues`."""
    relative_before: re.Pattern[str] | None = None
    """A relative pronoun ending a text ("l'événement qui", "the summit, which"): the cue file's
    `relative_pronouns`."""
    preposition_before: re.Pattern[str] | None = None
    """A preposition (and article) ending a text: the cue file's `not_payer_after`."""
    level_target: tuple[re.Pattern[str], ...] = ()
    """A pledge to bring a measure to a level ("expand its trade with Africa to $75 billion",
    "porter les échanges à 75 milliards"): the cue file's `level_target`."""
    running_total: tuple[re.Pattern[str], ...] = ()
    """Words saying a sum spent is a total so far ("thus far", "à ce jour"): the cue file's
    `running_total`; the payments are still going on."""
    only_a_part: tuple[re.Pattern[str], ...] = ()
    """Words belittling a total ("only", "seuls"): the cue file's `only_a_part`; a total so far
    told that way is a shortfall, not progress."""
    disbursed: tuple[re.Pattern[str], ...] = ()
    receiving: tuple[re.Pattern[str], ...] = ()
    giving_back: tuple[re.Pattern[str], ...] = ()  # "returned €60 million": its doer is the one who was paid
    """Money words whose doer is the one paid ("received", "a reçu"): the cue file's
    `disbursed_to_doer`. For the others the doer is the one who pays."""
    doer_after: re.Pattern[str] | None = None
    """Words after a cue that name its doer next ("... were launched by Japan", "... par le
    Japon"): the cue file's `doer_markers`, up to two words after the cue."""
    paid_gap: re.Pattern[str] | None = None
    """What may stand between a sum and the participle that says it was paid ("$1.5 billion
    already allocated"): the cue file's `disbursed_between` words, in any number."""
    set_up: tuple[re.Pattern[str], ...] = ()
    """A pledge to set up a body or a mechanism ("mise en place d'un mécanisme de sécurité
    conjoint", "will establish a joint committee"): the cue file's `set_up`, read on the pledge."""
    launched: tuple[re.Pattern[str], ...] = ()
    """Cues of a launch or a first meeting ("the launch of the mechanism", « sa première
    réunion »): the cue file's `launched`; said of a pledge to set up a body, it is the pledge
    kept, not a first step."""
    signed: tuple[re.Pattern[str], ...] = ()
    """Cues of a text signed ("signed", « signé », "contracted"): the cue file's `signed`; said
    of a pledge to build, pay or deliver, the signature is a step, not the pledge kept."""
    to_sign: tuple[re.Pattern[str], ...] = ()
    """A pledge whose act is itself a signature ("will sign an agreement", « signera un accord »):
    the cue file's `to_sign`, read on the pledge; its signature is the pledge kept."""
    to_start: tuple[re.Pattern[str], ...] = ()
    """A pledge whose act is to begin something ("construction will begin within two years", « les
    travaux commenceront début 2025 »): the cue file's `to_start`, read on the pledge; works
    reported under way keep it."""
    to_leave: tuple[re.Pattern[str], ...] = ()
    """A pledge whose act is to leave or withdraw (« L'Inde commencera à retirer ses soldats »,
    "troops will withdraw"), in words no report of a broken pledge uses (an infinitive, a
    future): the cue file's `to_leave`, read on the pledge, with its broken cues."""
    inserted: re.Pattern[str] | None = None
    """An auxiliary and the adverbs standing between it and its participle ("has also started",
    « a également lancé »): the cue file's `auxiliaries` and `inserted_adverbs`. The cues are
    written for the bare tense; the adverbs (group 1) are blanked out before a second try."""
    any_of_status: tuple[re.Pattern[str] | None, ...] = ()
    """Per status, its patterns as one alternation: a sentence none of them matches is passed
    over with one scan instead of one per pattern (most sentences of a later article match
    no cue; the follow stage tests every one)."""

    def _negated(self, lowered: str, start: int) -> bool:
        window = lowered[max(0, start - NEGATION_WINDOW):start]
        # only the clause the cue is in: cut at the last punctuation
        window = re.split(r"[,;:.!?()«»\"]", window)[-1]
        return any(p.search(window) for p in self.negations)

    def hushed(self, lowered: str) -> str:
        """`lowered` with the adverbs between an auxiliary and its verb blanked out, offsets kept:
        "a également lancé" reads as "a lancé" to every cue written for the bare tense."""
        if self.inserted is None:
            return lowered
        return self.inserted.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + " " * len(m.group(1)), lowered)

    def _readings(self, lowered: str) -> tuple[str, ...]:
        hushed = self.hushed(lowered)
        return (lowered,) if hushed == lowered else (lowered, hushed)

    def find_status(self, sentence: str) -> CueHit | None:
        """The highest-priority, non-negated status cue in the sentence."""
        lowered = sentence.lower()
        readings = self._readings(lowered)
        for i, (status, patterns) in enumerate(self.statuses):
            quick = self.any_of_status[i] if i < len(self.any_of_status) else None
            if quick is not None and not any(quick.search(r) for r in readings):
                continue
            for pattern in patterns:
                for reading in readings:
                    for m in pattern.finditer(reading):
                        if not self._negated(lowered, m.start()):
                            return CueHit(status, m.start(), m.end(), sentence[m.start():m.end()])
        return None

    def find_statuses(self, sentence: str, bounds: list[tuple[int, int]]) -> list[CueHit]:
        """The highest-priority cue of each clause (`bounds`, offsets in the sentence).

        Why per clause: one sentence of a later article often reports on several pledges
        ("paid the first tranche, and work has begun on the centres"); each coordinated clause
        has its own subject and its own cue."""
        out = []
        for start, end in bounds:
            hit = self.find_status(sentence[start:end])
            if hit is not None:
                out.append(CueHit(hit.status, start + hit.start, start + hit.end, hit.text))
        return out

    def find_disbursed(self, sentence: str, bounds: list[tuple[int, int]], lang: str) -> list[SumHit]:
        """Money spent, paid or raised followed by a sum, per clause ("has committed and spent
        over $65 billion", "a déjà mobilisé 120 milliards"). The status is decided against the
        sum of each commitment (see `sum_status`)."""
        from suivi.reconcile.amounts import amounts

        lowered = sentence.lower()
        out = []
        for start, end in bounds:
            for pattern in self.disbursed:
                m = pattern.search(lowered, start, end)
                if m is None or self._negated(lowered, m.start()):
                    continue
                tail = sentence[m.end():end]
                sums = [a for a in amounts(tail, lang) if a.start <= 40]
                if sums:
                    stop = m.end() + sums[0].end
                    out.append(SumHit(m.start(), stop, sentence[m.start():stop], tuple(sums)))
                    break
                lo = max(start, m.start() - 80)
                head = sentence[lo:m.start()]
                gap = self.paid_gap
                before = [a for a in amounts(head, lang) if gap is not None and gap.fullmatch(head[a.end:].lower())]
                if before:  # "with $1.5 billion already allocated", "23 M€ déjà décaissés"
                    begin = lo + before[-1].start
                    out.append(SumHit(begin, m.end(), sentence[begin:m.end()], (before[-1],)))
                    break
        return out

    def receives(self, cue: str) -> bool:
        """The money cue's doer is the one paid ("l'opérateur a reçu 753 millions"),
        not the payer."""
        lowered = cue.lower()
        return any(p.search(lowered) for p in self.receiving)

    def gives_back(self, cue: str) -> bool:
        """The cue tells money given back ("returned €60 million", « a restitué »): its doer
        received the pledge, it did not make it."""
        lowered = cue.lower()
        return any(p.search(lowered) for p in self.giving_back)

    def pays_first(self, cue: str) -> bool:
        """The money cue opens on its verb ("a versé 40 millions", "provided $2 billion"): an
        active clause, whose subject is the doer; not a sum told first ("40 millions ont été
        versés"), whose subject is the money."""
        lowered = cue.lower()
        return any(p.match(lowered) for p in self.disbursed)

    def find_still_not(self, sentence: str) -> CueHit | None:
        """"still not done" wording ("n'a toujours pas été", "still has not"): `stalled`, but
        only for a commitment whose deadline has passed — before it, not yet done is no news."""
        lowered = sentence.lower()
        for pattern in self.still_not:
            m = pattern.search(lowered)
            if m:
                return CueHit("stalled", m.start(), m.end(), sentence[m.start():m.end()])
        return None

    def describes_a_meeting(self, sentence: str, start: int, end: int) -> bool:
        """A meeting cue in a relative clause ("l'événement qui s'est tenu à Djibouti a réuni
        ...", "the forum, which took place in May"): the meeting described as the report's
        setting, not reported as a pledge kept."""
        cue = sentence[start:end].lower()
        if self.relative_before is None or not any(p.search(cue) for p in self.meeting_cues):
            return False
        return self.relative_before.search(sentence[:start].lower()) is not None

    def after_preposition(self, before: str) -> bool:
        """The text before a name ends with a preposition ("la zone de l'", "for the"): the name
        is where or for whom, not who acts."""
        return self.preposition_before is not None and self.preposition_before.search(before.lower()) is not None

    def sets_a_level(self, pledge: str) -> bool:
        """The pledge brings a measure to a level: a level reported below it is on its way,
        not a pledge kept in part, until its deadline is over."""
        lowered = pledge.lower()
        return any(p.search(lowered) for p in self.level_target)

    def so_far(self, sentence: str) -> bool:
        """The sentence tells a running total ("invested over $3 billion thus far"): delivery
        is under way, whatever share of the pledge the total is — unless it is belittled
        ("only 2 billion so far" is a shortfall)."""
        lowered = sentence.lower()
        return any(p.search(lowered) for p in self.running_total) and not any(
            p.search(lowered) for p in self.only_a_part)

    def years_dated(self, clause: str) -> list[int]:
        """The years the clause dates its act in ("en 2016", "in March 2016"; data: dated_in)."""
        lowered = clause.lower()  # the patterns are read on the lower-cased text, as every cue
        return [int(m.group(1)) for p in self.dated_in for m in p.finditer(lowered)]

    def refers_back(self, sentence: str) -> bool:
        """A pledge verb in a participle that points at an earlier pledge ("the 210 million
        promised to X", "promise en mars par"): the sentence reports on that pledge."""
        lowered = sentence.lower()
        return any(p.search(lowered) for p in self.back_reference)

    def points_back(self, lowered: str) -> bool:
        """The sentence (lower case) names a pledge as "this commitment", "cet engagement"."""
        return any(p.search(lowered) for p in self.this_pledge)

    def first_part(self, text: str) -> bool:
        """Speaks of a first instalment ("the first tranche", "premier versement"): reported,
        it is a step of the whole pledge but the fulfilment of a pledge *of* that instalment."""
        lowered = text.lower()
        return any(p.search(lowered) for p in self.first_part_patterns)

    def first_of_many(self, after_cue: str) -> bool:
        """The thing a done cue reports is the first of several ("a inauguré cette semaine la
        première infrastructure routière"): a step of a pledge of many, not all of it."""
        lowered = after_cue.lower()
        return any(p.search(lowered) for p in self.first_of_many_patterns)

    def announces(self, clause: str) -> bool:
        """Future or plan wording: the step is announced, not reported."""
        lowered = clause.lower()
        return any(p.search(lowered) for p in self.future)

    def restates(self, sentence: str) -> bool:
        """A reporting / reaffirming verb or a statement-of-intent phrase: not a step."""
        lowered = sentence.lower()
        return any(p.search(lowered) for p in self.not_progress)

    def past_verbs(self, sentence: str) -> list[PastVerb]:
        """Past-tense verbs (non-negated), for the 'the action verb itself, in the past' fallback."""
        lowered = sentence.lower()
        found: dict[int, PastVerb] = {}
        for pattern in self.past_tense:
            for reading in self._readings(lowered):
                for m in pattern.finditer(reading):
                    start, end = m.span("verb")
                    if start not in found and not self._negated(lowered, m.start()):
                        found[start] = PastVerb(start, end, m.group("verb"))
        return [found[k] for k in sorted(found)]


def sum_status(reported: float, pledged: float, shared_by_several: bool, past_deadline: bool) -> str:
    """What a sum reported spent says of a pledged sum: as much or more is fulfilled (unless
    it is a total several payers share, which shows only that something was paid); less is
    a part — in_progress while the deadline runs, partial once it is over or without one."""
    if reported >= pledged * 0.98:
        return "in_progress" if shared_by_several else "fulfilled"
    return "partial" if past_deadline else "in_progress"


def _ending_with(words: Any, name: str, where: str, tail: str) -> re.Pattern[str] | None:
    """A text ending with one of `words` (the cue file's `name`), then `tail`; None when the
    list is empty."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(f"{where}: {name} must be a list of words")
    if not words:
        return None
    alternation = "|".join(re.escape(w.lower()) for w in words)
    return re.compile(rf"\b(?:{alternation})\s+{tail}$")


def _compile(name: str, patterns: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise DataFileError(f"{where}: {name} must be a list of regular expressions")
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p))
        except re.error as exc:
            raise DataFileError(f"{where}: bad pattern {p!r} in {name}: {exc}") from exc
    return tuple(out)


def any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern matching where any of `patterns` matches (None when they cannot be joined,
    e.g. two groups of the same name: the caller then scans them one by one)."""
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return None


def _doer_after(words: Any, where: str) -> re.Pattern[str] | None:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(f"{where}: 'doer_markers' must be a list of words")
    if not words:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\W*(?:\w+\W+){{0,2}}?(?:{alternation})\W", re.IGNORECASE)


def parse_cues(data: Any, where: str) -> StatusCues:
    """Validate a parsed cue file against the lifecycle (raises DataFileError)."""
    if not isinstance(data, dict) or not isinstance(data.get("statuses"), list):
        raise DataFileError(f"{where}: needs 'language' and a 'statuses' list of groups")
    lifecycle = get_lifecycle()
    statuses = []
    for group in data["statuses"]:
        if not isinstance(group, dict) or set(group) != {"status", "patterns"}:
            raise DataFileError(f"{where}: each group needs exactly 'status' and 'patterns'")
        status = group["status"]
        if status not in lifecycle.statuses or status == lifecycle.initial:
            raise DataFileError(f"{where}: {status!r} is not a status evidence can set")
        statuses.append((status, _compile(status, group["patterns"], where)))
    past = _compile("past_tense", data.get("past_tense", []), where)
    for p in past:
        if "verb" not in p.groupindex:
            raise DataFileError(f"{where}: past_tense pattern {p.pattern!r} needs a (?P<verb>...) group")
    return StatusCues(
        language=str(data.get("language", "")),
        statuses=tuple(statuses),
        negations=_compile("negations", data.get("negations", []), where),
        not_progress=_compile("not_progress", data.get("not_progress", []), where),
        past_tense=past,
        stem_suffixes=_suffixes(data.get("stem_suffixes", []), where),
        future=_compile("future", data.get("future", []), where),
        generic_words=frozenset(w.lower() for w in _suffixes(data.get("generic_words", []), where)),
        still_not=_compile("still_not", data.get("still_not", []), where),
        back_reference=_compile("back_reference", data.get("back_reference", []), where),
        dated_in=_compile("dated_in", data.get("dated_in", []), where),
        this_pledge=_compile("this_pledge", data.get("this_pledge", []), where),
        first_part_patterns=_compile("first_part", data.get("first_part", []), where),
        first_of_many_patterns=_compile("first_of_many", data.get("first_of_many", []), where),
        running_total=_compile("running_total", data.get("running_total", []), where),
        level_target=_compile("level_target", data.get("level_target", []), where),
        meeting_cues=_compile("meeting_cues", data.get("meeting_cues", []), where),
        # "l'événement qui", "the forum, which"; "la zone de l'", "for the"
        relative_before=_ending_with(data.get("relative_pronouns", []), "relative_pronouns", where, r"(\w+\s+)?"),
        preposition_before=_ending_with(data.get("not_payer_after", []), "not_payer_after", where,
                                        r"(?:(?:the|le|la|les)\s+|l['’]\s*)?"),
        only_a_part=_compile("only_a_part", data.get("only_a_part", []), where),
        disbursed=_compile("disbursed", data.get("disbursed", []), where),
        paid_gap=_gap(data.get("disbursed_between", []), where),
        receiving=_compile("disbursed_to_doer", data.get("disbursed_to_doer", []), where),
        giving_back=_compile("given_back", data.get("given_back", []), where),
        doer_after=_doer_after(data.get("doer_markers", []), where),
        set_up=_compile("set_up", data.get("set_up", []), where),
        launched=_compile("launched", data.get("launched", []), where),
        signed=_compile("signed", data.get("signed", []), where),
        to_sign=_compile("to_sign", data.get("to_sign", []), where),
        to_start=_compile("to_start", data.get("to_start", []), where),
        to_leave=_compile("to_leave", data.get("to_leave", []), where),
        inserted=_inserted(data.get("auxiliaries", []), data.get("inserted_adverbs", []), where),
        any_of_status=tuple(any_of(patterns) for _status, patterns in statuses),
    )


def _inserted(auxiliaries: Any, adverbs: Any, where: str) -> re.Pattern[str] | None:
    """An auxiliary followed by one or more of `adverbs` (group 1: the adverbs and the space
    after each); None when either list is empty."""
    for name, words in (("auxiliaries", auxiliaries), ("inserted_adverbs", adverbs)):
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(f"{where}: {name} must be a list of words")
    if not auxiliaries or not adverbs:
        return None
    aux = "|".join(re.escape(w.lower()) for w in sorted(auxiliaries, key=len, reverse=True))
    adv = "|".join(r"\s+".join(map(re.escape, w.lower().split())) for w in sorted(adverbs, key=len, reverse=True))
    return re.compile(rf"\b(?:{aux})\s+((?:(?:{adv})\b,?\s+)+)(?=\w)")


def _gap(words: Any, where: str) -> re.Pattern[str] | None:
    """Whitespace and any of `words` (phrases whose spaces match any whitespace), nothing else."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(f"{where}: disbursed_between must be a list of words")
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:(?:{alternatives})\s+)*")


def _suffixes(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise DataFileError(f"{where}: stem_suffixes and generic_words must be lists of non-empty words")
    return tuple(sorted(values, key=len, reverse=True))


@lru_cache(maxsize=1)
def all_stem_suffixes() -> tuple[str, ...]:
    """Endings of every shipped language, longest first (key words are compared across languages)."""
    out = {suffix for cues in _every_language() for suffix in cues.stem_suffixes}
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=1)
def all_generic_words() -> frozenset[str]:
    """Generic words of every shipped language (lower case)."""
    return frozenset(word for cues in _every_language() for word in cues.generic_words)


def sets_a_level(pledge: str) -> bool:
    """`StatusCues.sets_a_level` in any language there are cues for: a pledge's words are in
    its own article's language, not the report's."""
    return any(cues.sets_a_level(pledge) for cues in _every_language())


def ends_something(pledge: str) -> bool:
    """The pledge's own words carry a cue of ending or leaving, one that said of another pledge
    breaks it ("mettre fin à l'accord", "the withdrawal of its troops"), in any language."""
    return any((hit := cues.find_status(pledge)) is not None and hit.status == "broken"
               for cues in _every_language()) or _in_any_language(pledge, "to_leave")


def sets_up_something(pledge: str) -> bool:
    """The pledge's own words set up a body or a mechanism (the cue files' `set_up`), in any language."""
    return _in_any_language(pledge, "set_up")


def signs(cue: str) -> bool:
    """The report's cue is a signature (the cue files' `signed`), in any language."""
    return _in_any_language(cue, "signed")


def is_to_sign(pledge: str) -> bool:
    """The pledge's own words are to sign something (the cue files' `to_sign`), in any language."""
    return _in_any_language(pledge, "to_sign")


def is_to_start(pledge: str) -> bool:
    """The pledge's own words are to begin something (the cue files' `to_start`), in any language."""
    return _in_any_language(pledge, "to_start")


def launches(cue: str) -> bool:
    """The report's cue is a launch or a first meeting (the cue files' `launched`), in any language."""
    return _in_any_language(cue, "launched")


def _in_any_language(text: str, field: str) -> bool:
    """One of the patterns of this field of the cue files matches the lower-cased text, whatever
    its language (a pledge and its report may be told in two)."""
    lowered = text.lower()
    return any(p.search(lowered) for cues in _every_language() for p in getattr(cues, field))


@lru_cache(maxsize=1)
def _every_language() -> tuple[StatusCues, ...]:
    """The cues of every shipped language (a status.<lang>.yaml file each)."""
    return tuple(get_cues(path.name.split(".")[1]) for path in sorted((DATA_DIR / "cues").glob("status.*.yaml")))


@lru_cache(maxsize=8)
def get_cues(language: str | None) -> StatusCues:
    """Cues for a language; languages without a file fall back to English."""
    lang = (language or "en").split("-")[0].lower()
    name = f"status.{lang}.yaml" if data_exists(f"cues/status.{lang}.yaml") else "status.en.yaml"
    return parse_cues(read_data_yaml(f"cues/{name}"), name)
