"""`python -m claims.text.quantities`: the line-by-line JSON the evaluation scripts read."""

from __future__ import annotations

import json
import subprocess
import sys


def run(args: list[str], stdin: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "claims.text.quantities", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.splitlines()


def test_lines_prints_one_json_array_per_input_line() -> None:
    out = run(["--lines", "--lang", "fr"], "Plus de 1 300 jeunes.\nRien ici.\n50 pc\n")
    assert len(out) == 3
    first, empty, third = (json.loads(line) for line in out)
    assert (first[0]["surface"], first[0]["low"]) == ("Plus de 1 300 jeunes", 1300)
    assert empty == []
    assert third[0]["kind"] == "percent"


def test_as_claims_wraps_each_line_as_one_claim() -> None:
    (line,) = run(["--lines", "--as-claims", "--lang", "en"], "Up to 300 jobs could go.\n")
    claims = json.loads(line)["claims"]
    assert claims[0]["quantities"][0]["high"] == 300


def test_values_gives_ranges_as_pairs() -> None:
    (line,) = run(["--lines", "--values", "--lang", "en"], "between 44 and 50 mg, 3 cats\n")
    assert json.loads(line) == [[44.0, 50.0], 3.0]
