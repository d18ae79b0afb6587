"""`suivi run`: poll the due sources, run every stage on what they brought, evaluate alerts.

Why a stop flag and not an exception: Ctrl-C or SIGTERM sets `stop`; the runner checks it
between two items, so the article in hand is stored and goes through every stage before the
loop ends. Articles stored but not processed yet (a second signal, a crash, a power cut)
stay in `monitor_pending` and are processed first by the next run: nothing fetched is lost.
The same `Monitor` runs in the foreground (`suivi run`) or in a thread of the web app
(`start_in_thread`), where the caller owns the stop event.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from suivi.monitor import schedule
from suivi.monitor.poll import PollOutcome, poll
from suivi.pipeline import run_pipeline
from suivi.store import Store
from suivi.store import monitor as monitor_store
from suivi.store.monitor import Source

Log = Callable[[dict[str, Any]], None]
Progress = Callable[[str, int, int], None]


def _ignore(_event: dict[str, Any]) -> None:
    return None


class Monitor:
    """Polls due sources and processes what they bring; one instance per running loop.

    `batch`: articles stored before the stages run over them together (the stages are faster
    on a batch; a stop still finishes the batch in hand, at most this many articles).
    `alerts`: evaluate watch rules that have alert targets after each poll round.
    """

    def __init__(self, store: Store, *, log: Log = _ignore, progress: Progress | None = None,
                 on_stage_error: Callable[[str, int, Exception], None] | None = None, batch: int = 8,
                 alerts: bool = True, clock: Callable[[], datetime] = monitor_store.now) -> None:
        self.store = store
        self.log = log
        self.progress = progress
        self.on_stage_error = on_stage_error
        self.batch = max(1, batch)
        self.alerts = alerts
        self.clock = clock
        self._in_hand: list[int] = []
        self._alerts_day: date | None = None

    # --- the stages on stored articles ---------------------------------------------------------

    def process(self, article_ids: list[int]) -> None:
        """Run every stage over these articles, then clear them from the pending list."""
        if not article_ids:
            return
        stages = run_pipeline(self.store, article_ids, self.progress, self.on_stage_error)
        with self.store.begin() as conn:
            monitor_store.clear_pending(conn, article_ids)
        self.log({"event": "processed", "articles": article_ids,
                  "stages": {k: v for k, v in stages.items()}})

    def process_pending(self) -> int:
        """Finish articles stored by an earlier run that was stopped before their stages ran."""
        with self.store.connect() as conn:
            pending = monitor_store.pending_articles(conn)
        for start in range(0, len(pending), self.batch):
            self.process(pending[start:start + self.batch])
        return len(pending)

    def _stored(self, article_ids: list[int]) -> None:
        self._in_hand.extend(article_ids)
        if len(self._in_hand) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        ids, self._in_hand = self._in_hand, []
        self.process(ids)

    # --- polling --------------------------------------------------------------------------------

    def due_sources(self, at: datetime | None = None, *, only: list[str] | None = None) -> list[Source]:
        at = at or self.clock()
        with self.store.connect() as conn:
            found = monitor_store.list_sources(conn)
        if only is not None:
            return [s for s in found if s.name in only or str(s.id) in only]
        due = [s for s in found if s.enabled and (s.next_due_at is None or s.next_due_at <= at)]
        return sorted(due, key=lambda s: (s.next_due_at or at, s.id))

    def poll_source(self, source: Source, stop: threading.Event) -> PollOutcome:
        started = self.clock()
        try:
            outcome = poll(self.store, source, should_stop=stop.is_set, on_stored=self._stored)
        except Exception as exc:  # noqa: BLE001 - one source's bug must not end a loop that runs for months
            outcome = PollOutcome(source=source.name, status="failed",
                                  error=f"internal error: {type(exc).__name__}: {exc}")
        finally:
            self._flush()  # the batch in hand goes through every stage, stop or not
        self._record(source, outcome, started)
        return outcome

    def _record(self, source: Source, outcome: PollOutcome, started: datetime) -> None:
        at = self.clock()
        values: dict[str, Any] = {"last_polled_at": started, "last_new": len(outcome.new),
                                  "total_new": source.total_new + len(outcome.new)}
        if outcome.status == "failed":
            failures = source.failures + 1
            values.update(failures=failures, last_error=outcome.error, last_error_at=at,
                          next_due_at=schedule.next_due(at, source.every_seconds, failures))
        elif outcome.status == "stopped":
            values.update(next_due_at=at)  # cut short: due again as soon as the loop restarts
        else:
            values.update(failures=0, last_ok_at=at, etag=outcome.etag, last_modified=outcome.last_modified,
                          next_due_at=schedule.next_due(started, source.every_seconds, 0))
        with self.store.begin() as conn:
            monitor_store.update_source(conn, source.id, **values)
        event = {"event": "poll", **outcome.to_json()}
        if outcome.status == "failed":
            event["failures"] = values["failures"]
        event["next_due_at"] = values["next_due_at"].isoformat(timespec="seconds")
        self.log(event)

    # --- one round, and the loop ----------------------------------------------------------------

    def run_once(self, stop: threading.Event | None = None, *, only: list[str] | None = None) -> list[PollOutcome]:
        """Finish pending articles, poll every due source (or those named in `only`), evaluate alerts."""
        stop = stop or threading.Event()
        self.process_pending()
        outcomes = []
        for source in self.due_sources(only=only):
            if stop.is_set():
                break
            outcomes.append(self.poll_source(source, stop))
        if self.alerts and not stop.is_set():
            self.evaluate_alerts(force=any(o.new for o in outcomes))
        return outcomes

    def evaluate_alerts(self, *, force: bool = False) -> None:
        """Watch rules with alert targets: new changes queued and delivered, earlier failures retried.

        Rules are evaluated when this round brought new articles, and once a day (an overdue
        flag turns on with the date alone); deliveries due for a retry go out every round.
        """
        from suivi.alerts import dispatch

        today = self.clock().date()
        if force or self._alerts_day != today:
            for queued in dispatch.evaluate(self.store, today):
                self.log({"event": "alert_queued", **queued})
            self._alerts_day = today
        for result in dispatch.deliver_due(self.store):
            self.log({"event": "alert", **result})

    def next_wake(self) -> datetime | None:
        with self.store.connect() as conn:
            found = [s.next_due_at for s in monitor_store.list_sources(conn) if s.enabled]
        return min((d for d in found if d is not None), default=self.clock()) if found else None

    def run_forever(self, stop: threading.Event, *, tick: float = 5.0) -> None:
        """Poll until `stop` is set; between rounds, sleep until the next source is due (at most `tick`).

        A round that fails as a whole (the store locked or unreachable for longer than its
        timeout) is logged and tried again at the next tick: a loop that runs for months must
        outlive a database restart. What it stored stays pending and is finished then.
        """
        self.log({"event": "started"})
        while not stop.is_set():
            try:
                self.run_once(stop)
                wake = self.next_wake()
            except Exception as exc:  # noqa: BLE001 - a locked or unreachable store: try again next tick
                self.log({"event": "error", "error": f"{type(exc).__name__}: {exc}"})
                wake = None
            if stop.is_set():
                break
            wait = tick if wake is None else (wake - self.clock()).total_seconds()
            stop.wait(min(max(wait, 0.05), tick))
        self.log({"event": "stopped"})


def start_in_thread(store: Store, stop: threading.Event, *, log: Log = _ignore, tick: float = 5.0) -> threading.Thread:
    """Run the monitor in a daemon thread (`suivi serve --with-sources`); set `stop` to end it.

    The thread finishes the article in hand when `stop` is set; join it before closing the store.
    """
    monitor = Monitor(store, log=log)
    thread = threading.Thread(target=monitor.run_forever, args=(stop,), kwargs={"tick": tick},
                              name="suivi-monitor", daemon=True)
    thread.start()
    return thread
