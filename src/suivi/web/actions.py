"""Analyst actions shared by the review form and the API: one audited call each."""

from __future__ import annotations

from fastapi import HTTPException, Request

from suivi.follow import review as review_lib
from suivi.web.auth import Viewer, store_of


def apply_review(request: Request, commitment_id: int, who: Viewer, action: str, *, why: str = "",
                 status: str = "", note: str = "", source: str = "") -> int:
    """One analyst action through the follow stage's review functions (audited), then a fresh register."""
    name = who.user.name if who.user else "unknown"
    with store_of(request).begin() as conn:
        if action == "confirm":
            audit = review_lib.confirm(conn, commitment_id, user=name, why=why or None)
        elif action == "reject":
            audit = review_lib.reject(conn, commitment_id, user=name, why=why or None)
        elif action == "set_status":
            audit = review_lib.set_status(conn, commitment_id, status, user=name, why=why or None,
                                          note=note or None, source=source or None)
        else:
            raise HTTPException(422, f"unknown review action {action[:20]!r}")
    request.app.state.cache.invalidate()
    return audit
