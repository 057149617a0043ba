"""The JSON Schemas shipped in ``schema/`` and validators that are safe on hostile files."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import jsonschema_rs


def is_instant(value: str) -> bool:
    """An ISO 8601 date-time with a zone, one Python reads and can bring to UTC."""
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            return False
        parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        return False
    return True


def load_schema(name: str) -> dict[str, Any]:
    """One of the JSON Schemas shipped in ``schema/``, e.g. ``factdesk-report-2.schema.json``."""
    text = resources.files("claims.reports").joinpath("schema", name).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validator(schema: dict[str, Any], definition: str | None = None) -> Any:
    """A validator of ``schema`` (or of one of its ``$defs``) that never quotes a value.

    Values come from hostile files: error messages say where and what is
    wrong, never the value itself (``mask``). ``date-time`` is checked as the
    code that uses those fields reads them (:func:`is_instant`).
    """
    if definition is not None:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return jsonschema_rs.Draft202012Validator(
        schema,
        mask="the value",
        validate_formats=True,
        formats={"date-time": is_instant},
    )
