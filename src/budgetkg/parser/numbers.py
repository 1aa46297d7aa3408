"""Numbers as printed in the filings: amounts in 万元 with thousands separators, as exact Decimals."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")


def parse_amount(text: str) -> Decimal | None:
    """``2,571.09`` → Decimal('2571.09'); None when the text is not a plain number."""
    cleaned = text.strip()
    if not _AMOUNT.match(cleaned):
        return None
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:
        return None
