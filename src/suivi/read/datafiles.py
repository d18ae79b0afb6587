"""Loading the reading stage's data files (gazetteer, lexicons) with loud validation.

Why: rules live in YAML so they can be reviewed and extended without touching code, but a
typo in a data file must stop the program at load time with the file and the entry named,
not silently produce an empty lexicon (suivi.errors.DataFileError).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from suivi.datafiles import parse_yaml
from suivi.errors import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"


def load_yaml(relpath: str, top: str) -> Any:
    """Parse data/<relpath> and return its `top` section (a mapping or a list).

    Reads through DATA (not the package resources) so tests can point it at a folder of
    deliberately broken files.
    """
    path = DATA / relpath
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: data file missing") from exc
    doc = parse_yaml(text, str(path))
    if not isinstance(doc, dict) or top not in doc:
        raise DataFileError(f"{path}: expected a top-level '{top}:' section")
    return doc[top]


def expect_str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{where}: expected a non-empty string, got {value!r}")
    return value


def expect_str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return list(value)


def expect_mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


def expect_keys(entry: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
