"""A small catalogue of named errors.

Why: the CLI (and later the web API) turns any of these into one clear line and one JSON
error shape at the edge; everything else is a bug and should show its traceback.
"""

from __future__ import annotations


class SuiviError(Exception):
    """Base of every error Suivi reports to a user as one line."""

    code = "error"
    exit_code = 1


class ConfigError(SuiviError):
    code = "config"


class StoreError(SuiviError):
    code = "store"


class NotFound(SuiviError):
    code = "not_found"


class InputRejected(SuiviError):
    """An input (file, URL, feed entry) that cannot become an article.

    `source` names the input; the message says why, in words an analyst understands.
    """

    code = "rejected"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputRejected):
    code = "fetch"


class DataFileError(SuiviError):
    """A shipped rule / lexicon / gazetteer file is malformed: fail loudly at load."""

    code = "data"


class ReviewError(SuiviError):
    code = "review"
