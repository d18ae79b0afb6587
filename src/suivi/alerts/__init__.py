"""Alerts: what a watch rule found, handed on — to a JSON Lines file, a webhook, or by mail.

    channels   one sender per kind of target, in a registry (jsonl, webhook, email)
    targets    attach targets to watch rules (`suivi alerts add|list|remove`)
    dispatch   evaluate rules into the outbox, deliver due messages with retries

Why an outbox: a rule's run records a snapshot ("what I have already told you"); the
messages it produces are written in the same transaction, then delivered. A webhook that
is down when the change is found gets it later, with backoff, instead of never.
"""
