"""The HTML pages: each route reads one view and renders one template."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from suivi import accounts
from suivi.follow.lifecycle import get_lifecycle
from suivi.store import reading as reading_store
from suivi.views import articles as article_views
from suivi.views import explore
from suivi.views import stories as story_views
from suivi.views.actors import actor_page
from suivi.views.commitments import commitment_page
from suivi.views.compliance import compliance_at
from suivi.views.overview import overview
from suivi.views.register import SORTS, RegisterFilter, RegisterIndex, RegisterItem, select_items
from suivi.views.search import search as search_view
from suivi.web.actions import apply_review
from suivi.web.auth import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Viewer,
    check_csrf,
    client_ip,
    login_csrf,
    reader,
    store_of,
    viewer,
    writer,
)
from suivi.web.render import render

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$")]
Id = Annotated[int, Query(ge=0, le=2**31 - 1)]
PER_PAGE = 50


def _day(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(422, f"as_of: expected YYYY-MM-DD, got {value[:20]!r}") from exc


def _items(request: Request, as_of: date) -> list[RegisterItem]:
    return request.app.state.cache.items(store_of(request), as_of)


def _options(items: list[RegisterItem]) -> tuple[list[str], list[str]]:
    """The sectors and parties the register's filter menus offer."""
    visible = _visible(items)
    return (sorted({i.sector for i in visible if i.sector}),
            sorted({p for i in visible for p in [*i.agents, *i.beneficiaries]}))


def _visible(items: list[RegisterItem]) -> list[RegisterItem]:
    return [i for i in items if i.review not in ("rejected", "merged")]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, who: Annotated[Viewer, Depends(reader)], as_of: Text = None) -> Response:
    day = _day(as_of)
    cache = request.app.state.cache
    store = store_of(request)
    data = cache.memo(store, day, "overview",
                      lambda items: overview(store, day, stories=8, items=items, register_rows=False))
    return render(request, "overview.html", {"title": "Overview", "o": data, "as_of": as_of or ""})


@router.get("/commitments", response_class=HTMLResponse)
def register_page(
    request: Request, who: Annotated[Viewer, Depends(reader)],
    party: Text = None, agent: Text = None, beneficiary: Text = None, sector: Text = None, status: Text = None,
    story: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None, due_from: Text = None, due_to: Text = None,
    overdue: Text = None, q: Text = None, sort: Text = "deadline", page: Annotated[int, Query(ge=1, le=10**6)] = 1,
    as_of: Text = None,
) -> Response:
    day = _day(as_of)
    flt = RegisterFilter(party=party or None, agent=agent or None, beneficiary=beneficiary or None,
                         sector=sector or None, status=status or None, story=story, due_from=due_from or None,
                         due_to=due_to or None, overdue={"yes": True, "no": False}.get(overdue or ""),
                         q=q or None, sort=sort or "deadline")
    index = request.app.state.cache.memo(store_of(request), day, "index", lambda i: RegisterIndex(_visible(i)))
    result = select_items(index, flt, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    sectors, parties = request.app.state.cache.memo(store_of(request), day, "register-options", _options)
    params = {"party": party, "agent": agent, "beneficiary": beneficiary, "sector": sector, "status": status,
              "story": story, "due_from": due_from, "due_to": due_to, "overdue": overdue, "q": q,
              "sort": sort if sort != "deadline" else None, "as_of": as_of}
    return render(request, "register.html", {
        "title": "Register", "page": result, "params": params, "page_no": page, "sorts": SORTS,
        "statuses": get_lifecycle().statuses, "sectors": sectors, "party_keys": parties,
    })


@router.get("/commitments/{commitment_id}", response_class=HTMLResponse)
def commitment(request: Request, commitment_id: int, who: Annotated[Viewer, Depends(reader)],
               as_of: Text = None, done: Text = None) -> Response:
    if not 0 <= commitment_id < 2**31:
        raise HTTPException(404, "no such commitment")
    with store_of(request).connect() as conn:
        data = commitment_page(conn, commitment_id, _day(as_of) if as_of else None)
    return render(request, "commitment.html", {
        "title": f"Commitment {commitment_id}", "c": data, "statuses": get_lifecycle().statuses, "done": done,
    })


@router.post("/commitments/{commitment_id}/review")
def review_commitment(
    request: Request, commitment_id: int, who: Annotated[Viewer, Depends(writer)],
    action: Annotated[str, Form(max_length=16)], csrf: Annotated[str, Form(max_length=200)] = "",
    why: Annotated[str, Form(max_length=2000)] = "", status: Annotated[str, Form(max_length=16)] = "",
    note: Annotated[str, Form(max_length=2000)] = "", source: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(who, csrf)
    apply_review(request, commitment_id, who, action, why=why, status=status, note=note, source=source)
    return RedirectResponse(f"/commitments/{commitment_id}?done={action}#audit", status_code=303)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, who: Annotated[Viewer, Depends(reader)],
            page: Annotated[int, Query(ge=1, le=10**5)] = 1) -> Response:
    with store_of(request).connect() as conn:
        data = story_views.list_stories(conn, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    return render(request, "stories.html", {"title": "Stories", "s": data, "page_no": page})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: int, who: Annotated[Viewer, Depends(reader)]) -> Response:
    if not 0 <= story_id < 2**31:
        raise HTTPException(404, "no such story")
    with store_of(request).connect() as conn:
        data = story_views.story_page(conn, story_id)
    return render(request, "story.html", {"title": data.get("label") or f"Story {story_id}", "s": data})


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, who: Annotated[Viewer, Depends(reader)], lang: Text = None, outlet: Text = None,
             page: Annotated[int, Query(ge=1, le=10**5)] = 1) -> Response:
    with store_of(request).connect() as conn:
        data = article_views.list_articles(conn, offset=(page - 1) * PER_PAGE, limit=PER_PAGE, language=lang,
                                           outlet=outlet)
    return render(request, "articles.html", {"title": "Articles", "a": data, "page_no": page,
                                             "params": {"lang": lang, "outlet": outlet}})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: int, who: Annotated[Viewer, Depends(reader)]) -> Response:
    if not 0 <= article_id < 2**31:
        raise HTTPException(404, "no such article")
    with store_of(request).connect() as conn:
        data = article_views.article_page(conn, article_id)
    return render(request, "article.html", {"title": data["article"]["title"] or f"Article {article_id}",
                                            "a": data})


