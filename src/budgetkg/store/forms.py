"""Which SPARQL form a request text is (SELECT, ASK, CONSTRUCT, DESCRIBE, or an update), without parsing it.

The HTTP layer needs it before running anything (a write must be refused, not attempted) and the
remote backend to pick the Accept header.  The scan skips IRIs, strings and comments, so a
``#select`` or ``"ask"`` inside them does not count; a full parse is left to the engine.
"""

from __future__ import annotations

import re

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

# an IRI, a (long or short) string, a comment, or a bare word that is not a prefix name
_TOKEN = re.compile(
    r'<[^<>"{}|^`\\\s]*>|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'|#[^\n]*|(?<![\w:])([A-Za-z]+)(?![\w:-])",
    re.DOTALL,
)


def sparql_form(text: str) -> str | None:
    """The first form keyword (upper case) of ``text``, or None when there is none."""
    for match in _TOKEN.finditer(text):
        word = match.group(1)
        if word is None:
            continue
        upper = word.upper()
        if upper in QUERY_FORMS or upper in UPDATE_FORMS:
            return upper
    return None


def is_update(text: str) -> bool:
    return sparql_form(text) in UPDATE_FORMS


# FROM / FROM NAMED at the start of a line, as queries are written (a rare FROM in mid-line is missed)
_FROM = re.compile(r"^\s*FROM\s+(NAMED\s+)?(<|\w*:)", re.IGNORECASE | re.MULTILINE)


def has_dataset_clause(text: str) -> bool:
    """True when the query picks its own dataset with FROM / FROM NAMED (then no default applies)."""
    return _FROM.search(text) is not None
