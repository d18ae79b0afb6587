"""Alerts: watch rules' changes handed on to a JSON Lines file, a webhook (retries, backoff,
private addresses) and a mail server (aiosmtpd, started here)."""

from __future__ import annotations

import email
import json
import socket
from datetime import date, timedelta
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from suivi.alerts import dispatch, targets
from suivi.config import AlertSettings
from suivi.errors import ConfigError
from suivi.follow import watch
from suivi.ingest.api import ingest
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import monitor as monitor_store

from .servers import LocalServer

DAY = date(2026, 11, 30)
TEXT = ("Bamako, le 20 novembre 2026\n\nLa Russie s'engage à livrer quatre hélicoptères au Mali d'ici juin 2027.\n\n"
        "La Chine financera une centrale solaire à Ségou.")


def _commitment(store, tmp_path: Path, evidence: str, key: str, agents: list[str]) -> None:
    """A commitment as extraction and reconcile would store it (no model needed)."""
    path = tmp_path / f"{key}.txt"
    path.write_text(f"Dépêche {key}\n\n{TEXT}\n\nRéférence {key}.\n", encoding="utf-8")
    (article_id,) = ingest(store, [str(path)]).new
    with store.begin() as conn:
        article = article_store.get_article(conn, article_id)
        start = article.text.index(evidence)
        span = article_store.add_span(conn, article_id, start, start + len(evidence), evidence, evidence, start,
                                      start + len(evidence))
        cid = commitment_store.upsert_commitment(conn, key=key, agents=agents, beneficiaries=["MLI"],
                                                 action=evidence[:40], deadline="2027-06-30",
                                                 first_reported="2026-11-20")
        mid = commitment_store.insert_mention(
            conn, key=commitment_store.mention_key(article.content_hash, start, start + len(evidence)),
            article_id=article_id, span_id=span, extractor_version="test", evidence=evidence, cue="test",
            modality="promise", agents=agents, beneficiaries=["MLI"], agent_text=None, action=evidence[:40],
            deadline="2027-06-30", recurrence=None, confidence=1.0)
        commitment_store.assign_mention(conn, mid, cid)


@pytest.fixture
def rule(store) -> str:
    with store.begin() as conn:
        watch.add_rule(conn, "russie", actor="RUS", sector=None, within_days=None, user="test")
    return "russie"


def _heli(store, tmp_path: Path) -> None:
    """The change the tests expect: a new Russian commitment, stored after the target was added."""
    _commitment(store, tmp_path, "La Russie s'engage à livrer quatre hélicoptères", "k-heli", ["RUS"])


FAST = AlertSettings(retries=3, backoff=0.01, max_attempts=6)


def test_jsonl_target_gets_each_change_once(store, tmp_path: Path, rule: str) -> None:
    out = tmp_path / "alerts.jsonl"
    with store.begin() as conn:
        targets.add(conn, rule, "jsonl", str(out), user="alice", as_of=DAY)
    _heli(store, tmp_path)
    assert len(dispatch.evaluate(store, DAY)) == 1
    assert [r["state"] for r in dispatch.deliver_due(store, FAST)] == ["sent"]
    assert dispatch.evaluate(store, DAY) == []  # nothing new: nothing queued
    _commitment(store, tmp_path, "La Russie s'engage à livrer", "k-heli-2", ["RUS"])
    _commitment(store, tmp_path, "La Chine financera une centrale", "k-solar", ["CHN"])  # not watched
    dispatch.evaluate(store, DAY)
    dispatch.deliver_due(store, FAST)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[c["key"] for c in m["changes"]] for m in lines] == [["k-heli"], ["k-heli-2"]]
    assert lines[0]["rule"] == "russie" and lines[0]["as_of"] == "2026-11-30"
    assert lines[0]["changes"][0]["change"] == "new" and lines[0]["changes"][0]["agents"] == ["RUS"]


