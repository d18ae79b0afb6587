"""Benchmark: page latency of the web dashboard on a store of 100,000 generated articles.

Why generated and written through `suivi.store` functions: the claim under test is the web
layer's cost (views, cache, templates, HTTP) on a large store, not the reading stage's; the
store holds what the pipeline would write — articles, spans, actors and their mentions,
quotes, dates, events, commitment mentions merged into commitments, stories, status changes
— built with the store's own insert functions, without spaCy.

The server is the real `suivi serve` in its own process. After one warm-up request per page
(the first builds the register cache; its time is reported as "cold"), each page is fetched
`--requests` times with varying targets (filters, stories, commitments, articles), one at a
time, and the p50/p95 latencies are reported with the server's peak resident memory.

    .venv/bin/python bench/web.py                       # 100,000 articles (store kept in bench/out/)
    .venv/bin/python bench/web.py --articles 5000 --requests 40
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from suivi.models import ArticleDraft
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store
from suivi.store import open_store
from suivi.store import reading as reading_store
from suivi.store import stories as story_store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
STATES = ["MLI", "BFA", "NER", "SEN", "CIV", "GHA", "TGO", "BEN", "NGA", "TCD", "CMR", "GAB", "COG", "COD", "CAF",
          "GIN", "MRT", "DZA", "MAR", "TUN", "EGY", "ETH", "KEN", "RWA", "UGA", "TZA", "AGO", "ZAF", "MOZ", "SDN",
          "RUS", "CHN", "TUR", "FRA", "USA", "IND", "BRA", "ARE", "SAU", "QAT", "JPN", "KOR", "DEU", "ITA", "ESP",
          "GBR", "IRN", "ISR", "UKR", "POL"]
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
ACTIONS = ["financer la construction d'un pont", "livrer du carburant", "former des officiers", "ouvrir une ambassade",
           "construire une centrale solaire", "rénover le port", "fournir des vaccins", "livrer des blindés",
           "bâtir trois écoles", "créer un fonds commun", "annuler une dette", "ouvrir une ligne aérienne"]
SECTORS = ["infrastructure", "energy", "defence", "diplomacy", "health", "education", "economy", "security"]
STATUSES = ["in_progress", "fulfilled", "stalled", "partial", "broken"]
START = date(2019, 1, 1)
VERSION = "bench"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _article(rng: random.Random, n: int, day: date, agent: str, beneficiary: str, action: str,
             person: str) -> tuple[ArticleDraft, dict[str, tuple[int, int]]]:
    """A generated article and the offsets of the facts it states."""
    title = f"{agent} et {beneficiary} : accord numéro {n} sur {action.split()[-1]}"
    lead = (f"Le ministre {person} a reçu son homologue à la capitale le {day.isoformat()} pour des "
            f"consultations sur la coopération entre {agent} et {beneficiary}. ")
    pledge = f"{agent} va {action} pour {beneficiary} d'ici {day.year + 1}. "
    quote = f"« Nous tiendrons parole et nous irons vite », a déclaré {person}. "
    filler = " ".join(rng.choice([
        "Les deux délégations ont aussi évoqué la sécurité régionale et le commerce.",
        "Plusieurs accords techniques doivent encore être signés dans les prochains mois.",
        "Des experts estiment que le calendrier reste ambitieux au vu des moyens disponibles.",
        "La société civile a demandé plus de transparence sur le financement du projet.",
        "Le communiqué final salue une relation fondée sur le respect mutuel et l'intérêt commun.",
    ]) for _ in range(6))
    text = f"{title}\n\n{lead}{pledge}{quote}\n\n{filler}\n"
    due = f"d'ici {day.year + 1}"
    offsets = {
        "agent": (text.index(agent, len(title)), text.index(agent, len(title)) + len(agent)),
        "person": (text.index(person), text.index(person) + len(person)),
        "pledge": (text.index(pledge), text.index(pledge) + len(pledge) - 1),
        "quote": (text.index("« Nous"), text.index("« Nous") + len("« Nous tiendrons parole et nous irons vite »")),
        "date": (text.index(due), text.index(due) + len(due)),
    }
    draft = ArticleDraft(text=text, raw=text.encode(), source=f"bench://{n}", source_kind="text",
                         outlet=rng.choice(OUTLETS), title=title, published=day.isoformat(),
                         published_precision="day", language="fr", url=f"https://example.org/{n}")
    return draft, offsets


def generate(db: Path, n_articles: int, seed: int = 7) -> None:
    """Write `n_articles` articles grouped in stories of three, with every stage's rows."""
    rng = random.Random(seed)
    store = open_store(str(db))
    persons = [f"Personne{i:04d} Nom{i:04d}" for i in range(2000)]
    with store.begin() as conn:
        wanted = [{"key": s, "kind": "state", "name": s, "code": s, "aliases": []} for s in STATES]
        wanted += [{"key": f"person:p{i}", "kind": "person", "name": p, "aliases": []} for i, p in enumerate(persons)]
        ids = reading_store.upsert_actors(conn, wanted)
    n_days = max(30, n_articles // 40)
    made = 0
    t0 = time.perf_counter()
    story_no = 0
    while made < n_articles:
        with store.begin() as conn:
            for _ in range(min(300, (n_articles - made + 2) // 3)):
                story_no += 1
                day = START + timedelta(days=rng.randrange(n_days))
                agent, beneficiary = rng.sample(STATES, 2)
                action = rng.choice(ACTIONS)
                person_i = rng.randrange(len(persons))
                person = persons[person_i]
                state = story_store.StoryState(0, day.isoformat(), "meeting", None, sorted([agent, beneficiary]),
                                               None, 3, label=f"{agent} et {beneficiary} : {action}")
                story_id = story_store.create_story(conn, state, VERSION)
                commitment_id = None
                key = None
                for k in range(3):
                    if made >= n_articles:
                        break
                    made += 1
                    published = day + timedelta(days=k)
                    draft, off = _article(rng, made, published, agent, beneficiary, action, person)
                    aid, _ = article_store.insert_article(conn, draft)
                    text = draft.text
                    items = [(s, e, text[s:e], text[off["pledge"][0]:off["pledge"][1]], off["pledge"][0],
                              off["pledge"][1]) for s, e in off.values()]
                    spans = reading_store.add_spans(conn, aid, items)
                    reading_store.insert_rows(conn, reading_store.mentions, [
                        {"article_id": aid, "actor_id": ids[agent], "span_id": spans[off["agent"]], "surface": agent,
                         "role": None, "serves": None, "label": "gaz", "extractor_version": VERSION},
                        {"article_id": aid, "actor_id": ids[f"person:p{person_i}"], "span_id": spans[off["person"]],
                         "surface": person, "role": "ministre", "serves": agent, "label": "rule",
                         "extractor_version": VERSION},
                    ])
                    reading_store.insert_rows(conn, reading_store.quotes, [
                        {"article_id": aid, "span_id": spans[off["quote"]],
                         "speaker_actor_id": ids[f"person:p{person_i}"], "verb": "déclarer", "direct": True,
                         "text": "Nous tiendrons parole et nous irons vite", "extractor_version": VERSION}])
                    reading_store.insert_rows(conn, reading_store.time_expressions, [
                        {"article_id": aid, "span_id": spans[off["date"]], "text": f"d'ici {day.year + 1}",
                         "kind": "deadline", "value": str(day.year + 1), "precision": "year", "start": None,
                         "end": None, "recurrence": None, "extractor_version": VERSION}])
                    reading_store.insert_rows(conn, reading_store.events, [
                        {"article_id": aid, "span_id": spans[off["person"]], "kind": "meeting",
                         "date": published.isoformat(), "date_precision": "day", "place_actor_id": ids[agent],
                         "participants": [agent, beneficiary, f"person:p{person_i}"], "extractor_version": VERSION}])
                    mkey = commitment_store.mention_key(article_store.content_hash(text), *off["pledge"])
                    mid = commitment_store.insert_mention(
                        conn, key=mkey, article_id=aid, span_id=spans[off["pledge"]], extractor_version=VERSION,
                        evidence=text[off["pledge"][0]:off["pledge"][1]], cue="va", modality="promise",
                        agents=[agent], beneficiaries=[beneficiary], action=action, sector=rng.choice(SECTORS),
                        deadline=str(day.year + 1), deadline_precision="year", confidence=0.8)
                    if commitment_id is None:
                        key = mkey
                        commitment_id = commitment_store.upsert_commitment(
                            conn, key=mkey, agents=[agent], beneficiaries=[beneficiary], action=action,
                            sector=rng.choice(SECTORS), deadline=str(day.year + 1), deadline_precision="year",
                            modality="promise", first_reported=published.isoformat(), story_id=story_id)
                    commitment_store.assign_mention(conn, mid, commitment_id)
                    story_store.attach_article(conn, story_id, aid, 0.9, VERSION)
                    if k == 2 and rng.random() < 0.4:
                        follow_store.add_status_change(
                            conn, commitment_key=key, commitment_id=commitment_id, status=rng.choice(STATUSES),
                            source="auto", article_id=aid, span_id=spans[off["pledge"]],
                            effective_date=published.isoformat(), confidence=0.7, cue="bench",
                            extractor_version=VERSION)
        if made % 3000 < 900:
            rate = made / (time.perf_counter() - t0)
            print(f"  generated {made}/{n_articles} articles ({rate:.0f}/s)", file=sys.stderr, flush=True)
    store.close()


def _rss_kb(pid: int) -> tuple[int, int]:
    """(current, peak) resident memory of a process, in kB."""
    cur = peak = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            cur = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1])
    return cur, peak


def measure(db: Path, requests: int, seed: int = 11) -> dict:
    rng = random.Random(seed)
    port = _free_port()
    env = {**os.environ, "SUIVI_HOME": str(db.parent)}
    server = subprocess.Popen([sys.executable, "-m", "suivi", "--db", str(db), "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=300) as client:
            deadline = time.time() + 120
            while True:
                try:
                    client.get("/login")
                    break
                except httpx.TransportError:
                    if time.time() > deadline or server.poll() is not None:
                        raise RuntimeError("the server did not start") from None
                    time.sleep(0.2)
            t = time.perf_counter()
            client.get("/").raise_for_status()
            cold = time.perf_counter() - t
            register = client.get("/api/commitments", params={"limit": 500}).json()
            total = register["total"]
            n_stories = client.get("/api/overview").json()["n_stories"]
            n_articles = client.get("/api/overview").json()["articles"]
            parties = STATES
            pages = {
                "overview": lambda: "/",
                "register (filtered)": lambda: (f"/commitments?party={rng.choice(parties)}"
                                                f"&sector={rng.choice(SECTORS)}&page={rng.randint(1, 2)}"),
                "story": lambda: f"/stories/{rng.randint(1, n_stories)}",
                "commitment": lambda: f"/commitments/{rng.randint(1, total)}",
                "article": lambda: f"/articles/{rng.randint(1, n_articles)}",
            }
            for make in pages.values():  # warm each page once (templates, first queries)
                client.get(make())
            figures = {}
            for name, make in pages.items():
                times = []
                for _ in range(requests):
                    path = make()
                    t = time.perf_counter()
                    r = client.get(path)
                    times.append((time.perf_counter() - t) * 1000)
                    if r.status_code != 200:
                        raise RuntimeError(f"{path}: HTTP {r.status_code}")
                times.sort()
                figures[name] = {"p50_ms": round(statistics.median(times), 1),
                                 "p95_ms": round(times[max(0, int(round(0.95 * len(times))) - 1)], 1),
                                 "max_ms": round(times[-1], 1), "n": len(times)}
            cur, peak = _rss_kb(server.pid)
        return {"articles": n_articles, "commitments": total, "stories": n_stories,
                "first_overview_s": round(cold, 2), "pages": figures,
                "server_rss_mb": round(cur / 1024, 1), "server_peak_rss_mb": round(peak / 1024, 1)}
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="Requests per page.")
    parser.add_argument("--store", type=Path, help="Store path (default bench/out/web-N.db, reused if present).")
    args = parser.parse_args()
    db = args.store or OUT / f"web-{args.articles}.db"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        generate(db, args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - t:.0f} s -> {db}", file=sys.stderr)
    result = measure(db, args.requests)
    print(json.dumps(result, indent=2))
    for name, f in result["pages"].items():
        print(f"{name:<22} p50 {f['p50_ms']:>7.1f} ms   p95 {f['p95_ms']:>7.1f} ms   (n={f['n']})", file=sys.stderr)
    print(f"server memory: {result['server_rss_mb']} MB now, {result['server_peak_rss_mb']} MB peak; "
          f"first overview after start (register build) {result['first_overview_s']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
