"""History in words: one line per event, figures written as figures."""

from __future__ import annotations

from claims.review.history_text import describe_event, event_line


def test_events_read_as_words_with_figures() -> None:
    figure = {
        "version": 4,
        "at": "2026-11-30T16:40:12+00:00",
        "reviewer": "amina",
        "action": "correct",
        "target": "figure:0",
        "before": {"value": 20000.0, "unit": "coopératives"},
        "after": {"value": 20347.0, "unit": "coopératives actives"},
        "text": None,
        "evidence_id": None,
    }
    assert describe_event(figure) == (
        "corrected figure 0: value 20,000 → 20,347; unit coopératives → coopératives actives"
    )
    assert event_line(figure).startswith("v4  2026-11-30 16:40  amina  corrected figure 0")
    verdict = {
        "action": "verdict",
        "target": None,
        "before": {"rating": "true", "label": "True", "value": 5},
        "after": {"rating": "false", "label": "False", "value": 1},
        "text": "the registry counts 12,000",
    }
    assert describe_event(verdict) == "rated False (was True) — the registry counts 12,000"
    added = {
        "action": "evidence_added",
        "evidence_id": 7,
        "after": {"stance": "refutes", "quote": "x " * 100, "source": "https://a.example/"},
        "text": None,
    }
    line = describe_event(added)
    assert line.startswith("linked evidence 7 (refutes) «x x")
    assert "…»" in line
    assert "{" not in line
    assert describe_event({"action": "status", "before": "new", "after": "needs_recheck"}) == (
        "status new → needs re-check"
    )
