"""Title, outlet, author and publication date from the messy top (and tail) of a text.

Why line shapes rather than site-specific rules: the project reads outlets it has never
seen, so it recognises what a header line *is* (a date, a byline, a short headline without
a final period, an outlet after a dash) from general shapes and per-language words
(data/metadata/*.yaml), never from one site's template.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from suivi.datafiles import read_data_yaml
from suivi.errors import DataFileError
from suivi.ingest import dates
from suivi.ingest.clean import is_boilerplate
from suivi.ingest.rules import boilerplate_rules, metadata_rules, outlet_rules

HEADER_MAX_LINES = 12
HEADLINE_MAX_CHARS = 220
HEADLINE_MAX_WORDS = 32
HEADLINE_MIN_WORDS = 3
NAME_MAX_CHARS = 60

_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}", re.IGNORECASE)
_TITLE_TAIL = re.compile(r"^(?P<title>.+?)\s+(?P<sep>[-–—|])\s+(?P<outlet>[^-–—|]{2,60})$")
_LEAD_IN = re.compile(
    r"^(?P<outlet>[^\W\d][\w.&'’ ]{0,40}?)(?P<place>-[^\W\d][\w'’ -]{0,30}?)?\s*(?:\([^)]{1,30}\))?"
    r"\s+[-–—]\s+(?=\S)"
)
_PAREN_AGENCY = re.compile(r"^[^()\n]{0,50}\((?P<outlet>[^()]{2,30})\)\s*[-–—:]\s*")


@dataclass
class Header:
    """What the top of a text says about the article, and where its body starts."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dates: list[dates.DateHit] = field(default_factory=list)
    body_start: int = 0  # index of the first body line
    letterhead: list[str] = field(default_factory=list)  # an official document's heading lines
    author_role: str | None = None  # 'East Africa correspondent' after a byline's names


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def same_text(a: str, b: str) -> bool:
    """Equal once case, accents, punctuation and spacing are ignored."""
    short, long = sorted((len(a), len(b)))
    if long > 2 * short + 20:  # folding never shrinks a text by half: skip folding body paragraphs
        return False
    return _fold(a) == _fold(b)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(p.lower() for r in metadata_rules().values() for p in r.name_particles)


@lru_cache(maxsize=1)
def _newsroom() -> tuple[str, ...]:
    return tuple(_fold(b) for r in metadata_rules().values() for b in r.newsroom_bylines)


@lru_cache(maxsize=1)
def _author_label() -> re.Pattern[str]:
    labels = [label for r in metadata_rules().values() for label in r.author_labels]
    alt = "|".join(re.escape(x) for x in sorted(set(labels), key=len, reverse=True))
    return re.compile(rf"^(?:{alt})\s*(?::|\s)\s*(?P<name>.+)$", re.IGNORECASE)


_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w'’.-]*)$")


def name_like(text: str, min_words: int = 2, *, caps: bool = False) -> bool:
    """A person's name as bylines write it: 'K. Mamadou', 'Jean de la Fontaine', 'Pierre'."""
    text = text.strip()
    if not text or len(text) > NAME_MAX_CHARS or any(ch.isdigit() for ch in text):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in _particles():
            continue
        shouted = token.isupper() and len(token) > 3 and not token.endswith(".")
        if not _NAME_TOKEN.match(token) or (shouted and not caps):
            return False
        capitalised += 1
    return capitalised >= min_words and tokens[-1].lower() not in _particles()


def _person_case(name: str) -> str:
    """'JANE DOE' -> 'Jane Doe' (bylines are often in capitals); other names unchanged."""
    return name.title() if name.isupper() and len(name) > 3 else name


ROLE_MAX_WORDS = 8
_TRAILING_PAREN = re.compile(r"\s*\((?P<role>[^()]{2,60})\)\s*$")


@lru_cache(maxsize=1)
def _correspondent() -> re.Pattern[str]:
    labels = [label for r in metadata_rules().values() for label in r.correspondent_labels] or ["(?!)"]
    alt = "|".join(re.escape(x) for x in sorted(set(labels), key=len, reverse=True))
    return re.compile(
        rf"^(?P<role>(?:{alt})\s+(?:à|a|au|aux|en|in|at)\s+[^,]{{2,40}}?),\s*(?P<name>[^,]{{3,60}})$", re.IGNORECASE
    )