def test_webhook_retries_with_backoff_then_later_rounds(store, rule: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_FETCH", "1")
    with LocalServer() as server:
        with store.begin() as conn:
            targets.add(conn, rule, "webhook", server.url("/hook"), user="alice", as_of=DAY)
        _heli(store, tmp_path)
        server.post_statuses = [503, 502]  # two failures, then the receiver is back
        dispatch.evaluate(store, DAY)
        (result,) = dispatch.deliver_due(store, FAST)
        assert (result["state"], result["attempts"]) == ("sent", 3)
        (body,) = server.posts("/hook")
        assert body["changes"][0]["key"] == "k-heli"

        # a receiver down for longer: the message waits in the outbox for a later round
        with store.begin() as conn:
            commitment_store.upsert_commitment(conn, key="k-heli", agents=["RUS"], beneficiaries=["MLI"],
                                               action="x", deadline="2026-01-31")  # now overdue: a change
        server.post_statuses = [500] * 3
        dispatch.evaluate(store, DAY)
        (later,) = dispatch.deliver_due(store, FAST)
        assert (later["state"], later["attempts"], later["error"]) == ("retry", 3, "webhook answered HTTP 500 "
                                                                                   "Internal Server Error")
        assert dispatch.deliver_due(store, FAST) == []  # not due yet: it backs off
        with store.connect() as conn:
            (message,) = [m for m in monitor_store.list_messages(conn) if m.state == "pending"]
        wait = message.next_attempt_at - monitor_store.now()
        assert timedelta(seconds=50) < wait <= timedelta(minutes=1)
        (sent,) = dispatch.deliver_due(store, FAST, at=message.next_attempt_at)
        assert (sent["state"], sent["attempts"]) == ("sent", 4)
        assert server.posts("/hook")[-1]["changes"][0]["change"] == "overdue"
        with store.connect() as conn:
            (view,) = targets.list_views(conn)
        assert (view.sent, view.pending, view.failed) == (2, 0, 0)


def test_webhook_refuses_private_addresses_and_gives_up_on_client_errors(store, rule: str, tmp_path: Path,
                                                                         monkeypatch) -> None:
    monkeypatch.delenv("SUIVI_ALLOW_PRIVATE_FETCH", raising=False)
    with LocalServer() as server:
        with store.begin() as conn:
            targets.add(conn, rule, "webhook", server.url("/hook"), user="alice", as_of=DAY)
        _heli(store, tmp_path)
        dispatch.evaluate(store, DAY)
        (refused,) = dispatch.deliver_due(store, FAST)
        assert refused["state"] == "failed" and "non-public address 127.0.0.1" in refused["error"]
        assert server.hits == []  # nothing was sent

        monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_FETCH", "1")
        server.post_statuses = [404]
        _commitment_changed(store)
        dispatch.evaluate(store, DAY)
        (gone,) = dispatch.deliver_due(store, FAST)
        assert (gone["state"], gone["attempts"]) == ("failed", 1)  # a 404 will not get better


def _commitment_changed(store) -> None:
    with store.begin() as conn:
        commitment_store.upsert_commitment(conn, key="k-heli", agents=["RUS"], beneficiaries=["MLI"],
                                           action="x", deadline="2026-01-31")


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, _server, session, envelope):  # noqa: N802 - aiosmtpd's handler name
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def test_mail_is_sent_over_smtp(store, rule: str, tmp_path: Path) -> None:
    inbox = _Inbox()
    with socket.socket() as probe:  # a free port (aiosmtpd checks its server by connecting to it)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with store.begin() as conn:
            targets.add(conn, rule, "email", "analyste@example.org", user="alice", as_of=DAY)
        _heli(store, tmp_path)
        dispatch.evaluate(store, DAY)
        settings = AlertSettings(retries=1, backoff=0, max_attempts=3, smtp_host="127.0.0.1", smtp_port=port,
                                 smtp_from="suivi@example.org")
        assert [r["state"] for r in dispatch.deliver_due(store, settings)] == ["sent"]
    finally:
        controller.stop()
    (mail,) = inbox.messages
    assert mail["To"] == "analyste@example.org" and mail["Subject"] == "Suivi: 1 change(s) for russie"
    body = mail.get_body(("plain",)).get_content()
    assert "[new commitment] #" in body and "RUS" in body and "deadline 2027-06-30" in body
    (attachment,) = list(mail.iter_attachments())
    assert json.loads(attachment.get_content())["changes"][0]["key"] == "k-heli"


def test_targets_are_checked_when_added(store, tmp_path: Path, rule: str) -> None:
    with store.begin() as conn:
        with pytest.raises(ConfigError, match="not a mail address"):
            targets.add(conn, rule, "email", "nobody", user="a")
        with pytest.raises(ConfigError, match="http"):
            targets.add(conn, rule, "webhook", "ftp://example.org/x", user="a")
        with pytest.raises(ConfigError, match="does not exist"):
            targets.add(conn, rule, "jsonl", str(tmp_path / "no" / "a.jsonl"), user="a")
        with pytest.raises(ConfigError, match="unknown alert target kind"):
            targets.add(conn, rule, "pager", "x", user="a")


def test_rules_without_targets_are_left_to_the_analyst(store, rule: str, tmp_path: Path) -> None:
    _heli(store, tmp_path)
    assert dispatch.evaluate(store, DAY) == []
    with store.begin() as conn:
        changes = watch.run_rule(conn, rule, DAY)
    assert [c.key for c in changes] == ["k-heli"]  # `suivi watch run` still sees everything


def test_a_new_target_reports_changes_from_now_on(store, tmp_path: Path, rule: str) -> None:
    _heli(store, tmp_path)  # already stored when the target is added: not news for the target
    out = tmp_path / "alerts.jsonl"
    with store.begin() as conn:
        targets.add(conn, rule, "jsonl", str(out), user="alice", as_of=DAY)
    assert dispatch.evaluate(store, DAY) == []
    _commitment(store, tmp_path, "La Russie s'engage à livrer", "k-heli-2", ["RUS"])
    dispatch.evaluate(store, DAY)
    dispatch.deliver_due(store, FAST)
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert [c["key"] for c in json.loads(line)["changes"]] == ["k-heli-2"]
