"""Upload: ingest a file, a feed or a URL from the page, with a progress bar.

Why a background job: reading an article with spaCy takes a second or more, a feed many; the
form returns at once with a job id and the page polls the job's progress (the same
`progress(label, done, total)` hook that draws the CLI's bars). Uploaded bytes go to a
private temporary folder under their sanitised name, and ingestion applies the CLI's rules
(size caps, private-address refusal for URLs).
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response

from suivi.ingest.api import ingest
from suivi.pipeline import run_pipeline
from suivi.store import Store
from suivi.web.auth import Viewer, check_csrf, store_of, writer
from suivi.web.render import render

router = APIRouter(include_in_schema=False)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Job:
    id: str
    user: str
    label: str
    state: str = "queued"  # queued | running | done | failed
    progress: dict[str, list[int]] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    started: float = field(default_factory=time.time)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "state": self.state, "progress": self.progress,
                "result": self.result, "error": self.error}


class Jobs:
    """Upload jobs of this process (kept an hour); one runs at a time, like one CLI writer."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._run_lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def start(self, store: Store, user: str, label: str, inputs: list[str], cleanup: Path | None,
              on_done) -> Job:  # noqa: ANN001 - a callable
        cutoff = time.time() - 3600
        self._jobs = {k: v for k, v in self._jobs.items() if v.started > cutoff or v.state == "running"}
        job = Job(secrets.token_urlsafe(12), user, label)
        self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, store, inputs, cleanup, on_done), daemon=True).start()
        return job

    def _run(self, job: Job, store: Store, inputs: list[str], cleanup: Path | None, on_done) -> None:  # noqa: ANN001
        def hook(label: str, done: int, total: int) -> None:
            job.progress[label] = [done, total]

        rejected: list[list[str]] = []
        failed: list[str] = []
        try:
            with self._run_lock:
                job.state = "running"
                report = ingest(store, inputs, hook, lambda src, why: rejected.append([Path(src).name, why]))
                stages = run_pipeline(store, report.new, hook,
                                      lambda stage, aid, exc: failed.append(f"{stage} skipped article {aid}"))
            job.result = {"new": report.new, "duplicates": len(report.duplicates), "rejected": rejected,
                          "stages": stages, "warnings": failed}
            job.state = "done"
        except Exception as exc:  # reported on the page; the store keeps what was committed
            job.error = f"{type(exc).__name__}: {exc}"
            job.state = "failed"
        finally:
            if cleanup is not None:
                shutil.rmtree(cleanup, ignore_errors=True)
            on_done()


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request, who: Annotated[Viewer, Depends(writer)]) -> Response:
    return render(request, "upload.html", {"title": "Upload"})


@router.post("/upload")
async def upload(
    request: Request, who: Annotated[Viewer, Depends(writer)],
    csrf: Annotated[str, Form(max_length=200)] = "", url: Annotated[str, Form(max_length=2000)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    check_csrf(who, csrf)
    settings = request.app.state.settings
    inputs: list[str] = []
    folder: Path | None = None
    label = ""
    if file is not None and file.filename:
        data = await file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise HTTPException(413, f"file larger than {settings.max_upload_bytes} bytes")
        if not data:
            raise HTTPException(422, "the file is empty")
        folder = Path(tempfile.mkdtemp(prefix="suivi-upload-"))
        name = _SAFE_NAME.sub("_", Path(file.filename).name).strip("._") or "upload.txt"
        path = folder / name[:120]
        path.write_bytes(data)
        inputs.append(str(path))
        label = name
    if url.strip():
        if not url.strip().lower().startswith(("http://", "https://")):
            raise HTTPException(422, "a URL starts with http:// or https://")
        inputs.append(url.strip())
        label = label or url.strip()
    if not inputs:
        raise HTTPException(422, "choose a file or give a URL")
    cache = request.app.state.cache
    job = request.app.state.jobs.start(store_of(request), who.user.name, label, inputs, folder, cache.invalidate)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(job.to_json(), status_code=202)
    return render(request, "upload.html", {"title": "Upload", "job": job.to_json()}, status=202)


@router.get("/upload/jobs/{job_id}")
def job_status(request: Request, job_id: str, who: Annotated[Viewer, Depends(writer)]) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None or job.user != who.user.name:
        raise HTTPException(404, "no such upload job")
    return JSONResponse(job.to_json())