@router.get("/articles/{article_id}/raw")
def article_raw(request: Request, article_id: int, who: Annotated[Viewer, Depends(reader)]) -> Response:
    """The bytes as received, always as plain text (never rendered as HTML)."""
    if not 0 <= article_id < 2**31:
        raise HTTPException(404, "no such article")
    with store_of(request).connect() as conn:
        raw, _kind = article_views.raw_text(conn, article_id)
    return PlainTextResponse(raw.decode("utf-8", errors="replace"),
                             headers={"Content-Disposition": "inline", "X-Content-Type-Options": "nosniff"})


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, who: Annotated[Viewer, Depends(reader)], kind: Text = None) -> Response:
    with store_of(request).connect() as conn:
        rows = reading_store.list_actors(conn, kind=kind or None, limit=200)
    return render(request, "actors.html", {"title": "Actors", "actors": rows, "kind": kind or ""})


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, key: str, who: Annotated[Viewer, Depends(reader)]) -> Response:
    if len(key) > 200 or "\x00" in key:
        raise HTTPException(404, "no such actor")
    items = _items(request, date.today())
    with store_of(request).connect() as conn:
        data = actor_page(conn, key, items)
    return render(request, "actor.html", {"title": data["name"], "a": data})


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, who: Annotated[Viewer, Depends(reader)]) -> Response:
    day = date.today()
    store = store_of(request)

    def compute(items: list[RegisterItem]) -> dict:
        with store.connect() as conn:
            return explore.network(conn, items)

    data = request.app.state.cache.memo(store, day, "network", compute)
    return render(request, "network.html", {"title": "Network", "graph": data})


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, who: Annotated[Viewer, Depends(reader)], since: Text = None,
             until: Text = None) -> Response:
    items = _items(request, date.today())
    with store_of(request).connect() as conn:
        rows = explore.timeline(conn, items, since=since or None, until=until or None)
    return render(request, "timeline.html", {"title": "Timeline", "rows": rows, "since": since or "",
                                             "until": until or ""})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, who: Annotated[Viewer, Depends(reader)]) -> Response:
    items = _items(request, date.today())
    with store_of(request).connect() as conn:
        states = explore.states(conn, items)
    return render(request, "map.html", {"title": "Map", "states": states})


@router.get("/compliance", response_class=HTMLResponse)
def compliance(request: Request, who: Annotated[Viewer, Depends(reader)], as_of: Text = None) -> Response:
    day = _day(as_of)
    items = _visible(_items(request, day))
    with store_of(request).connect() as conn:
        figures = compliance_at(conn, day, items=items)
    return render(request, "compliance.html", {
        "title": "Compliance", "figures": figures, "as_of": day.isoformat(),
        "party_figures": [f.to_json() for f in figures if f.kind == "party"],
    })


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, who: Annotated[Viewer, Depends(reader)], q: Text = None) -> Response:
    results = None
    if q:
        items = _items(request, date.today())
        with store_of(request).connect() as conn:
            results = search_view(conn, q, items)
    return render(request, "search.html", {"title": "Search", "q": q or "", "r": results})


# --- sign-in ---------------------------------------------------------------------------------------

def _next(value: str | None) -> str:
    """Only a local path: never an open redirect."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: Text = None, error: Text = None) -> Response:  # noqa: A002 - URL name
    token = login_csrf(request)
    response = render(request, "login.html", {"title": "Sign in", "login_csrf": token, "next": _next(next),
                                              "error": error})
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                        secure=request.app.state.settings.secure_cookies, max_age=3600)
    return response


@router.post("/login")
def login(request: Request, name: Annotated[str, Form(max_length=64)], password: Annotated[str, Form(max_length=500)],
          csrf: Annotated[str, Form(max_length=200)] = "", next: Annotated[str, Form(max_length=500)] = "/",  # noqa: A002
          ) -> Response:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not cookie or cookie != csrf:
        raise HTTPException(403, "the sign-in form expired: reload it and try again")
    settings = request.app.state.settings
    with store_of(request).begin() as conn:
        throttled = accounts.throttled(conn, name, client_ip(request), settings.throttle)
        result = None if throttled else accounts.sign_in(conn, name, password, client_ip(request),
                                                        lifetime=settings.session_lifetime, rule=settings.throttle)
    if result is None:
        message = ("too many failed sign-ins: wait a few minutes" if throttled
                   else "wrong name or password")
        token = login_csrf(request)
        response = render(request, "login.html", {"title": "Sign in", "login_csrf": token, "next": _next(next),
                                                  "error": message}, status=429 if throttled else 401)
        return response
    token, _user = result
    response = RedirectResponse(_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=settings.secure_cookies,
                        max_age=int(settings.session_lifetime.total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    who = viewer(request)
    if who.user is not None:
        check_csrf(who, csrf)
        with store_of(request).begin() as conn:
            accounts.sign_out(conn, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
