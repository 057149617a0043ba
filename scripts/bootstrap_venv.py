"""Create .venv with pip, even where Python's ensurepip is missing.

Debian's python3 ships the venv module without ensurepip (that is the
python3-venv package). Then the venv is made without pip, and pip is
installed into it from its own wheel, downloaded from PyPI: a wheel is a zip
Python can run. Standard library only.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path

PYPI_PIP = "https://pypi.org/pypi/pip/json"


def main(target: str = ".venv") -> int:
    root = Path(target)
    python = root / "bin" / "python"
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        venv.EnvBuilder(with_pip=False).create(root)
        with urllib.request.urlopen(PYPI_PIP, timeout=60) as answer:
            release = json.load(answer)
        wheel = next(f for f in release["urls"] if f["filename"].endswith(".whl"))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / wheel["filename"]
            # Mirrors of PyPI answer with addresses relative to the JSON's.
            url = urllib.parse.urljoin(PYPI_PIP, wheel["url"])
            urllib.request.urlretrieve(url, path)  # noqa: S310 (PyPI over https)
            subprocess.run(  # noqa: S603 (our venv's python, the wheel just fetched)
                [str(python), f"{path}/pip", "install", "--quiet", str(path)], check=True
            )
    else:
        venv.EnvBuilder(with_pip=True).create(root)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
