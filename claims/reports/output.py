"""Atomic output: a report appears at its path whole, or not at all.

Exports write to a temporary file in the target's directory (same file
system, so the final ``os.replace`` is atomic) and rename it only when the
writer finished; any failure removes the temporary file and leaves whatever
was at the target untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from claims.reports.errors import OutputNotWritable


def _not_writable(path: Path, exc: OSError) -> OutputNotWritable:
    reason = exc.strerror or type(exc).__name__
    return OutputNotWritable(
        f"{path}: cannot write the report there ({reason}); choose another path"
    )


def check_writable(path: Path) -> None:
    """Refuse early a target whose directory is missing or read-only, or a directory."""
    if path.is_dir():
        raise OutputNotWritable(f"{path}: is a directory; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputNotWritable(f"{path}: the directory {parent} does not exist; create it first")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritable(f"{path}: the directory {parent} is not writable; choose another")


def _umask() -> int:
    # mkstemp makes 0600 files; a report gets the mode any new file would get.
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends without error."""
    check_writable(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _not_writable(path, exc) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _not_writable(path, exc) from None
        raise
