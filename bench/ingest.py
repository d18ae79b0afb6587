"""Ingestion throughput: articles per second for `suivi.ingest.api.ingest` alone.

Generates N synthetic plain-text articles (mixed French and English, with the header shapes
real files have: a dated headline line, a byline, a publication line, boilerplate), writes
them to a temporary folder, ingests them into a fresh temporary SQLite store (no later
stages), and reports the rate. Run:

    .venv/bin/python bench/ingest.py [--n 10000] [--keep]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from suivi.ingest.api import ingest
from suivi.store import open_store
from suivi.store.articles import count_articles

PLACES = ["Bamako", "Niamey", "Ouagadougou", "Dakar", "Abidjan", "Accra", "Lomé", "Cotonou", "Conakry", "Nouakchott"]
TOPICS_FR = ["routes rurales", "écoles", "centrales solaires", "forages", "hôpitaux de district", "marchés couverts"]
TOPICS_EN = ["rural roads", "schools", "solar plants", "boreholes", "district hospitals", "covered markets"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def article_fr(i: int, rng: random.Random) -> str:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS_FR)
    day, month = rng.randint(1, 28), rng.randrange(10)
    lines = [
        f"{day:02d}-{month + 1:02d}-2025 {rng.randint(6, 22)}:{rng.randint(0, 59):02d} - "
        f"{place} : le programme de {topic} numéro {i} avance",
        "",
        f"Le ministère a présenté à {place} un programme de {topic} qui doit couvrir {rng.randint(3, 90)} "
        f"communes d'ici {rng.randint(2026, 2030)}. Le financement, estimé à {rng.randint(2, 400)} milliards, "
        "sera réparti sur plusieurs années selon le calendrier annoncé.",
        "LA SUITE APRÈS LA PUBLICITÉ",
        f"Selon le communiqué publié le {day} {MONTHS_FR[month]} 2025, les premiers travaux commenceront "
        f"avant la saison des pluies. Les élus locaux ont salué l'annonce, tout en demandant un suivi public "
        f"des engagements pris (dossier {i}).",
        "Lire aussi : un autre programme régional",
        f"Le gouvernement s'est engagé à publier un rapport d'étape tous les {rng.randint(2, 12)} mois.",
    ]
    return "\n".join(lines) + "\n"


def article_en(i: int, rng: random.Random) -> str:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS_EN)
    day, month = rng.randint(1, 28), rng.randrange(10)
    lines = [
        f"{place} unveils plan for {topic}, project {i}",
        f"By Staff Writer {chr(65 + i % 26)}. Reporter",
        f"Published: {MONTHS_EN[month]} {day}, 2025",
        "3 Min Read",
        "",
        f"The ministry presented in {place} a plan for {topic} meant to reach {rng.randint(3, 90)} districts "
        f"by {rng.randint(2026, 2030)}. Funding of {rng.randint(2, 400)} million will be spread over several years.",
        f"Local officials welcomed the announcement and asked for public reporting on the pledges (file {i}).",
        f"The government promised a progress report every {rng.randint(2, 12)} months.",
        "Share This Article",
        "TAGGED: development",
    ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    for i in range(n):
        text = article_fr(i, rng) if i % 2 == 0 else article_en(i, rng)
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles to generate")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="suivi-bench-"))
    corpus = work / "corpus"
    corpus.mkdir()
    try:
        start = time.perf_counter()
        generate(corpus, args.n)
        generated = time.perf_counter() - start

        store = open_store(str(work / "bench.db"))
        start = time.perf_counter()
        report = ingest(store, [str(corpus)])
        elapsed = time.perf_counter() - start
        with store.connect() as conn:
            stored = count_articles(conn)
        store.close()

        print(f"generated {args.n} articles in {generated:.1f} s ({work})")
        print(
            f"ingested {len(report.new)} new, {len(report.duplicates)} duplicate, "
            f"{len(report.rejected)} rejected in {elapsed:.1f} s; {stored} stored"
        )
        print(f"{args.n / elapsed:.0f} articles/second (ingest alone, one transaction per file, SQLite WAL)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
