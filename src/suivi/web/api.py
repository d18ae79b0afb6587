"""The JSON API under /api: the same views as the pages, paginated, with the same filters.

Reading is open unless the server requires sign-in; review needs a signed-in session (with
its CSRF token in `X-CSRF-Token`) or an API token (`Authorization: Bearer suivi_...`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from suivi.store import reading as reading_store
from suivi.views import articles as article_views
from suivi.views import stories as story_views
from suivi.views.actors import actor_page
from suivi.views.commitments import commitment_page
from suivi.views.compliance import compliance_at
from suivi.views.overview import overview
from suivi.views.register import SORTS, RegisterFilter, RegisterIndex, RegisterItem, select_items
from suivi.views.search import search as search_view
from suivi.web.actions import apply_review
from suivi.web.auth import Viewer, check_csrf, reader, store_of, writer

router = APIRouter(prefix="/api", tags=["api"])

Text = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$")]
Offset = Annotated[int, Query(ge=0, le=10**7, description="Rows to skip.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows to return (at most 500).")]
DbId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Day = Annotated[date | None, Query(description="Clock for statuses and overdue flags (default today).")]
Status = Literal["announced", "in_progress", "partial", "fulfilled", "stalled", "broken", "moot"]


def _index(request: Request, as_of: date | None) -> RegisterIndex:
    return request.app.state.cache.memo(store_of(request), as_of or date.today(), "index",
                                        lambda items: RegisterIndex(
                                            [i for i in items if i.review not in ("rejected", "merged")]))


def _items(request: Request, as_of: date | None) -> list[RegisterItem]:
    items = request.app.state.cache.items(store_of(request), as_of or date.today())
    return [i for i in items if i.review not in ("rejected", "merged")]


@router.get("/overview", summary="Counts, latest stories, due and overdue pledges, recent changes, compliance")
def api_overview(request: Request, who: Annotated[Viewer, Depends(reader)], as_of: Day = None) -> dict[str, Any]:
    day = as_of or date.today()
    store = store_of(request)
    return request.app.state.cache.memo(store, day, "overview",
                                        lambda items: overview(store, day, stories=8, items=items,
                                                               register_rows=False))


@router.get("/commitments", summary="The register: filtered, sorted, paginated")
def api_commitments(
    request: Request, who: Annotated[Viewer, Depends(reader)],
    party: Text = None, agent: Text = None, beneficiary: Text = None, sector: Text = None,
    status: Status | None = None, story: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
    due_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    due_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    overdue: bool | None = None, q: Text = None,
    sort: Annotated[Literal[SORTS], Query()] = "deadline",  # type: ignore[valid-type]
    offset: Offset = 0, limit: Limit = 50, as_of: Day = None,
) -> dict[str, Any]:
    flt = RegisterFilter(party=party, agent=agent, beneficiary=beneficiary, sector=sector, status=status,
                         story=story, due_from=due_from, due_to=due_to, overdue=overdue, q=q, sort=sort)
    return select_items(_index(request, as_of), flt, offset=offset, limit=limit).to_json()


@router.get("/commitments/{commitment_id}", summary="One commitment: mentions, status history, audit")
def api_commitment(request: Request, commitment_id: DbId, who: Annotated[Viewer, Depends(reader)],
                   as_of: Day = None) -> dict[str, Any]:
    with store_of(request).connect() as conn:
        return commitment_page(conn, commitment_id, as_of)


class Review(BaseModel):
    """An analyst's decision on a commitment (kept in the audit trail)."""

    action: Literal["confirm", "reject", "set_status"]
    why: str | None = Field(None, max_length=2000)
    status: Status | None = Field(None, description="For set_status.")
    note: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=2000, description="Where the status is shown (URL, document).")


@router.post("/commitments/{commitment_id}/review", summary="Confirm, reject or set the status of a commitment",
             responses={401: {"description": "no credentials"}, 403: {"description": "bad CSRF token"}})
def api_review(request: Request, commitment_id: DbId, body: Review, who: Annotated[Viewer, Depends(writer)],
               x_csrf_token: Annotated[str | None, Header(max_length=200)] = None) -> dict[str, Any]:
    check_csrf(who, x_csrf_token)
    if body.action == "set_status" and not body.status:
        raise HTTPException(422, "set_status needs a status")
    audit = apply_review(request, commitment_id, who, body.action, why=body.why or "", status=body.status or "",
                         note=body.note or "", source=body.source or "")
    return {"ok": True, "audit_id": audit, "user": who.user.name if who.user else None}


@router.get("/articles", summary="Articles, newest first")
def api_articles(request: Request, who: Annotated[Viewer, Depends(reader)], language: Text = None,
                 outlet: Text = None,
                 since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                 until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                 offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    with store_of(request).connect() as conn:
        return article_views.list_articles(conn, offset=offset, limit=limit, language=language, outlet=outlet,
                                           since=since, until=until)


@router.get("/articles/{article_id}", summary="One article: text, actors, quotes, dates, commitments")
def api_article(request: Request, article_id: DbId, who: Annotated[Viewer, Depends(reader)]) -> dict[str, Any]:
    with store_of(request).connect() as conn:
        data = article_views.article_page(conn, article_id)
    data.pop("paragraphs")
    return data


@router.get("/stories", summary="Stories, latest event first")
def api_stories(request: Request, who: Annotated[Viewer, Depends(reader)], offset: Offset = 0,
                limit: Limit = 50) -> dict[str, Any]:
    with store_of(request).connect() as conn:
        return story_views.list_stories(conn, offset=offset, limit=limit)


@router.get("/stories/{story_id}", summary="One story: articles, merged commitments, disagreements")
def api_story(request: Request, story_id: DbId, who: Annotated[Viewer, Depends(reader)]) -> dict[str, Any]:
    with store_of(request).connect() as conn:
        data = story_views.story_page(conn, story_id)
    for a in data["articles"]:
        a.pop("paragraphs", None)
    return data


@router.get("/actors", summary="Actors, most mentioned first")
def api_actors(request: Request, who: Annotated[Viewer, Depends(reader)],
               kind: Literal["person", "organization", "state", "alliance", "place"] | None = None,
               limit: Limit = 50) -> dict[str, Any]:
    with store_of(request).connect() as conn:
        rows = reading_store.list_actors(conn, kind=kind, limit=limit)
    return {"items": [r.to_json() for r in rows], "limit": limit}


@router.get("/actors/{key}", summary="One actor: roles, mentions, quotes, commitments made and received")
def api_actor(request: Request, key: Annotated[str, Path(max_length=200, pattern=r"^[^\x00]+$")],
              who: Annotated[Viewer, Depends(reader)]) -> dict[str, Any]:
    items = _items(request, None)
    with store_of(request).connect() as conn:
        return actor_page(conn, key, items)


@router.get("/search", summary="Articles, quotes and commitments matching words")
def api_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[^\x00]*$")],
               who: Annotated[Viewer, Depends(reader)], limit: Annotated[int, Query(ge=1, le=100)] = 20,
               ) -> dict[str, Any]:
    items = request.app.state.cache.items(store_of(request), date.today())
    with store_of(request).connect() as conn:
        return search_view(conn, q, items, limit=limit)


@router.get("/compliance", summary="Compliance per party and partnership at a date")
def api_compliance(request: Request, who: Annotated[Viewer, Depends(reader)], party: Text = None,
                   as_of: Day = None) -> dict[str, Any]:
    day = as_of or date.today()
    items = _items(request, day)
    with store_of(request).connect() as conn:
        figures = compliance_at(conn, day, party=party, items=items)
    return {"as_of": day.isoformat(), "items": [f.to_json() for f in figures]}
