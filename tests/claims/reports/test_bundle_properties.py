"""Generated hostile bundles: `bundle verify` answers in one line, never a traceback,
and writes nothing outside its own temporary folder.

Four generators: report.json as arbitrary JSON or bytes; the genuine report
with one field replaced or deleted; zip layouts with at least one entry out of
place; the genuine bundle with bytes flipped anywhere. Each example runs the
real command line in this process (a traceback fails the test) with verify's
temporary folders sent to a folder of the example, which must be empty
afterwards, as must a folder the hostile ids point at.
"""

from __future__ import annotations

import copy
import json
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.reports.schemas import load_schema
from tests.claims.reports.bundles import (
    MANIFEST,
    SYMLINK,
    Entry,
    Forgery,
    Genuine,
    verify,
    write_zip,
)
from tests.support.cli import Run

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HOSTILE_TEXT = st.sampled_from(
    [
        "../../outside/pwned",
        "/tmp/factdesk-pwned",
        "..",
        "",
        "\x1b]0;owned\x07\x1b[2J",
        "2026-13-45T25:61:00+00:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "\ud800",
        "\x00",
        "1e999",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    HOSTILE_TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), HOSTILE_TEXT), children, max_size=4),
    ),
    max_leaves=12,
)
DELETE = object()


class Sandbox:
    """One example's folders: its bundle, verify's temporary folder, a watched outside."""

    def __init__(self, parent: Path) -> None:
        self.root = Path(tempfile.mkdtemp(dir=parent))
        self.private = self.root / "private-tmp"
        self.outside = self.root / "outside"
        self.private.mkdir()
        self.outside.mkdir()
        self.bundle = self.root / "bundle.zip"

    def run(self, *args: str) -> Run:
        saved = tempfile.tempdir
        tempfile.tempdir = str(self.private)
        try:
            return verify(self.bundle, *args)
        finally:
            tempfile.tempdir = saved

    def check(self, result: Run, *, must_fail: bool) -> None:
        assert "Traceback" not in result.stdout + result.stderr
        if must_fail or result.exit_code != 0:
            assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1, result.stderr
            assert lines[0].startswith("factdesk: error: ")
            assert "\x1b" not in result.stdout + result.stderr
        assert list(self.private.iterdir()) == [], "verify's own folder is removed"
        assert list(self.outside.iterdir()) == [], "nothing written outside"
        assert sorted(p.name for p in self.root.iterdir()) == [
            "bundle.zip",
            "outside",
            "private-tmp",
        ]


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("examples")


@EXAMPLES
@given(content=st.one_of(JSON.map(lambda v: json.dumps(v).encode()), st.binary(max_size=300)))
def test_any_report_json_that_is_not_a_report(
    genuine: Genuine, examples: Path, content: bytes
) -> None:
    sandbox = Sandbox(examples)
    forgery = Forgery.of(genuine)
    forgery.files["report.json"] = content
    forgery.write(sandbox.bundle)
    sandbox.check(sandbox.run(), must_fail=True)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _mutated(report: dict[str, Any], path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return None if value is DELETE else value
    copied = copy.deepcopy(report)
    node: Any = copied
    for part in path[:-1]:
        node = node[part]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return copied


@pytest.fixture(scope="module")
def report_schema() -> Any:
    return jsonschema.Draft202012Validator(load_schema("factdesk-report-2.schema.json"))


@EXAMPLES
@given(data=st.data())
def test_a_report_with_one_field_changed(
    genuine: Genuine, examples: Path, report_schema: Any, data: st.DataObject
) -> None:
    report = dict(genuine.report)
    report.pop("signer")
    path = data.draw(st.sampled_from(sorted(_paths(report), key=repr)), label="path")
    value = data.draw(st.one_of(st.just(DELETE), JSON), label="value")
    mutated = _mutated(report, path, value)
    sandbox = Sandbox(examples)
    forgery = Forgery.of(genuine)
    forgery.files["report.json"] = json.dumps(mutated).encode()
    forgery.write(sandbox.bundle)
    # Off the schema (as an independent validator reads it): refused. On it, the
    # change may still be caught by the checks of bytes and passages: either way,
    # one line.
    sandbox.check(sandbox.run(), must_fail=not report_schema.is_valid(mutated))


NAMES = st.one_of(
    st.sampled_from(
        ["report.json", "sources.warc.gz", MANIFEST, "signature.json", "Report.json", "notes"]
    ),
    st.text(min_size=1, max_size=12).filter(lambda n: "\x00" not in n),
)
DEFECTS = st.sampled_from(
    [
        Entry("../report.json", b"{}"),
        Entry("/etc/factdesk", b"x"),
        Entry("C:/factdesk", b"x"),
        Entry("link", b"/etc/passwd", mode=SYMLINK),
        Entry("folder/", b""),
        Entry("secret", b"x", flags=0x1),
        Entry("notes.bz2", b"x", compression=zipfile.ZIP_BZIP2),
        Entry("notes.xz", b"x", compression=zipfile.ZIP_LZMA),
        Entry("a/b", b"x"),
        Entry("report.json", b"{}"),  # a duplicate whenever the genuine one is kept
    ]
)


@EXAMPLES
@given(data=st.data())
def test_zip_layouts_with_an_entry_out_of_place(
    genuine: Genuine, examples: Path, data: st.DataObject
) -> None:
    kept = data.draw(st.lists(st.sampled_from(sorted(genuine.files)), unique=True), label="kept")
    entries = [Entry(name, genuine.files[name]) for name in kept]
    entries += data.draw(
        st.lists(st.builds(Entry, NAMES, st.binary(max_size=64)), max_size=3), label="more"
    )
    defect = data.draw(DEFECTS, label="defect")
    if defect.name == "report.json" and "report.json" not in kept:
        entries.append(Entry("report.json", genuine.files["report.json"]))
    entries.insert(data.draw(st.integers(0, len(entries)), label="at"), defect)
    sandbox = Sandbox(examples)
    write_zip(sandbox.bundle, entries)
    sandbox.check(sandbox.run(), must_fail=True)


@EXAMPLES
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1))
def test_a_genuine_bundle_with_bytes_flipped(
    genuine: Genuine, examples: Path, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(genuine.path.read_bytes())
    for at, mask in flips:
        data[at % len(data)] ^= mask
    sandbox = Sandbox(examples)
    sandbox.bundle.write_bytes(bytes(data))
    # A flipped byte may land where nothing reads (a time stamp): then it verifies.
    sandbox.check(sandbox.run("--key", genuine.fingerprint), must_fail=False)
