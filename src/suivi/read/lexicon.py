"""The reading lexicons (data/reading/<lang>.yaml, data/reading/filters.yaml), compiled once.

Why compiled here: every rule the reader applies per sentence (reporting verbs, role titles,
event cues, link and byline prefixes) becomes one regular expression or one set at load
time, so reading costs a few regex scans per sentence whatever the size of the lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from suivi.errors import DataFileError
from suivi.read.datafiles import DATA, expect_keys, expect_mapping, expect_str_list, load_yaml
from suivi.read.textnorm import fold

_FIELDS = {
    "reporting_verbs", "reporting_forms", "source_markers", "indirect_verbs", "complementizers",
    "outlet_anaphors", "pronouns", "honorifics", "role_titles", "name_particles", "link_prefixes",
    "byline_prefixes", "event_cues", "person_anaphors", "credit_markers", "org_heads", "org_tail_heads",
    "place_patterns", "employer_titles", "company_descriptors", "company_appositions",
}
# a place name in a place pattern: up to three capitalised words ("Lamu", "Port Harcourt")
_NAME = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'\-]*\w(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'\-]*\w){0,2})"
_NAME2 = _NAME.replace("?P<name>", "?P<name2>")
EVENT_KINDS = ("meeting", "summit", "visit", "statement", "agreement")


def phrase_regex(phrases: list[str], *, prefix: bool = False, plural: bool = False) -> re.Pattern[str]:
    """One case-insensitive regex matching any phrase as whole words (longest first).

    Spaces match any whitespace run, apostrophes match both ' and ’.
    """
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p.strip())
        esc = re.sub(r"\\ |['’]", lambda m: r"\s+" if m.group() == "\\ " else "['’]", esc)
        alts.append(esc + ("s?" if plural else ""))
    body = "|".join(alts) or r"(?!x)x"
    head = r"^\s*" if prefix else r"(?<!\w)"
    return re.compile(f"{head}(?:{body})(?!\\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    lang: str
    reporting_lemmas: frozenset[str]
    reporting_re: re.Pattern[str]
    source_re: re.Pattern[str]
    indirect_lemmas: frozenset[str]
    indirect_re: re.Pattern[str]
    complementizers: frozenset[str]
    outlet_anaphor_re: re.Pattern[str]
    pronouns: frozenset[str]
    person_anaphor_re: re.Pattern[str]
    honorifics: frozenset[str]
    honorific_re: re.Pattern[str]
    role_re: re.Pattern[str]
    employer_title_re: re.Pattern[str]  # a title held in a company ("chief executive", « PDG »)
    employer_after_re: re.Pattern[str]  # a name, then a company title and a person
    employer_before_re: re.Pattern[str]  # a company title and "of"/"for"/"de", then the name (group `name`)
    company_before_re: re.Pattern[str]  # a word for a company, then its name ("electronics giant Foxconn")
    company_apposition_re: re.Pattern[str]  # a name, then ", a <words> company" (group `name`)
    particles: frozenset[str]
    link_re: re.Pattern[str]
    byline_re: re.Pattern[str]
    event_res: tuple[tuple[str, re.Pattern[str]], ...]
    filter_words: frozenset[str]
    org_words: frozenset[str]
    company_suffixes: frozenset[str]  # a legal form closing a company's name ("AG", "plc", "GmbH")
    named_by_common_words: frozenset[str]  # organisation words whose names are common words ("Labour Party")
    place_words: frozenset[str]
    credit_re: re.Pattern[str]  # "contributed to this report": the line is a credit, not the story
    org_heads: frozenset[str]  # words that open an organisation's name ("Assemblée", "Agence")
    org_tail_heads: frozenset[str]  # words that end one and take "of X" ("Bank", "Institute")
    place_res: tuple[re.Pattern[str], ...]  # "the city of X", "X region", "près de X"
    place_filter: frozenset[str]  # words place patterns never take for a place ("May", "Summer")
    thing_words: frozenset[str]  # a run holding one names a document, event or venue ("Action Plan")
    thing_heads: frozenset[str]  # a word before a name that makes it a vessel's or storm's ("vessel")


def _place_patterns(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    """Compile place patterns: {NAME} (and {NAME2}) stand for capitalised place names."""
    out = []
    for p in patterns:
        if "{NAME}" not in p:
            raise DataFileError(f"{where}: place pattern {p!r} has no {{NAME}}")
        parts = re.split(r"(\{NAME2?\})", p)
        body = "".join(
            (_NAME if part == "{NAME}" else _NAME2) if part in ("{NAME}", "{NAME2}")
            else f"(?i:{part.replace(' ', chr(92) + 's+')})" if part else ""
            for part in parts
        )
        try:
            # the words of the pattern are case-insensitive, the name keeps its capital
            lead = "" if p.startswith("(?<") else r"(?<![\w\-])"  # a pattern may bring its own
            out.append(re.compile(lead + body + r"(?![\w\-])"))
        except re.error as exc:
            raise DataFileError(f"{where}: place pattern {p!r}: {exc}") from exc
    return tuple(out)


def _load_words(section_name: str) -> frozenset[str]:
    section = expect_mapping(load_yaml("reading/filters.yaml", section_name), "reading/filters.yaml")
    words = expect_str_list(section.get("words"), f"reading/filters.yaml: {section_name}.words")
    return frozenset(fold(w) for w in words)


def _employer_after(titles: list[str]) -> re.Pattern[str]:
    """Right after a name: at most one lowercase word ("copper"), a company title, then a
    capitalised name ("Rio Tinto copper chief executive Bold Baatar")."""
    title = phrase_regex(titles).pattern
    return re.compile(rf"[ \t]+(?:[a-z][\w-]*[ \t]+)?(?i:{title})[ \t]+[A-ZÀ-ÖØ-Þ][\w’'\-]+")


def _employer_before(titles: list[str]) -> re.Pattern[str]:
    """A company title, the word that joins it to its employer, then the employer's name
    (group `name`): "country head for Rio Tinto", "chief executive of Rio Tinto", « le PDG de
    Rio Tinto », « directeur pays chez Rio Tinto »."""
    title = phrase_regex(titles).pattern
    cap = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*\w"
    return re.compile(rf"(?i:{title})[ \t]+(?:of|for|at|de|du|chez)[ \t]+(?:the[ \t]+)?"
                      rf"(?P<name>{cap}(?:[ \t]+{cap}){{0,3}})")


def _company_before(descriptors: list[str]) -> re.Pattern[str]:
    """A lowercase word for a company right before a capitalised name (group `name`): "electronics
    giant Foxconn", "carmaker Hyundai", "the state miner Gecamines". Lowercase only: "Foxconn
    Technology Group Chairman" is a name's word, not a description."""
    alts = "|".join(re.escape(d) for d in sorted(set(descriptors), key=len, reverse=True)) or r"(?!x)x"
    cap = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*\w"
    return re.compile(rf"(?<![\w-])(?:{alts})[ \t]+(?P<name>{cap}(?:[ \t]+{cap}){{0,3}})")


