"""Synthetic news corpus for the benchmarks: French and English reports of invented pledges.

Why synthetic: real article text never enters the repository, and the benchmarks need corpora
of any size (400 to 100k articles) that exercise every stage the way news does: a dateline and
a byline, a headline, quoted officials with titles, pledges with parties and deadlines, list
items, dates, places, boilerplate, and several outlets reporting the same event (so reconcile
merges and follow finds later evidence). Persons are invented from syllables; states, capitals
and bodies are the gazetteer's. The texts are deterministic for a seed.

    .venv/bin/python bench/corpus.py OUT_DIR --n 400 [--seed 0] [--english 0.4]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# (code, French name with article, French "à/au" form, English name, capital fr, capital en, adjective fr m.sg.)
STATES = [
    ("MLI", "le Mali", "au Mali", "Mali", "Bamako", "Bamako", "malien"),
    ("NER", "le Niger", "au Niger", "Niger", "Niamey", "Niamey", "nigérien"),
    ("BFA", "le Burkina Faso", "au Burkina Faso", "Burkina Faso", "Ouagadougou", "Ouagadougou", "burkinabè"),
    ("SEN", "le Sénégal", "au Sénégal", "Senegal", "Dakar", "Dakar", "sénégalais"),
    ("CIV", "la Côte d'Ivoire", "en Côte d'Ivoire", "Côte d'Ivoire", "Yamoussoukro", "Yamoussoukro", "ivoirien"),
    ("GHA", "le Ghana", "au Ghana", "Ghana", "Accra", "Accra", "ghanéen"),
    ("TGO", "le Togo", "au Togo", "Togo", "Lomé", "Lomé", "togolais"),
    ("BEN", "le Bénin", "au Bénin", "Benin", "Porto-Novo", "Porto-Novo", "béninois"),
    ("GIN", "la Guinée", "en Guinée", "Guinea", "Conakry", "Conakry", "guinéen"),
    ("MRT", "la Mauritanie", "en Mauritanie", "Mauritania", "Nouakchott", "Nouakchott", "mauritanien"),
    ("TCD", "le Tchad", "au Tchad", "Chad", "N'Djaména", "N'Djamena", "tchadien"),
    ("CMR", "le Cameroun", "au Cameroun", "Cameroon", "Yaoundé", "Yaoundé", "camerounais"),
    ("MAR", "le Maroc", "au Maroc", "Morocco", "Rabat", "Rabat", "marocain"),
    ("DZA", "l'Algérie", "en Algérie", "Algeria", "Alger", "Algiers", "algérien"),
    ("FRA", "la France", "en France", "France", "Paris", "Paris", "français"),
    ("DEU", "l'Allemagne", "en Allemagne", "Germany", "Berlin", "Berlin", "allemand"),
    ("RUS", "la Russie", "en Russie", "Russia", "Moscou", "Moscow", "russe"),
    ("CHN", "la Chine", "en Chine", "China", "Pékin", "Beijing", "chinois"),
    ("TUR", "la Turquie", "en Turquie", "Turkey", "Ankara", "Ankara", "turc"),
    ("JPN", "le Japon", "au Japon", "Japan", "Tokyo", "Tokyo", "japonais"),
    ("IND", "l'Inde", "en Inde", "India", "New Delhi", "New Delhi", "indien"),
    ("BRA", "le Brésil", "au Brésil", "Brazil", "Brasilia", "Brasília", "brésilien"),
]
BODIES_FR = ["l'Union africaine", "la CEDEAO", "l'Union européenne", "la Banque mondiale", "les Nations unies"]
BODIES_EN = ["the African Union", "ECOWAS", "the European Union", "the World Bank", "the United Nations"]

SYLLABLES = ["ba", "ko", "ma", "di", "sa", "lo", "ra", "ni", "fa", "tou", "ke", "mi", "da", "no", "si", "ga",
             "bou", "ya", "te", "la", "vo", "ri", "zé", "ka", "lé", "mo", "su", "ha", "be", "dou"]

# (French noun phrase, English noun phrase, sector)
PROJECTS = [
    ("la construction de {n} écoles", "build {n} schools", "education"),
    ("la réhabilitation de {n} kilomètres de routes", "rehabilitate {n} kilometres of roads", "infrastructure"),
    ("la livraison de {n} tonnes de céréales", "deliver {n} tonnes of grain", "food"),
    ("la formation de {n} officiers", "train {n} officers", "security"),
    ("l'ouverture de {n} centres de santé", "open {n} health centres", "health"),
    ("le forage de {n} puits", "drill {n} boreholes", "water"),
    ("l'installation de {n} mégawatts solaires", "install {n} megawatts of solar power", "energy"),
    ("l'octroi de {n} bourses d'études", "grant {n} scholarships", "education"),
    ("la création d'un fonds de {n} millions d'euros", "set up a fund of {n} million euros", "finance"),
    ("le déploiement de {n} médecins", "deploy {n} doctors", "health"),
]
TITLES_FR = ["ministre des Affaires étrangères", "ministre de l'Économie", "ministre de la Défense",
             "Premier ministre", "ministre de la Santé", "président"]
TITLES_EN = ["foreign minister", "economy minister", "defence minister", "prime minister", "health minister",
             "president"]
OUTLETS = [("Sahel Matin", "fr"), ("Le Courrier de l'Ouest", "fr"), ("Journal du Fleuve", "fr"),
           ("Écho des Capitales", "fr"), ("Continental Wire", "en"), ("Savannah Times", "en"),
           ("Gulf of Guinea Post", "en")]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

# Filler sentences are drawn from a small grammar (opener, subject, verb, object, tail) so
# that two articles share few word 4-grams beyond their facts, as two outlets' reports do.
GRAMMAR_FR = {
    "opener": ["", "Dans la foulée, ", "De leur côté, ", "Par ailleurs, ", "Depuis plusieurs mois, ", "Selon nos "
               "informations, ", "Sur le terrain, ", "À la veille du scrutin, ", "Dans les milieux d'affaires, ",
               "En coulisses, ", "Pour l'heure, ", "Au sein du gouvernement, "],
    "subject": ["les observateurs", "plusieurs économistes", "les syndicats", "des élus locaux", "l'opposition",
                "les bailleurs", "des diplomates", "les organisations paysannes", "les commerçants du marché central",
                "des responsables régionaux", "les associations de consommateurs", "des chercheurs indépendants",
                "les transporteurs", "une partie de la presse", "les partenaires techniques"],
    "verb": ["jugent", "estiment", "rappellent", "soulignent", "regrettent", "observent", "notent", "craignent",
             "saluent", "contestent", "relativisent", "mettent en avant"],
    "object": ["la lenteur des procédures", "le poids de la dette", "la hausse des prix des denrées",
               "les retards accumulés", "le manque de transparence", "la fragilité des finances publiques",
               "l'ampleur des besoins", "la pression sur les budgets locaux", "les tensions aux frontières",
               "la saison sèche qui s'annonce", "le coût de l'énergie", "la faiblesse des investissements privés",
               "les difficultés d'accès au crédit", "la situation sécuritaire"],
    "tail": [".", " dans les zones rurales.", " depuis le début de l'année.", " malgré les annonces répétées.",
             " selon un rapport récent.", " au grand dam des usagers.", " sans que rien ne change vraiment.",
             " dans la plupart des régions.", " à quelques semaines de la rentrée.", " comme l'an dernier."],
}
GRAMMAR_EN = {
    "opener": ["", "Meanwhile, ", "For their part, ", "In addition, ", "For several months, ", "According to "
               "people familiar with the talks, ", "On the ground, ", "Ahead of the vote, ", "In business circles, ",
               "Behind the scenes, ", "For now, ", "Within the government, "],
    "subject": ["observers", "several economists", "trade unions", "local officials", "the opposition", "donors",
                "diplomats", "farmers' groups", "traders at the central market", "regional officials",
                "consumer groups", "independent researchers", "hauliers", "part of the press",
                "technical partners"],
    "verb": ["point to", "highlight", "recall", "stress", "regret", "note", "worry about", "welcome", "dispute",
             "play down", "warn about", "question"],
    "object": ["the slow pace of procedures", "the weight of debt", "rising food prices", "accumulated delays",
               "a lack of transparency", "fragile public finances", "the scale of needs",
               "pressure on local budgets", "tensions at the borders", "the coming dry season", "the cost of energy",
               "weak private investment", "difficult access to credit", "the security situation"],
    "tail": [".", " in rural areas.", " since the start of the year.", " despite repeated announcements.",
             " according to a recent report.", " to the dismay of users.", " with little real change.",
             " in most regions.", " a few weeks before the new school year.", " as they did last year."],
}


def _filler(rng: random.Random, grammar: dict[str, list[str]], n: int) -> str:
    out = []
    for _ in range(n):
        opener = rng.choice(grammar["opener"])
        subject = rng.choice(grammar["subject"])
        subject = subject[0].upper() + subject[1:] if not opener else subject
        out.append(f"{opener}{subject} {rng.choice(grammar['verb'])} {rng.choice(grammar['object'])}"
                   f"{rng.choice(grammar['tail'])}")
    return " ".join(out)


@dataclass
class Person:
    first: str
    last: str
    state: int
    title: int


@dataclass
class Event:
    """One real-world event several outlets report: a visit where a pledge is made."""

    day: date
    donor: int
    recipient: int
    host: int
    project: int
    amount: int
    deadline_year: int
    speaker: Person
    partner: Person
    body: int


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _persons(rng: random.Random, n: int) -> list[Person]:
    return [Person(_name(rng), _name(rng), rng.randrange(len(STATES)), rng.randrange(len(TITLES_FR)))
            for _ in range(n)]


def _event(rng: random.Random, persons: list[Person], day: date) -> Event:
    donor, recipient = rng.sample(range(len(STATES)), 2)
    speakers = [p for p in persons if p.state == donor] or persons
    partners = [p for p in persons if p.state == recipient] or persons
    return Event(day, donor, recipient, rng.choice([donor, recipient]), rng.randrange(len(PROJECTS)),
                 rng.choice([12, 25, 40, 60, 150, 300, 500]), day.year + rng.randint(1, 3),
                 rng.choice(speakers), rng.choice(partners), rng.randrange(len(BODIES_FR)))


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _article_fr(ev: Event, rng: random.Random, outlet: str, serial: int, published: date) -> str:
    d, r, h = STATES[ev.donor], STATES[ev.recipient], STATES[ev.host]
    proj = PROJECTS[ev.project][0].format(n=ev.amount)
    sp, pa = ev.speaker, ev.partner
    sp_title, pa_title = TITLES_FR[sp.title], TITLES_FR[pa.title]
    day = f"{WEEKDAYS_FR[ev.day.weekday()]} {ev.day.day} {MONTHS_FR[ev.day.month - 1]} {ev.day.year}"
    month_next = MONTHS_FR[(ev.day.month + rng.randint(0, 3)) % 12]
    headline = rng.choice([
        f"{_cap(d[1])} promet {proj} {r[2]}",
        f"Coopération : {d[1]} et {r[1]} scellent un accord",
        f"{h[4]} : un nouvel engagement pour {proj.split(' de ', 1)[0]}",
        f"{_cap(r[1])} obtient de {d[1].split(' ', 1)[-1]} une promesse d'aide",
    ])
    lead = rng.choice([
        f"Réunis {day} à {h[4]}, le {sp_title} {d[6]} {sp.first} {sp.last} et son homologue {r[6]} "
        f"{pa.first} {pa.last} ont signé un accord de coopération. {_cap(d[1])} s'engage à financer {proj} "
        f"{r[2]} d'ici fin {ev.deadline_year}.",
        f"{_cap(d[1])} a promis {day} de financer {proj} {r[2]} d'ici fin {ev.deadline_year}, à l'issue "
        f"d'un entretien à {h[4]} entre {sp.first} {sp.last}, {sp_title} {d[6]}, et {pa.first} {pa.last}.",
        f"C'est à {h[4]} que {sp.first} {sp.last}, {sp_title} {d[6]}, a reçu {day} son homologue {r[6]} "
        f"{pa.first} {pa.last}. À la clé, un engagement : {proj} {r[2]} avant la fin de {ev.deadline_year}.",
    ])
    quote = rng.choice([
        f"« Nous tiendrons parole et les premiers chantiers commenceront avant la saison des pluies », a "
        f"déclaré M. {sp.last} devant la presse.",
        f"« Ce n'est qu'un début, d'autres projets suivront », a assuré {sp.first} {sp.last} lors d'une "
        f"conférence de presse conjointe.",
        f"« Les fonds sont disponibles et le calendrier sera respecté », a affirmé M. {sp.last}.",
    ])
    reply = rng.choice([
        "Son homologue a salué « un partenariat fondé sur le respect mutuel » et a rappelé les besoins "
        "urgents des régions du nord.",
        f"M. {pa.last} a de son côté évoqué « une étape importante » pour {r[1]}.",
        f"Pour {pa.first} {pa.last}, cet accord « répond aux attentes des populations ».",
    ])
    lines = [
        f"{published.day:02d}/{published.month:02d}/{published.year} {rng.randint(6, 22)}:{rng.randint(10, 59)} "
        f"| {rng.choice(['Diplomatie', 'Économie', 'Société', 'Politique'])}",
        "",
        headline,
        "",
        f"Publié le {published.day} {MONTHS_FR[published.month - 1]} {published.year}",
        f"Auteur: {_name(rng)} {_name(rng)}",
        "",
        f"{h[4].upper()} — {lead}",
        "",
        f"{quote} {reply}",
        "",
        rng.choice(["Le communiqué conjoint prévoit :", "Le texte signé prévoit notamment :",
                    "Selon le communiqué final, les deux pays ont convenu de :"]),
        f"- la création d'un comité mixte de suivi d'ici {MONTHS_FR[rng.randrange(12)]} {ev.day.year + 1} ;",
        f"- une session ministérielle qui se tiendra chaque année, alternativement à {d[4]} et à {r[4]} ;",
        f"- un appui technique apporté par {BODIES_FR[ev.body]} au programme.",
        "",
        "LA SUITE APRÈS LA PUBLICITÉ",
        "",
        _filler(rng, GRAMMAR_FR, rng.randint(3, 6)),
        "",
        rng.choice([
            f"Selon une source diplomatique, {r[1]} pourrait à terme solliciter un second volet consacré à "
            f"l'énergie.",
            f"{_cap(r[1])} espère obtenir d'autres financements lors du prochain sommet.",
            "Aucun montant n'a été communiqué pour la seconde phase du programme.",
        ]) + f" Le {pa_title} {pa.last} a par ailleurs annoncé qu'il se rendra à {d[4]} en {month_next} "
        f"prochain (dossier {serial}).",
        "",
        _filler(rng, GRAMMAR_FR, rng.randint(2, 5)),
        "",
        "Lire aussi : les autres engagements de la région",
    ]
    return "\n".join(lines) + "\n"


def _article_en(ev: Event, rng: random.Random, outlet: str, serial: int, published: date) -> str:
    d, r, h = STATES[ev.donor], STATES[ev.recipient], STATES[ev.host]
    proj = PROJECTS[ev.project][1].format(n=ev.amount)
    sp, pa = ev.speaker, ev.partner
    day = f"{MONTHS_EN[ev.day.month - 1]} {ev.day.day}"
    headline = rng.choice([
        f"{d[3]} pledges to {proj} in {r[3]}",
        f"{d[3]} and {r[3]} seal cooperation deal in {h[5]}",
        f"{h[5]} talks: {d[3]} to {proj}",
        f"{r[3]} wins aid pledge from {d[3]}",
    ])
    lead = rng.choice([
        f"{d[3]} pledged on {day} to {proj} in {r[3]} by the end of {ev.deadline_year}, after talks between "
        f"{TITLES_EN[sp.title]} {sp.first} {sp.last} and his counterpart {pa.first} {pa.last} in {h[5]}.",
        f"{sp.first} {sp.last}, {d[3]}'s {TITLES_EN[sp.title]}, promised on {day} that his country would "
        f"{proj} in {r[3]} before the end of {ev.deadline_year}.",
        f"Talks in {h[5]} on {day} ended with a pledge: {d[3]} will {proj} in {r[3]} by {ev.deadline_year}, "
        f"{sp.last} and {pa.last} said.",
    ])
    quote = rng.choice([
        f"\"We will keep our word, and the first sites will open before the rainy season,\" {sp.last} told "
        f"reporters.",
        f"\"This is only a beginning, other projects will follow,\" {sp.first} {sp.last} said at a joint "
        f"news conference.",
        f"\"The money is available and the timetable will be met,\" {sp.last} said.",
    ])
    lines = [
        headline,
        f"By {_name(rng)} {_name(rng)}, {outlet}",
        f"Published: {MONTHS_EN[published.month - 1]} {published.day}, {published.year}",
        "3 Min Read",
        "",
        f"{h[5].upper()} ({outlet}) - {lead}",
        "",
        f"{quote} {pa.last} welcomed \"a partnership built on mutual respect\".",
        "",
        f"Under the agreement, a joint monitoring committee will be set up by {MONTHS_EN[rng.randrange(12)]} "
        f"{ev.day.year + 1}, and ministers will meet every year, alternately in {d[5]} and {r[5]}. "
        f"{_cap(BODIES_EN[ev.body])} is to provide technical support.",
        "",
        _filler(rng, GRAMMAR_EN, rng.randint(3, 6)),
        "",
        rng.choice([f"A diplomatic source said {r[3]} could later seek a second package focused on energy.",
                    f"{r[3]} hopes to secure more funding at the next summit.",
                    "No figure was given for the second phase of the programme."])
        + f" {pa.last} also said he would travel to {d[5]} in {MONTHS_EN[(ev.day.month + 1) % 12]} (file {serial}).",
        "",
        _filler(rng, GRAMMAR_EN, rng.randint(2, 5)),
        "",
        "Share This Article",
    ]
    return "\n".join(lines) + "\n"


def articles(n: int, seed: int = 0, english: float = 0.4, per_event: int = 3):
    """Yield (file name, text) for n articles; about `per_event` outlets report each event."""
    rng = random.Random(seed)
    persons = _persons(rng, max(40, n // 10))
    start = date(2024, 1, 1)
    serial = 0
    days = max(30, n // 20)  # constant density: a bigger corpus covers more days
    while serial < n:
        ev = _event(rng, persons, start + timedelta(days=rng.randrange(days)))
        for _ in range(min(per_event, n - serial)):
            outlet, lang = rng.choice(OUTLETS)
            if (lang == "en") != (rng.random() < english):
                outlet, lang = rng.choice([o for o in OUTLETS if (o[1] == "en") == (lang != "en")])
            published = ev.day + timedelta(days=rng.randint(0, 2))
            make = _article_en if lang == "en" else _article_fr
            yield f"{serial:06d}_{lang}.txt", make(ev, rng, outlet, serial, published)
            serial += 1


def generate(folder: Path, n: int, seed: int = 0, english: float = 0.4) -> int:
    """Write n articles as .txt files into folder (sub-folders of 1000); returns the word count."""
    words = 0
    for i, (name, text) in enumerate(articles(n, seed, english)):
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--english", type=float, default=0.4, help="share of English articles")
    args = ap.parse_args()
    words = generate(args.out, args.n, args.seed, args.english)
    print(f"{args.n} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
