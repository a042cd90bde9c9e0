"""The request letters under `draft` (filled in below)."""

from __future__ import annotations

import typer


def register_drafts(draft_app: typer.Typer) -> None:
    pass
