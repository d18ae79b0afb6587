"""A Dask distributed cluster as the executor of `suivi.scale.engine` (`suivi batch --engine dask`).

Why Dask: it is a real scheduler for a cluster of machines (workers join and leave, a dead
worker's tasks go to the others, results come back to the client), installable from PyPI
and runnable on one machine for tests. Each worker loads the models once, when it joins
(`WarmModels`), and keeps them for every task it runs. The client — the `suivi batch`
process — is the one writer: results travel back to it and it writes them to the store
(PostgreSQL on a cluster: see docs/scale.md).
"""

from __future__ import annotations

from typing import Any

from suivi.errors import SuiviError
from suivi.scale.analyse import analyse_inputs, warm


class ClusterError(SuiviError):
    code = "cluster"


def _plugin_class() -> type:
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmModels(WorkerPlugin):
        """Loads spaCy, the gazetteer and the rule tables once per worker process."""

        name = "suivi-warm-models"

        def setup(self, worker: Any) -> None:  # noqa: ARG002 - the WorkerPlugin signature
            warm()

    return WarmModels


class DaskExecutor:
    """Tasks sent to a Dask scheduler; its workers may be on any machine that has Suivi installed."""

    def __init__(self, scheduler: str, timeout: float = 30.0) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterError("the Dask engine needs dask and distributed: pip install 'suivi[cluster]'") from exc
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        self.client.register_plugin(_plugin_class()())
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        self.workers = max(1, threads)

    def submit(self, refs: list[str], stdin: bytes | None) -> Any:
        return self.client.submit(analyse_inputs, refs, stdin, pure=False)

    def restart(self) -> bool:
        return False  # the scheduler already sent a dead worker's tasks to the others

    def shutdown(self) -> None:
        self.client.close()