def _company_apposition(nouns: list[str]) -> re.Pattern[str]:
    """A capitalised name (group `name`, maybe closing a parenthesis), a comma, an indefinite or
    definite article, at most three words, then a noun for a company: "Sino-Congolaise des
    Mines (Sicomines), a joint venture between ...", "Masdar, a UAE-government-owned company,".
    Not a noun owned or followed by "at"/"of"/"for" ("Ama Mensah, a developer at ...")."""
    alts = "|".join(re.escape(d) for d in sorted(set(nouns), key=len, reverse=True)) or r"(?!x)x"
    cap = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*\w"
    return re.compile(rf"(?<![\w-])(?P<name>{cap}(?:[ \t]+{cap}){{0,3}})\)?,[ \t]+(?:an?|the|une?|la|le|l['’])[ \t]*"
                      rf"(?:[\w’'-]+[ \t]+){{0,3}}?(?:{alts})(?![\w’'-])(?![ \t]+(?:at|of|for|in|à|de|chez)\b)")


@cache
def get_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of `lang` (English rules for languages without their own file)."""
    lang = (lang or "fr")[:2].lower()
    if not (DATA / "reading" / f"{lang}.yaml").is_file():
        lang = "en"
    where = f"reading/{lang}.yaml"
    data = expect_mapping(load_yaml(where, "lexicon"), where)
    expect_keys(data, _FIELDS, where)
    missing = _FIELDS - set(data)
    if missing:
        raise DataFileError(f"{where}: missing section(s) {sorted(missing)}")

    def words(name: str) -> list[str]:
        return expect_str_list(data.get(name), f"{where}: {name}")

    cues = expect_mapping(data["event_cues"], f"{where}: event_cues")
    for kind in cues:
        if kind not in EVENT_KINDS:
            raise DataFileError(f"{where}: event kind {kind!r} is not one of {EVENT_KINDS}")
    honorifics = words("honorifics")
    return Lexicon(
        lang=lang,
        reporting_lemmas=frozenset(fold(w) for w in words("reporting_verbs")),
        reporting_re=phrase_regex(words("reporting_forms")),
        source_re=phrase_regex(words("source_markers")),
        indirect_lemmas=frozenset(fold(w) for w in words("indirect_verbs")),
        indirect_re=phrase_regex(words("indirect_verbs")),
        complementizers=frozenset(fold(w) for w in words("complementizers")),
        outlet_anaphor_re=phrase_regex([fold(w) for w in words("outlet_anaphors")], plural=True),
        pronouns=frozenset(fold(w) for w in words("pronouns")),
        person_anaphor_re=phrase_regex(words("person_anaphors"), prefix=True),
        honorifics=frozenset(honorifics),
        honorific_re=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True)) + r")(?=\s)"
        ),
        role_re=phrase_regex(words("role_titles")),
        employer_title_re=phrase_regex(words("employer_titles")),
        employer_after_re=_employer_after(words("employer_titles")),
        employer_before_re=_employer_before(words("employer_titles")),
        company_before_re=_company_before(words("company_descriptors")),
        company_apposition_re=_company_apposition(words("company_appositions")),
        particles=frozenset(fold(w) for w in words("name_particles")),
        link_re=phrase_regex(words("link_prefixes"), prefix=True),
        byline_re=phrase_regex(words("byline_prefixes"), prefix=True),
        event_res=tuple(
            (kind, phrase_regex(expect_str_list(v, f"{where}: event_cues.{kind}"))) for kind, v in cues.items()
        ),
        filter_words=_load_words("person_filter"),
        org_words=_load_words("org_words"),
        company_suffixes=_load_words("company_suffixes"),
        named_by_common_words=_load_words("named_by_common_words"),
        place_words=_load_words("place_words"),
        credit_re=phrase_regex(words("credit_markers")),
        org_heads=frozenset(words("org_heads")),
        org_tail_heads=frozenset(fold(w) for w in words("org_tail_heads")),
        place_res=_place_patterns(words("place_patterns"), where),
        place_filter=_load_words("place_filter"),
        thing_words=_load_words("thing_words"),
        thing_heads=_load_words("thing_heads"),
    )
