"""The one error hierarchy of budgetkg.

Every error a user can cause is a ``BudgetkgError``; the CLI prints ``str(error)`` on one line and
exits non-zero, the web layer maps them to status codes.  Anything else is a bug (500, no detail).
"""

from __future__ import annotations


class BudgetkgError(Exception):
    """Base of every expected, user-facing error."""


class InputError(BudgetkgError):
    """A filing that cannot be read; renders as ``FILE:LINE: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class ConfigError(BudgetkgError):
    """A setting that does not make sense (bad store location, bad port …)."""


class StoreError(BudgetkgError):
    """The store could not be opened, read or written."""


class QueryError(BudgetkgError):
    """A SPARQL query the engine rejects (syntax, unsupported form …)."""


class QueryTimeout(BudgetkgError):
    """A query that ran past the configured timeout and was stopped."""


class ReadOnlyError(BudgetkgError):
    """A write (UPDATE, LOAD, Graph Store write) against the read-only endpoint."""


class NotFound(BudgetkgError):
    """An IRI or resource the graph does not know."""
