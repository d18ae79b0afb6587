"""Presentation that leaves the terminal: briefings (`show.brief`), exports (`show.export`),
charts (`show.charts`). Everything here reads through `suivi.views`; nothing here speaks SQL."""
