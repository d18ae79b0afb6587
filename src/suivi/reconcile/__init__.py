"""Stage package: see docs/ARCHITECTURE.md."""
