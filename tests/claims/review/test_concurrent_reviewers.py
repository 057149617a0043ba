"""Two reviewers writing the same claim at once: the second is refused, nothing lost."""

from __future__ import annotations

import threading
from typing import Any

from claims.review.events import ClaimChanged, ensure_state, give_verdict, history
from claims.review.ratings import RatingScale
from db.engine import Database
from tests.claims.review.conftest import claim_with


def test_second_concurrent_verdict_is_refused(
    db_url: str, article_claims: list[dict[str, Any]]
) -> None:
    cid = claim_with(article_claims, "20.000")["id"]
    # Each reviewer has its own engine: separate connections, as two processes would.
    reviewers = {"amina": Database(db_url), "yassine": Database(db_url)}
    loaded: dict[str, int] = {}
    for name, db in reviewers.items():
        with db.read() as session:
            loaded[name] = ensure_state(session, cid).version
    barrier = threading.Barrier(len(reviewers))
    outcomes: dict[str, str] = {}

    def review(name: str, rating: str) -> None:
        db = reviewers[name]
        barrier.wait()
        try:
            with db.write() as session:
                give_verdict(
                    session,
                    cid,
                    rating,
                    why=f"{name}'s reading",
                    reviewer=name,
                    scale=RatingScale(),
                    expected_version=loaded[name],
                )
            outcomes[name] = "written"
        except ClaimChanged as exc:
            outcomes[name] = str(exc)

    threads = [
        threading.Thread(target=review, args=("amina", "true")),
        threading.Thread(target=review, args=("yassine", "false")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    try:
        assert sorted(o == "written" for o in outcomes.values()) == [False, True], outcomes
        refused = next(o for o in outcomes.values() if o != "written")
        assert "changed since it was loaded" in refused
        winner = next(name for name, o in outcomes.items() if o == "written")
        with reviewers["amina"].read() as session:
            events = history(session, cid)
        assert [e.action for e in events] == ["verdict", "status"]
        assert {e.reviewer for e in events} == {winner}
    finally:
        for db in reviewers.values():
            db.dispose()
