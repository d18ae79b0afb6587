"""Integrity checks of a store (`suivi doctor`), and the repairs that are safe.

Why a module of its own: after a crash, a full disk or a hand edit, an analyst needs one
command that says whether the store can be trusted, in the store's own terms (the engine's
page checks, foreign keys, the full-text index, provenance spans, articles whose stages did
not all run, the schema revision), and repairs only what is derived from the articles.
Nothing an analyst wrote (review decisions, audit entries, accounts) is ever deleted here:
derived rows are removed the way the foreign key's own ON DELETE would have, and articles
whose stages did not finish are handed back to the stages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Table, and_, delete, exists, func, inspect, not_, or_, select, text, update

# every table module registers on `metadata`: imported so the checks see the whole schema
from suivi.store import accounts as _accounts  # noqa: F401
from suivi.store import articles as _articles
from suivi.store import commitments as _commitments
from suivi.store import follow as _follow  # noqa: F401
from suivi.store import monitor as _monitor  # noqa: F401
from suivi.store import reading as _reading
from suivi.store import stories as _stories
from suivi.store.db import MIGRATIONS, Store
from suivi.store.meta import metadata

EXAMPLES = 5  # ids quoted in a report line


@dataclass
class Finding:
    """One check's outcome. `ok` False is a fault (doctor exits 1); `note` is information."""

    check: str
    ok: bool
    detail: str
    count: int = 0
    fixable: bool = False
    fixed: bool = False
    examples: list[Any] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    findings: list[Finding]
    unfinished: list[int] = field(default_factory=list)  # article ids whose stages did not all run

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "findings": [f.to_json() for f in self.findings], "unfinished": self.unfinished}


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head() or ""


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def check(store: Store) -> Report:
    """Every check, read-only. Later checks are skipped when the schema is not at head."""
    findings: list[Finding] = []
    with store.connect() as conn:
        findings.append(_check_revision(conn))
        if not findings[-1].ok:
            return Report(findings)
        findings.append(_check_engine(conn, store.is_sqlite))
        findings.append(_check_tables(conn))
        findings.append(_check_foreign_keys(conn))
        findings.append(_check_fts(conn, store.is_sqlite))
        findings.append(_check_spans(conn))
        findings.append(_check_span_articles(conn))
        unfinished, finding = _check_unfinished(conn)
        findings.append(finding)
    return Report(findings, unfinished)


def _check_revision(conn: Connection) -> Finding:
    head, current = head_revision(), current_revision(conn)
    if current == head:
        return Finding("migrations", True, f"schema at head ({head})")
    return Finding("migrations", False, f"schema at {current or 'no revision'}, head is {head}", fixable=True)


