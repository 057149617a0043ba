"""py3langid's identifier kept uncompressed between processes.

py3langid ships its model as an LZMA-compressed archive and decompresses it
in every process that identifies a language: about half a second of CPU,
most of what ``factdesk extract --lang auto`` costs over ``--lang fr``. The
first process keeps the arrays of the identifier it built (restricted to the
languages asked, as ``LanguageIdentifier.set_languages`` left them) as
uncompressed ``.npy`` files in factdesk's cache folder; later ones map them
and copy them out in a few hundredths of a second (an ``.npz`` archive takes
four times as long to read: zipfile checks every byte). The folder's name
carries the model file's size and modification time, so a new py3langid gets
a folder of its own; in it, the byte automaton that finds the features (39 MB,
the same for every choice of languages) is kept once, and the weights once
per choice of languages (0.4 MB for French and English, 19 MB for all).

The cache is only ever a shortcut: a folder that cannot be written, or a file
that cannot be read, means the model is decompressed as before. The folder is
``FACTDESK_CACHE_DIR`` if set, else the user cache folder (``platformdirs``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from array import array
from pathlib import Path
from typing import Any, Final

import numpy as np
from platformdirs import user_cache_path
from py3langid.langid import (  # type: ignore[import-untyped]
    MODEL_DIR,
    MODEL_FILE,
    LanguageIdentifier,
)

CACHE_ENV: Final = "FACTDESK_CACHE_DIR"
_LOG = logging.getLogger(__name__)
_ARRAY_CODES: Final = {"H": np.uint16, "I": np.uint32, "L": np.uint64}


def cache_folder() -> Path:
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else user_cache_path("factdesk", appauthor=False)


TOKENISER: Final = ("nextmove", "row", "output")
"""The byte automaton that finds the features: the same whatever the languages."""
WEIGHTS: Final = ("ptc", "pc", "classes")
"""The per-language weights: one set per choice of languages."""


def model_folder() -> Path | None:
    """The folder for the installed model; None without a model file."""
    try:
        model = (Path(MODEL_DIR) / MODEL_FILE).stat()
    except OSError:
        return None
    digest = hashlib.sha256(f"{model.st_size}:{model.st_mtime_ns}".encode()).hexdigest()[:16]
    return cache_folder() / f"langid-{digest}"


def _weights_name(among: frozenset[str]) -> str:
    return "weights-" + ("-".join(sorted(among)) or "all")


def _as_numpy(values: array[int]) -> Any:
    return np.frombuffer(values, dtype=_ARRAY_CODES[values.typecode])


def _as_array(values: Any) -> array[int]:
    codes = {np.dtype(dtype): code for code, dtype in _ARRAY_CODES.items()}
    out: array[int] = array(codes[values.dtype])
    out.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return out


def _read(folder: Path, names: tuple[str, ...]) -> dict[str, Any]:
    return {
        name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in names
    }


def load(among: frozenset[str]) -> Any | None:
    """The identifier kept for ``among``, or None when there is none (or it is unreadable)."""
    folder = model_folder()
    if folder is None:
        return None
    weights = folder / _weights_name(among)
    if not weights.is_dir():
        return None
    try:
        data = _read(folder / "tokeniser", TOKENISER) | _read(weights, WEIGHTS)
        return LanguageIdentifier(
            np.array(data["ptc"]),
            np.array(data["pc"]),
            data["classes"].tolist(),
            _as_array(data["nextmove"]),
            data["output"].tolist(),
            norm_probs=True,
            tk_row=_as_array(data["row"]),
        )
    except Exception as exc:  # a damaged or foreign folder: decompress the model instead
        _LOG.debug("language model cache %s unreadable: %s", folder, exc)
        return None


def keep(among: frozenset[str], identifier: Any) -> None:
    """Write ``identifier``'s arrays for the next process; failures only cost speed."""
    folder = model_folder()
    if folder is None:
        return
    tokeniser = {
        "nextmove": _as_numpy(identifier.tk_nextmove),
        "row": _as_numpy(identifier.tk_row),
        "output": np.asarray(identifier.tk_output, dtype=np.int32),
    }
    weights = {
        "ptc": np.asarray(identifier.nb_ptc),
        "pc": np.asarray(identifier.nb_pc),
        "classes": np.array(identifier.nb_classes),
    }
    # The automaton first: weights without it are never read.
    if _write(folder / "tokeniser", tokeniser):
        _write(folder / _weights_name(among), weights)


def _write(target: Path, arrays: dict[str, Any]) -> bool:
    """Write ``arrays`` as ``target``/NAME.npy, all or nothing; True if it is there now."""
    if target.is_dir():
        return True
    written: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: a process reading at the same time sees all or nothing.
        written = tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-")
        for name, values in arrays.items():
            np.save(Path(written) / f"{name}.npy", values, allow_pickle=False)
        os.replace(written, target)
        written = None
    except OSError as exc:  # read-only folder, or another process renamed its copy first
        _LOG.debug("language model cache %s not written: %s", target, exc)
    finally:
        if written is not None:
            shutil.rmtree(written, ignore_errors=True)
    return target.is_dir()
