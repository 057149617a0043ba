"""Fetched text made safe for a terminal.

Pages are hostile: their text may carry ANSI/OSC escape sequences or other
control characters. Everything from a fetch passes through :func:`safe` before
a terminal sees it, and is handed to Rich/Textual as ``Text`` (never markup).
"""

from __future__ import annotations

import re

from rich.text import Text

# ESC-introduced sequences (CSI, OSC up to BEL/ST, two-char escapes), then any
# remaining C0/C1 control except newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]?"  # two-character escapes, lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """``text`` without escape sequences or control characters (newline and tab kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def literal(text: str, style: str = "") -> Text:
    """A Rich ``Text`` that shows ``text`` exactly: no markup, no escapes."""
    return Text(safe(text), style=style)
