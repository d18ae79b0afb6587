"""One way to read the rule files shipped in `suivi/data/`.

Why shared: every stage keeps its rules, lexicons and settings as YAML in the package; each
stage validates its own shapes, but reading a file, parsing it safely and reporting a broken
one (DataFileError naming the file) is the same everywhere.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from suivi.errors import DataFileError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster


def parse_yaml(text: str, where: str) -> Any:
    """Parse YAML text safely; `where` names the file in the error."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc


def data_exists(relpath: str) -> bool:
    return resources.files("suivi").joinpath("data", *relpath.split("/")).is_file()


def read_data_yaml(relpath: str) -> Any:
    """Parse `suivi/data/<relpath>` (e.g. "cues/status.fr.yaml")."""
    where = f"data/{relpath}"
    try:
        text = resources.files("suivi").joinpath("data", *relpath.split("/")).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{where}: data file missing") from exc
    return parse_yaml(text, where)
