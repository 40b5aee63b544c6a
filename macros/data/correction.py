"""Where a value differs from what the release prints, or from what this package published before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Correction:
    id: str
    figure: str
    field: str
    printed: str
    used: str
    kind: str
    reason: str
    date: dt.date
    version: str
    reference: str | None
    row: int