def byline_from_line(line: str, *, allow_lone_name: bool) -> tuple[str, str | None] | None:
    """(author, role) of a byline: 'Auteur: Pierre', 'Par Jean Dupont', 'By A. Smith and B. Jones',
    'By Jane Doe, East Africa correspondent' (names, then a short role or outlet), or a lone name.

    Why the role is split off: bylines often name the writer's post after a comma; the names
    are the author, the post is kept apart (meta.author_role) and never read as an actor.
    """
    correspondent = _correspondent().match(line.strip())
    if correspondent and name_like(correspondent.group("name"), min_words=2, caps=True):
        return _person_case(correspondent.group("name").strip()), correspondent.group("role")
    match = _author_label().match(line.strip())
    if match:
        byline = match.group("name").strip()
        if _fold(byline).startswith(_newsroom()):
            return byline, None
        paren = _TRAILING_PAREN.search(byline)  # 'Par X (Accra, correspondance)'
        if paren and byline[: paren.start()].strip():
            found = byline_from_line(f"{match.group(0)[: match.start('name')]}{byline[: paren.start()]}",
                                     allow_lone_name=False)
            return (found[0], paren.group("role").strip()) if found and found[1] is None else None
        parts = [p.strip() for p in byline.split(",")]
        names: list[str] = []
        for k, part in enumerate(parts):
            people = [n.strip() for n in re.split(r"\s+(?:et|and|&)\s+", part) if n.strip()]
            if people and not _has_role_word(part) and all(name_like(n, min_words=1, caps=True) for n in people):
                names += people
                continue
            role = ", ".join(parts[k:])
            if names and _role_like(role) and any(len(n.split()) >= 2 for n in names):
                return ", ".join(_person_case(n) for n in names), role
            return None
        return (", ".join(_person_case(n) for n in names), None) if names else None
    if allow_lone_name and name_like(line, min_words=2) and not _credit_line(line):
        return line.strip(), None
    return None


def _credit_line(line: str) -> bool:
    """'With AFP', 'Avec Reuters': an agency credit, shaped like a name but not a person."""
    return any(p.match(line.strip()) for p in boilerplate_rules().credit)


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(w for r in metadata_rules().values() for w in r.role_words)


def _has_role_word(text: str) -> bool:
    return any(word in _role_words() for word in _fold(text).split())


def _role_line(text: str) -> bool:
    """A line under a byline that only names the writer's post ('BBC Africa correspondent')."""
    return _role_like(text) and len(text.split()) <= 6 and _has_role_word(text)


def _role_like(text: str) -> bool:
    """A writer's post or outlet after a byline's names: short, no sentence, no date."""
    words = text.split()
    return 0 < len(words) <= ROLE_MAX_WORDS and not text.endswith((".", "!", "?")) and not any(
        ch.isdigit() for ch in text
    )


def author_from_line(line: str, *, allow_lone_name: bool) -> str | None:
    """The author named by a byline (see byline_from_line), without the role."""
    found = byline_from_line(line, allow_lone_name=allow_lone_name)
    return found[0] if found else None


def headline_like(line: str) -> bool:
    """A short line without a final period: what a headline looks like ("News & Insights" has
    two words, not three: signs do not count)."""
    text = line.strip()
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return False
    if text.endswith((".", ";", ",", ":")) and not text.endswith("..."):
        return False
    if headline_rules().caption.search(text):
        return False  # "... on June 13. Jane Doe/AFP/Getty Images": a photo caption
    return sum(ch.isalpha() for ch in text) >= 8


def _known_outlet(name: str) -> bool:
    rules = outlet_rules()
    folded = name.strip().lower()
    if folded in {a.lower() for a in rules.agencies}:
        return True
    return " " not in folded and folded.endswith(rules.name_suffixes)


def split_title_outlet(line: str) -> tuple[str, str | None]:
    """'Headline - outlet.com' -> ('Headline', 'outlet.com'); other titles unchanged.

    An outlet after a dash is accepted when it is a domain, a known agency, follows a '|',
    or is a short capitalised name after a headline of five words or more.
    """
    match = _TITLE_TAIL.match(line.strip())
    if not match:
        return line.strip(), None
    title, outlet, sep = match.group("title").strip(), match.group("outlet").strip(), match.group("sep")
    words = outlet.split()
    capitalised = len(words) <= 3 and all(w[:1].isupper() for w in words)
    # A masthead follows a real headline: five words or more, not itself cut by the same
    # separator (three short groups between dashes are a motto or a list, not headline + outlet).
    headline_words = [w for w in title.split() if any(ch.isalnum() for ch in w)]
    series = f" {sep} " in title
    if (
        _DOMAIN.fullmatch(outlet)
        or _known_outlet(outlet)
        or (sep == "|" and len(words) <= 5)
        or (capitalised and len(headline_words) >= 5 and not series and outlet.lower() not in title.lower())
    ):
        return title, outlet
    return line.strip(), None