def _check_engine(conn: Connection, sqlite: bool) -> Finding:
    if sqlite:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
        if rows == ["ok"]:
            return Finding("engine", True, "SQLite integrity_check ok")
        return Finding("engine", False, "SQLite integrity_check: " + "; ".join(rows[:EXAMPLES]), count=len(rows))
    bad = conn.execute(text(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT i.indisvalid AND n.nspname = current_schema()")).scalars().all()
    if not bad:
        return Finding("engine", True, "PostgreSQL: every index valid")
    return Finding("engine", False, "PostgreSQL: invalid indexes " + ", ".join(bad), count=len(bad))


def _check_tables(conn: Connection) -> Finding:
    present = set(inspect(conn).get_table_names())
    missing = sorted(t for t in metadata.tables if t not in present)
    if not missing:
        return Finding("tables", True, f"all {len(metadata.tables)} tables present")
    return Finding("tables", False, "missing tables: " + ", ".join(missing), count=len(missing))


def _foreign_keys() -> list[tuple[Table, Any, Any, str | None]]:
    """(child table, child column, parent column, ON DELETE) for every single-column foreign key."""
    found = []
    for table in metadata.sorted_tables:
        for fk in table.foreign_keys:
            found.append((table, fk.parent, fk.column, fk.ondelete))
    return found


def _orphans(child: Table, col: Any, parent_col: Any):  # noqa: ANN202 - a SQL expression
    return and_(col.is_not(None), not_(exists().where(parent_col == col)))


def _check_foreign_keys(conn: Connection) -> Finding:
    problems: list[str] = []
    total = 0
    for child, col, parent_col, _ in _foreign_keys():
        n = conn.execute(select(func.count()).select_from(child).where(_orphans(child, col, parent_col))).scalar_one()
        if n:
            total += n
            problems.append(f"{child.name}.{col.name} -> {parent_col.table.name}: {n}")
    if not problems:
        return Finding("foreign-keys", True, "no row points to a missing row")
    return Finding("foreign-keys", False, "rows pointing to missing rows: " + "; ".join(problems),
                   count=total, fixable=True)


def _check_fts(conn: Connection, sqlite: bool) -> Finding:
    if not sqlite:
        names = set(conn.execute(text(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'articles' AND schemaname = current_schema()"
        )).scalars().all())
        if "ix_articles_fts" in names:
            return Finding("search-index", True, "GIN full-text index present (PostgreSQL keeps it in step)")
        return Finding("search-index", False, "the full-text index ix_articles_fts is missing", fixable=True)
    indexed = conn.exec_driver_sql("SELECT count(*) FROM articles_fts_docsize").scalar_one()
    stored = conn.execute(select(func.count()).select_from(_articles.articles)).scalar_one()
    try:
        # 'integrity-check' with rank 1 compares the index with the articles table itself
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        in_step = True
    except Exception:  # noqa: BLE001 - SQLITE_CORRUPT_VTAB: the index and the table disagree
        in_step = False
    if in_step and indexed == stored:
        return Finding("search-index", True, f"FTS5 index in step with {stored} articles")
    return Finding("search-index", False, f"FTS5 index out of step: {indexed} indexed, {stored} articles",
                   count=abs(stored - indexed) or 1, fixable=True)


def _bad_spans_query():  # noqa: ANN202 - a SQL select
    s, a = _articles.spans, _articles.articles
    length = func.length(a.c.text)
    bad = or_(s.c.start < 0, s.c.end < s.c.start, s.c.end > length,
              func.substr(a.c.text, s.c.start + 1, s.c.end - s.c.start) != s.c.text,
              s.c.sent_start > s.c.start, s.c.sent_end < s.c.end)
    return select(s.c.id, s.c.article_id).select_from(s.join(a, a.c.id == s.c.article_id)).where(bad)


def _check_spans(conn: Connection) -> Finding:
    rows = conn.execute(_bad_spans_query().order_by(_articles.spans.c.id)).all()
    if not rows:
        return Finding("spans", True, "every span lies inside its article and quotes it exactly")
    return Finding("spans", False, f"{len(rows)} spans outside their article or not quoting it",
                   count=len(rows), fixable=True, examples=[r.id for r in rows[:EXAMPLES]])


def _fact_tables() -> list[Table]:
    return [t for t in metadata.sorted_tables if "span_id" in t.c and "article_id" in t.c]


def _check_span_articles(conn: Connection) -> Finding:
    s = _articles.spans
    problems: list[str] = []
    total = 0
    for table in _fact_tables():
        n = conn.execute(select(func.count()).select_from(table.join(s, s.c.id == table.c.span_id))
                         .where(s.c.article_id != table.c.article_id)).scalar_one()
        if n:
            total += n
            problems.append(f"{table.name}: {n}")
    if not problems:
        return Finding("provenance", True, "every fact's span is in the fact's own article")
    return Finding("provenance", False, "facts whose span is in another article: " + "; ".join(problems),
                   count=total, fixable=True)


def unfinished_articles(conn: Connection) -> tuple[list[int], list[int]]:
    """(half-written, waiting): articles some stage wrote for but that never reached reconcile
    (a stage run cut short), and articles no stage has run on yet (`ingest --no-process`)."""
    a = _articles.articles
    done = exists().where(_stories.article_features.c.article_id == a.c.id)
    started = or_(*(exists().where(t.c.article_id == a.c.id) for t in
                    (_reading.mentions, _reading.time_expressions, _commitments.commitment_mentions)))
    half = conn.execute(select(a.c.id).where(not_(done), started).order_by(a.c.id)).scalars().all()
    waiting = conn.execute(select(a.c.id).where(not_(done), not_(started)).order_by(a.c.id)).scalars().all()
    return list(half), list(waiting)


def _check_unfinished(conn: Connection) -> tuple[list[int], Finding]:
    """Articles whose stages did not all run are not a fault: every stage is written to be run
    again (a stage cut short by a crash rolled back its own transaction), so they are work
    still to do, reported with the command that does it."""
    half, waiting = unfinished_articles(conn)
    if not half and not waiting:
        return [], Finding("stages", True, "no article read or extracted but not reconciled")
    detail = (f"{len(half) + len(waiting)} articles with stages still to run ({len(half)} cut short, "
              f"{len(waiting)} not started): suivi process, or doctor --fix")
    return half + waiting, Finding("stages", True, detail, count=len(half) + len(waiting), fixable=True,
                                   examples=(half + waiting)[:EXAMPLES])


Reprocess = Callable[[list[int]], None]


def fix(store: Store, report: Report, reprocess: Reprocess) -> Report:
    """Repair what is safe, then check again. `reprocess(ids)` runs the stages on articles
    (given by the caller: the stages live above the store)."""
    faults = _to_fix(report)
    repaired = set(faults)
    if "migrations" in faults:
        store.migrate()
        report = check(store)
        faults = _to_fix(report)
        repaired |= faults
    touched: set[int] = set()
    with store.begin() as conn:
        if "foreign-keys" in faults:
            _fix_foreign_keys(conn)
        if "spans" in faults or "provenance" in faults:
            touched |= _fix_spans(conn)
        if "search-index" in faults:
            _fix_fts(conn, store.is_sqlite)
    if "stages" in faults or touched:
        with store.connect() as conn:
            half, waiting = unfinished_articles(conn)
        ids = sorted(touched | set(half) | set(waiting))
        if ids:
            reprocess(ids)
    after = check(store)
    for f in after.findings:
        if f.check in repaired and f.ok and not f.count:
            f.fixed = True
    return after


def _to_fix(report: Report) -> set[str]:
    return {f.check for f in report.findings if f.fixable and (not f.ok or f.count)}


def _fix_foreign_keys(conn: Connection) -> None:
    """Do what ON DELETE would have done: derived rows go (CASCADE) or let go (SET NULL)."""
    for child, col, parent_col, ondelete in reversed(_foreign_keys()):
        where = _orphans(child, col, parent_col)
        if (ondelete or "").upper() == "SET NULL" or col.nullable:
            conn.execute(update(child).where(where).values({col.name: None}))
        else:
            conn.execute(delete(child).where(where))


def _fix_spans(conn: Connection) -> set[int]:
    """Delete spans that do not quote their article (their facts go with them, by cascade) and
    facts pointing to another article's span; their articles are then read again."""
    rows = conn.execute(_bad_spans_query()).all()
    touched = {r.article_id for r in rows}
    s = _articles.spans
    for table in _fact_tables():
        elsewhere = table.c.article_id != select(s.c.article_id).where(s.c.id == table.c.span_id).scalar_subquery()
        touched |= set(conn.execute(select(table.c.article_id).where(elsewhere)).scalars().all())
        conn.execute(delete(table).where(elsewhere))
    if rows:
        ids = [r.id for r in rows]
        for table in metadata.sorted_tables:  # SQLite cascades only with foreign_keys on: do it here
            if "span_id" in table.c and table is not s:
                nullable = table.c.span_id.nullable
                stmt = (update(table).values(span_id=None) if nullable else delete(table))
                conn.execute(stmt.where(table.c.span_id.in_(ids)))
        conn.execute(delete(s).where(s.c.id.in_(ids)))
    return touched


def _fix_fts(conn: Connection, sqlite: bool) -> None:
    if sqlite:
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    else:
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN "
                          "(to_tsvector('simple', coalesce(title,'') || ' ' || text))"))
