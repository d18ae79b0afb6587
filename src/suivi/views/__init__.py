"""The read side: every screen's data — register, entries, compliance, overview, stories,
actors, articles, search — as plain objects, for the CLI, the web app, the JSON API,
briefings and exports alike.

Why one package: the same question ("what is the status of this pledge today?") must get the
same answer on every screen. Views call the stages' pure functions (status replay, scoring)
and `suivi.store` queries; they never write SQL themselves. Layering: store <- stages <-
views <- cli / web.
"""