def lead_in_outlet(paragraph: str) -> tuple[str | None, int]:
    """An agency named before a dash opening the body ('Xyz - The minister ...').

    Returns (outlet, characters to strip). A place before the dash ('Bamako - ...') is not an
    outlet and is kept; 'Bamako (AFP) - ' and 'AFP-Bamako (Mali) - ' name the agency but keep the
    text, whose dateline names a place.
    """
    match = _LEAD_IN.match(paragraph)
    if match and _known_outlet(match.group("outlet")):
        keep_text = "(" in match.group(0) or match.group("place")  # 'Agency-Place (Country) - ...'
        return match.group("outlet").strip(), 0 if keep_text else match.end()
    paren = _PAREN_AGENCY.match(paragraph)
    if paren and _known_outlet(paren.group("outlet")):
        return paren.group("outlet").strip(), 0
    return None, 0


def _outlet_name(text: str) -> str:
    """An outlet as a masthead writes it; ALL-CAPS mastheads are title-cased."""
    text = text.strip(" -–—|•")
    return text.title() if text.isupper() else text


def _short_label(text: str, max_words: int = 2) -> bool:
    """A section or rubric label ('Diplomatie', 'World | Africa', 'News & Insights'): a few
    words (signs do not count), no sentence."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    return 0 < len(words) <= max_words and not text.endswith((".", "!", "?")) and not any(
        ch.isdigit() for ch in text
    )


def _date_line(line: str, lang: str | None) -> dates.DateHit | None:
    """A line that only dates the article: '04-04-2025 13:32', 'Publié le ...', 'Place, le 3 mai 2025',
    'Published: X | Updated: Y', or a date followed by a short rubric ('03/04/2025 | Politique')."""
    found = _dated_byline(line, lang)
    if found and found[1] is None:
        return found[0]
    return None


def title_with_date(line: str, lang: str | None) -> tuple[str, dates.DateHit, str | None] | None:
    """A headline line that goes on with a labelled date ('Headline Publié le jeudi 5 septembre
    2024 | Outlet'), as copied from pages that print them on one line: (headline, date, outlet)."""
    for code in dates.languages(lang):
        for label in dates.label_pattern(code).finditer(line):
            if label.start() == 0 or not line[label.start() - 1].isspace():
                continue
            found = dates.date_prefix(line[label.start():], lang)
            head = line[:label.start()].strip(" \t-–—|•,")
            if not found or not headline_like(head):
                continue
            hit, rest = found
            rest = rest.lstrip("|-–—• ").strip()
            outlet = rest if rest and _short_label(rest, max_words=4) else None
            if rest and outlet is None:
                continue
            return head, hit, outlet
    return None


def _dated_byline(line: str, lang: str | None) -> tuple[dates.DateHit, str | None] | None:
    """A date line, possibly ending with a byline ('Publié le 3 mai 2025 par X'): (date, author)."""
    found = dates.date_prefix(line, lang)
    if found:
        hit, rest = found
        if not rest or _short_label(rest) or _date_line(rest, lang) or _TIME_OF_DAY.match(rest):
            return hit, None
        if is_boilerplate(rest):  # '3 May 2025 10:00 GMT Updated 2 hours ago'
            return hit, None
        author = author_from_line(rest, allow_lone_name=False)
        return (hit, author) if author else None
    hit = dates.place_date_line(line, lang)
    return (hit, None) if hit else None


def _rubric_then_date(line: str, lang: str | None) -> dates.DateHit | None:
    """A rubric line that ends with the date: 'Business & Finance Print 2025-03-28'."""
    text = line.rstrip()
    found = [h for h in dates.find_dates(text, lang) if h.end == len(text) and h.start > 0]
    if not found:
        return None
    head = text[:found[-1].start].strip(" \t|-–—•,:")
    return found[-1] if _short_label(head, max_words=4) else None


# the time after a date on a date line: '— 08:03 am EST', '16:52', '| 10h30 GMT+1'
_TIME_OF_DAY = re.compile(
    r"^[-–—|,•]?\s*\d{1,2}\s*[:h.]\s*\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?\s*$", re.IGNORECASE
)
_SEGMENTS = re.compile(r"\s+[-–—|•]\s+")


def _masthead(
    line: str, lang: str | None, after_title: bool = False
) -> tuple[str | None, dates.DateHit | None, str | None] | None:
    """'OUTLET | Rubric | 15 May 2025', 'OUTLET - Publié le ...', 'Par X - 14 juillet 2025':
    (outlet, date, author). Under the headline, a person's name beside the date
    ('Jane Doe | 12.03.2026 - Update: 12.03.2026') is the byline, not an outlet."""
    segments = [seg.strip() for seg in _SEGMENTS.split(line) if seg.strip()]
    if len(segments) < 2 or any(len(seg.split()) > 7 or seg.endswith(".") for seg in segments):
        return None
    hit = None
    others = []
    for seg in segments:
        seg_hit = _date_line(seg, lang)
        if seg_hit and hit is None:
            hit = seg_hit
        else:
            others.append(seg)
    if hit is None or not others:
        return None
    author = author_from_line(others[0], allow_lone_name=False)
    if author:
        return None, hit, author
    name = others[0]
    if after_title and name_like(name, min_words=2) and not name.isupper() and not _known_outlet(name):
        return None, hit, name
    return _outlet_name(name), hit, None


def _known_outlet_line(line: str) -> str | None:
    """A line that is only an outlet's name: a known agency ('Reuters' under the headline), a
    known outlet with its bureau ('BBC News, Accra'), or a site's domain ('sahelnews.com')."""
    name, _, place = line.partition(",")
    known = name.lower() in {a.lower() for a in outlet_rules().agencies}
    if known and (not place or (len(place.split()) <= 3 and place.strip()[:1].isupper())):
        return name.strip()
    if _DOMAIN.fullmatch(line):
        return line
    return None


def _caps_masthead(line: str) -> bool:
    """'AFRICA DEFENCE REVIEW' alone on a line above the headline: an outlet's name."""
    words = line.split()
    return 1 <= len(words) <= 4 and line.isupper() and sum(ch.isalpha() for ch in line) >= 3


def _letterhead(line: str) -> bool:
    """A line of an official document's heading: the state, its motto, the issuing ministry,
    a 'COMMUNIQUÉ DE PRESSE' label (data/boilerplate/*.yaml, `letterhead`)."""
    rules = boilerplate_rules()
    return any(p.match(line) for p in (*rules.letterhead, *rules.issuer))


def _issuer(line: str) -> bool:
    """A letterhead line naming the issuing body ('MINISTÈRE DE ...'), the document's outlet."""
    return any(p.match(line) for p in boilerplate_rules().issuer)


_SMALL_WORDS = frozenset({"de", "des", "du", "la", "le", "les", "et", "à", "of", "the", "and", "for", "in", "on"})


def issuer_name(line: str) -> str:
    """'MINISTÈRE DES AFFAIRES ÉTRANGÈRES' -> 'Ministère des Affaires Étrangères' (small words lower)."""
    if not line.isupper():
        return line.strip()
    words = []
    for i, word in enumerate(line.strip().split()):
        lower = word.lower()
        if i and lower in _SMALL_WORDS:
            words.append(lower)
        elif "'" in lower or "’" in lower:  # D'ÉTAT -> d'État
            head, sep, tail = re.split(r"(['’])", lower, maxsplit=1)
            words.append((head if i else head.capitalize()) + sep + tail.capitalize())
        else:
            words.append(lower.capitalize())
    return " ".join(words)


@dataclass(frozen=True)
class HeadlineRules:
    media_markers: tuple[str, ...]
    end_markers: tuple[re.Pattern[str], ...]
    search_lines: int
    furniture_max_words: int
    caption: re.Pattern[str]  # a statement ending with a photo credit


@lru_cache(maxsize=1)
def headline_rules() -> HeadlineRules:
    """data/metadata/headlines.yaml, checked once."""
    where = "data/metadata/headlines.yaml"
    data = read_data_yaml("metadata/headlines.yaml")
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: expected a mapping")
    markers = data.get("media_markers")
    ends = data.get("end_markers")
    if not isinstance(markers, list) or not all(isinstance(m, str) for m in markers):
        raise DataFileError(f"{where}: media_markers must be a list of strings")
    if not isinstance(ends, list) or not all(isinstance(m, str) for m in ends):
        raise DataFileError(f"{where}: end_markers must be a list of strings")
    try:
        compiled = tuple(re.compile(p, re.IGNORECASE) for p in ends)
    except re.error as exc:
        raise DataFileError(f"{where}: bad end marker: {exc}") from exc
    try:
        search, furniture = int(data["search_lines"]), int(data["furniture_max_words"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{where}: search_lines and furniture_max_words must be numbers") from exc
    credits = data.get("photo_credits")
    if not isinstance(credits, list) or not all(isinstance(c, str) for c in credits):
        raise DataFileError(f"{where}: photo_credits must be a list of strings")
    alternation = "|".join(re.escape(c) for c in sorted(credits, key=len, reverse=True))
    caption = re.compile(rf"[.!?]\s+(?:[^.!?]{{0,60}}[\s/])?(?:{alternation})\s*\)?$", re.IGNORECASE)
    return HeadlineRules(tuple(sorted(markers, key=len, reverse=True)), compiled, search, furniture, caption)


def strip_media_marker(title: str) -> str:
    """'Vessel completes mission PHOTO' -> 'Vessel completes mission'; 'VIDEO: X' -> 'X'."""
    text = title.strip()
    for marker in headline_rules().media_markers:
        m = re.fullmatch(rf"(?P<t>.+?)\s*[-–—|:(\[]?\s*{re.escape(marker)}\s*[)\]]?", text)
        if m and headline_like(m.group("t")):
            return m.group("t").strip()
        m = re.fullmatch(rf"[(\[]?{re.escape(marker)}[)\]]?\s*[-–—|:]\s*(?P<t>.+)", text)
        if m and headline_like(m.group("t")):
            return m.group("t").strip()
    return text


def _not_headline(line: str, lang: str | None) -> bool:
    found = dates.date_prefix(line, lang)  # ' date 2025-03-28 <ticker>': what follows the date
    if found and found[1] and is_boilerplate(found[1]):
        return True
    return (not headline_like(line) or is_boilerplate(line) or _dated_byline(line, lang) is not None
            or byline_from_line(line, allow_lone_name=True) is not None)


def headline_over_date(lines: list[str], lang: str | None = None) -> int | None:
    """Index of the headline sitting right above a line that only dates the article, under
    page furniture (menus, tickers, share buttons) -- None when the first lines hold a body
    paragraph before any such pair."""
    rules = headline_rules()
    filled = [i for i, ln in enumerate(lines) if ln.strip()][: rules.search_lines]
    for k, i in enumerate(filled):
        line = lines[i].strip()
        if len(line.split()) > rules.furniture_max_words:
            return None
        if k and _date_line(line, lang):
            prev = strip_media_marker(lines[filled[k - 1]])
            if not _not_headline(prev, lang) and not _caps_masthead(prev):  # 'AFRICA DEFENCE REVIEW' / date
                return filled[k - 1]
    return None


def trailing_headline(lines: list[str], lang: str | None = None) -> int | None:
    """Index of a headline that a copy put at the end of the text: the last line, shaped like a
    headline, after a line that ends the body ("... END [Copyright ...]", "© 2025 ...")."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 2:
        return None
    last, before = lines[filled[-1]].strip(), lines[filled[-2]].strip()
    if _not_headline(last, lang) or name_like(last, min_words=2):
        return None
    return filled[-1] if any(p.search(before) for p in headline_rules().end_markers) else None


def parse_header(lines: list[str], lang: str | None = None, title: str | None = None) -> Header:
    """Read header lines (dates, bylines, mastheads, rubrics, the headline) until the body starts.

    A given `title` (from HTML or a feed) is taken as known: a line repeating it is dropped and
    a lone name line after it is a byline.
    """
    header = Header(title=title)
    over_date = None if title else headline_over_date(lines, lang)
    i = 0
    seen = 0
    caps_line: str | None = None  # an ALL-CAPS line taken as the outlet, until a letterhead says otherwise
    issuer: str | None = None
    after_byline = False
    while i < len(lines) and (seen < HEADER_MAX_LINES or (over_date is not None and i <= over_date)):
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        seen += 1
        furniture = over_date is not None and i - 1 < over_date  # above the headline over the date
        if over_date is not None and i - 1 == over_date:
            found = dates.date_prefix(line, lang)  # ' date 2025-05 Headline'
            if found and headline_like(found[1]):
                header.dates.append(found[0])
                line = found[1]
            header.title, outlet = split_title_outlet(strip_media_marker(line))
            header.outlet = header.outlet or outlet
            continue
        if is_boilerplate(line):
            continue
        if header.title is None and _letterhead(line):
            if caps_line and header.outlet == _outlet_name(caps_line):  # 'BURKINA FASO' above a motto
                header.letterhead.append(caps_line)
                header.outlet = None
            header.letterhead.append(line)
            caps_line = None
            if _issuer(line) and issuer is None:
                issuer = issuer_name(line)
            continue
        dated = _dated_byline(line, lang)
        if dated:
            header.dates.append(dated[0])
            header.author = header.author or dated[1]
            continue
        masthead = _masthead(line, lang, after_title=header.title is not None)
        if masthead:
            header.outlet = header.outlet or masthead[0]
            header.author = header.author or masthead[2]
            if masthead[1]:
                header.dates.append(masthead[1])
            continue
        outlet_line = _known_outlet_line(line)
        if outlet_line:
            header.outlet = header.outlet or outlet_line
            continue
        rubric_date = _rubric_then_date(line, lang)
        if rubric_date:
            header.dates.append(rubric_date)
            continue
        byline = byline_from_line(line, allow_lone_name=header.title is not None)
        if byline:
            if header.author is None:
                header.author, header.author_role = byline
                after_byline = True
            continue
        if after_byline and header.author_role is None and _role_line(line):  # 'By X' / 'Africa correspondent'
            header.author_role = line
            after_byline = False
            continue
        after_byline = False
        if furniture:
            if _caps_masthead(line) and header.outlet is None:
                header.outlet, caps_line = _outlet_name(line), line
            continue  # menus, tickers, share buttons: never the headline
        titled = title_with_date(line, lang)
        if titled and (header.title is None or same_text(titled[0], header.title)):
            header.title = header.title or split_title_outlet(strip_media_marker(titled[0]))[0]
            header.dates.append(titled[1])
            header.outlet = header.outlet or titled[2]
            continue
        if header.title is not None:
            if same_text(line, header.title) or same_text(split_title_outlet(line)[0], header.title):
                continue
            i -= 1
            break
        if _caps_masthead(line):
            if header.outlet is None:
                header.outlet, caps_line = _outlet_name(line), line
            continue
        found = dates.date_prefix(line, lang)
        candidate = found[1] if found and headline_like(found[1]) else line
        if headline_like(candidate):
            if candidate is not line and found:
                header.dates.append(found[0])
            header.title, outlet = split_title_outlet(strip_media_marker(candidate))
            header.outlet = header.outlet or outlet
            continue
        if _short_label(line):
            continue
        i -= 1
        break
    header.body_start = i
    header.outlet = header.outlet or issuer
    return header


STANDFIRST_LINES = 2


def late_header(lines: list[str], lang: str | None = None) -> Header:
    """Byline and date lines printed under a standfirst ('Title / Standfirst. / By X /
    Published ...'): read into a Header and blanked in `lines`; the standfirst stays text.

    Only lines that are unmistakably header lines (a labelled byline, a date line) are taken,
    and only among the first lines after at most two standfirst paragraphs.
    """
    found = Header()
    filled = [i for i, ln in enumerate(lines) if ln.strip()][: STANDFIRST_LINES + 3]
    standfirst = 0
    for i in filled:
        line = lines[i].strip()
        dated = _dated_byline(line, lang)
        byline = None if dated else byline_from_line(line, allow_lone_name=False)
        if dated:
            found.dates.append(dated[0])
            found.author = found.author or dated[1]
        elif byline:
            if found.author is None:
                found.author, found.author_role = byline
        elif found.dates or found.author or standfirst >= STANDFIRST_LINES:
            break
        else:
            standfirst += 1
            continue
        lines[i] = ""
    return found


def sign_off_author(lines: list[str]) -> tuple[str | None, int | None]:
    """A name alone on the last line ('K. Mamadou'): the author; returns (name, line index)."""
    found = sign_off_byline(lines)
    return (found[0], found[2]) if found else (None, None)


def sign_off_byline(lines: list[str]) -> tuple[str, str | None, int] | None:
    """The last line as a sign-off: a lone name ('K. Mamadou') or a labelled byline with a
    role ('Author: Jane Doe, Senior Fellow'): (author, role, line index)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 3:
        return None
    last = filled[-1]
    text = lines[last].strip()
    if name_like(text, min_words=2) and len(text) <= 40:
        return text, None, last
    if _author_label().match(text) and len(text) <= 160:
        byline = byline_from_line(text, allow_lone_name=False)
        if byline:
            return byline[0], byline[1], last
    return None
