"""The FastAPI application: pages, the JSON API under /api, static assets, security headers.

Why routes stay thin: every screen's data comes from `suivi.views` (the same functions as the
CLI); routes parse the request, check who may do what, and hand plain objects to a template
or to JSON. Everything the pages load — CSS, JavaScript, map shapes — is served from the
package (`static/`), so the dashboard works with no network.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from starlette.exceptions import HTTPException as StarletteHTTPException

from suivi import __version__
from suivi.errors import NotFound, SuiviError
from suivi.store import Store
from suivi.views.cache import RegisterCache
from suivi.web import api, pages, upload
from suivi.web.render import render_error
from suivi.web.settings import WebSettings

HERE = Path(__file__).parent

# No inline script, no third-party origin: article text that slipped through escaping could
# still not run a script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


WEB_SQLITE_CACHE_KB = 16384


def _small_page_cache(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI objects
    """A long-running server keeps a handful of SQLite connections; the store's 128 MB page cache
    per connection (sized for the pipeline's writes) would let them grow past the server's
    memory budget. Pages read indexed rows: 16 MB each is plenty."""
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA cache_size=-{WEB_SQLITE_CACHE_KB}")
    cur.close()


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    app = FastAPI(
        title="Suivi API",
        version=__version__,
        description="Who committed to what, to whom, by when — and whether it happened: the register, "
                    "stories, articles, actors and compliance of a Suivi store. Reading is open unless the "
                    "server requires sign-in; review needs an API token (`Authorization: Bearer ...`, "
                    "made with `suivi token create`).",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        swagger_ui_parameters={"syntaxHighlight": False},
    )
    if store.is_sqlite:  # runs after the store's own pragmas, on every new connection
        event.listen(store.engine, "connect", _small_page_cache)
        store.engine.dispose()  # connections opened before (migrations) take the setting anew
    app.state.store = store
    app.state.settings = settings or WebSettings()
    app.state.cache = RegisterCache()
    app.state.jobs = upload.Jobs()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(upload.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN202 - middleware
        response: Response = await call_next(request)
        if request.url.path.startswith("/api/docs"):
            response.headers.setdefault("Content-Security-Policy", CSP.replace(
                "script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
                "style-src 'self'", "style-src 'self' 'unsafe-inline'"))
        else:
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response

    def _wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "not_found", "detail": str(exc)}, status_code=404)
        return render_error(request, 404, str(exc))

    @app.exception_handler(SuiviError)
    async def suivi_error(request: Request, exc: SuiviError) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": exc.code, "detail": str(exc)}, status_code=400)
        return render_error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request) or exc.status_code in (401, 403) and request.url.path.startswith("/api"):
            return JSONResponse({"error": "http", "detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return render_error(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "invalid", "detail": _plain(exc.errors())}, status_code=422)
        return render_error(request, 422, "; ".join(_describe(e) for e in exc.errors()))

    return app


def _describe(error: dict) -> str:
    where = ".".join(str(x) for x in error.get("loc", ())[1:])
    return f"{where}: {error.get('msg', 'invalid')}"


def _plain(errors: list) -> list:
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]
