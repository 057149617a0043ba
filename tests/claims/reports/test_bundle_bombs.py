"""Compression bombs in a bundle: a megabyte that inflates to a gibibyte.

The audit's bundle held a WARC record inflating to 1 GiB and verify took
2.2 GB of memory. Each bomb here is that size; ``factdesk bundle verify``
runs in its own process so that its peak memory (max RSS) is its own, and
must stay far below the inflated size: records are inflated under the
fetcher's body cap (20 MiB by default), report records under their own cap.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from tests.claims.reports.bundles import MANIFEST, Forgery, Genuine

GIB = 1 << 30
MIB = 1 << 20
PEAK_LIMIT_MIB = 512
"""Python and factdesk's imports take about 150 MiB; inflating the bomb would take over 1,024."""

MEASURE = """
import resource, sys
from tui.cli import app
try:
    app(["bundle", "verify", sys.argv[1]])
except SystemExit as exc:
    code = exc.code
# VmHWM is this program's own peak: ru_maxrss also keeps the peak of the
# process it was started from (Linux carries it across exec), here a pytest
# worker that has grown through the suite.
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"maxrss-kib={peak}")
sys.exit(code)
"""


def gzip_member(head: bytes, size: int, filler: bytes) -> bytes:
    """One gzip member: ``head`` then ``size`` bytes of ``filler``, about 1,000 to 1."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [compressor.compress(head)]
    block = filler * MIB
    parts += [compressor.compress(block) for _ in range(size // len(block))]
    parts.append(compressor.flush())
    return b"".join(parts)


WARC_HEAD = (
    b"WARC/1.1\r\n"
    b"WARC-Type: resource\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
    b"WARC-Target-URI: https://news.example/coops\r\n"
    b"WARC-Date: 2026-01-01T00:00:00Z\r\n"
    b"Content-Type: text/html\r\n"
)


def body_bomb() -> bytes:
    return gzip_member(WARC_HEAD + f"Content-Length: {GIB}\r\n\r\n".encode(), GIB, b"\0")


def header_bomb() -> bytes:
    """A header line that never ends: a line reader would hold all of it."""
    return gzip_member(WARC_HEAD + b"X-Filler: ", GIB, b"a")


def run_verify(bundle: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_FETCH")}
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(bundle)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("maxrss-kib="), result.stdout + result.stderr
    return result, int(last.split("=")[1]) // 1024


@pytest.mark.slow
@pytest.mark.parametrize("bomb", [body_bomb, header_bomb], ids=["body", "header-line"])
def test_a_warc_record_that_inflates_to_a_gibibyte(
    genuine: Genuine, tmp_path: Path, bomb: object
) -> None:
    assert callable(bomb)
    member: bytes = bomb()
    assert len(member) < 2 * MIB, "a small bundle"
    forgery = Forgery.of(genuine)
    forgery.files["sources.warc.gz"] = member + genuine.files["sources.warc.gz"]
    bundle = forgery.write(tmp_path / "bomb.zip")
    assert bundle.stat().st_size < 3 * MIB

    result, peak_mib = run_verify(bundle)

    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "holds more than 20,971,520 bytes, the cap on a fetched body" in result.stdout
    assert peak_mib < PEAK_LIMIT_MIB, f"verify peaked at {peak_mib} MiB"


@pytest.mark.slow
def test_a_report_string_that_inflates_to_half_a_gibibyte(genuine: Genuine, tmp_path: Path) -> None:
    """Half the size is enough: read whole, the string would be held twice (parser, str)."""
    bundle = tmp_path / "report-bomb.zip"
    head = b'{"format": "factdesk-report", "version": 2, "organisation": "'
    digest = hashlib.sha256(head)
    block = b"a" * MIB
    with zipfile.ZipFile(bundle, "w") as zf:
        info = zipfile.ZipInfo("report.json", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as entry:
            entry.write(head)
            for _ in range(GIB // 2 // MIB):
                entry.write(block)
                digest.update(block)
            entry.write(b'"}')
            digest.update(b'"}')
        warc = genuine.files["sources.warc.gz"]
        zf.writestr("sources.warc.gz", warc)
        zf.writestr(
            MANIFEST,
            f"{digest.hexdigest()}  report.json\n"
            f"{hashlib.sha256(warc).hexdigest()}  sources.warc.gz\n",
        )
    assert bundle.stat().st_size < 2 * MIB

    result, peak_mib = run_verify(bundle)

    assert result.returncode == 1
    error = result.stderr.strip()
    assert len(error.splitlines()) == 1, error
    assert "a record is over 16,777,216 bytes of JSON; refused" in error
    assert peak_mib < PEAK_LIMIT_MIB, f"verify peaked at {peak_mib} MiB"
