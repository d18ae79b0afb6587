"""`suivi batch --engine dask`: a local Dask cluster of two worker processes, PostgreSQL as the store.

The run loses a worker half-way (killed; its nanny starts a new one that loads the models
again) and must still store exactly what the single-process run stores.
"""

from __future__ import annotations

import os
import signal

import pytest
from typer.testing import CliRunner

from suivi.cli import app
from suivi.scale import engine
from suivi.store import open_store

from .conftest import assert_same_store

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_dask_cluster_with_a_dying_worker_equals_single_process(tmp_path, corpus12, pg_new_db):
    from distributed import Client, LocalCluster

    from suivi.scale.dask_engine import DaskExecutor

    reference = open_store(pg_new_db())  # the single-process run, on the same backend
    engine.run(reference, [str(corpus12)], engine.InlineExecutor(), segment=4, task_inputs=2)

    url = pg_new_db()
    store = open_store(url)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as watcher:
        killed: list[str] = []

        def kill_a_busy_worker(label: str, done: int, _total: int) -> None:
            if label != "ingest" or done < 2 or killed:
                return
            busy = [addr for addr, tasks in watcher.processing().items() if tasks]
            if busy:
                pid = watcher.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(busy[0])

        # one input per task: a dozen tasks, most still queued or running when the first results
        # come back (with two inputs per task, a slow first model load could let the other
        # worker finish every task in flight before the first result, leaving none to interrupt)
        result = engine.run(store, [str(corpus12)], DaskExecutor(cluster.scheduler_address),
                            progress=kill_a_busy_worker, segment=4, task_inputs=1, skip_stored=True)
        assert killed, "no worker was busy when the test meant to kill one"
        assert len(result.ingest.new) == 12 and not result.ingest.rejected
        assert_same_store(reference, store)

        # the same command again: every input is already stored, nothing is redone
        again = CliRunner().invoke(app, ["--db", url, "batch", "--engine", "dask", "--scheduler",
                                         cluster.scheduler_address, "--json", str(corpus12)])
        assert again.exit_code == 0, again.output
        assert '"skipped": 12' in again.stdout and '"new": 0' in again.stdout
    store.close()
    reference.close()
