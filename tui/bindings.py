"""Every key binding of the app, each with an id and a tooltip.

Screens take their ``BINDINGS`` from here so that the help screen, the footer
and the user's remaps (``[tui.bindings]`` in the configuration, applied with
``App.set_keymap``) all speak of the same ids. An id reads ``area.verb``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from db.errors import FactdeskError


@dataclass(frozen=True)
class KeySpec:
    """One binding before it becomes a Textual ``Binding``."""

    id: str
    key: str
    action: str
    description: str
    tooltip: str
    show: bool = True
    priority: bool = False
    key_display: str | None = None
    command: str | None = None
    """Title in the command palette, ``area: verb``; default from the id and description."""

    @property
    def palette_title(self) -> str:
        return self.command or f"{self.id.split('.')[0]}: {self.description.lower()}"

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            tooltip=self.tooltip,
            id=self.id,
            key_display=self.key_display,
        )


APP_KEYS: tuple[KeySpec, ...] = (
    KeySpec(
        "app.help",
        "f1",
        "help",
        "Help",
        "Every key binding, with its id for remapping",
        command="help: keys",
    ),
    KeySpec("app.queue", "f2", "show_queue", "Queue", "The claim queue", command="queue: show"),
    KeySpec(
        "app.sources",
        "f3",
        "show_sources",
        "Sources",
        "Sources, snapshots and diffs",
        command="sources: show",
    ),
    KeySpec(
        "app.quit", "ctrl+q", "quit", "Quit", "Leave factdesk", priority=True, command="app: quit"
    ),
)

QUEUE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("queue.open", "enter", "open_claim", "Open", "Open the highlighted claim"),
    KeySpec(
        "queue.mark",
        "space",
        "mark",
        "Mark",
        "Mark the highlighted claim, or unmark it (marks outlive pages and filters)",
        show=False,
    ),
    KeySpec(
        "queue.mark_up",
        "shift+up",
        "mark_up",
        "Mark up",
        "Mark the highlighted claim and the one above, and move up",
        show=False,
    ),
    KeySpec(
        "queue.mark_down",
        "shift+down",
        "mark_down",
        "Mark down",
        "Mark the highlighted claim and the one below, and move down",
        show=False,
    ),
    KeySpec(
        "queue.search",
        "slash",
        "focus_search",
        "Search",
        "Filter by words of the claim",
        key_display="/",
    ),
    KeySpec(
        "queue.next_page",
        "right_square_bracket",
        "next_page",
        "Next page",
        "The next page of matching claims",
        key_display="]",
    ),
    KeySpec(
        "queue.prev_page",
        "left_square_bracket",
        "prev_page",
        "Prev page",
        "The previous page of matching claims",
        key_display="[",
    ),
    KeySpec(
        "queue.ingest",
        "i",
        "ingest",
        "Ingest",
        "Add an article: a URL, a file or pasted text; its claims join the queue",
        command="queue: ingest…",
    ),
    KeySpec(
        "queue.status",
        "s",
        "bulk_status",
        "Status",
        "Set the status of the marked claims (or the highlighted one)",
    ),
    KeySpec(
        "queue.assign",
        "a",
        "bulk_assign",
        "Assign",
        "Assign the marked claims (or the highlighted one) to a reviewer",
    ),
    KeySpec(
        "queue.mine",
        "m",
        "toggle_mine",
        "Mine",
        "Only the claims assigned to me (the reviewer in the settings), or all again",
    ),
    KeySpec(
        "queue.groups",
        "g",
        "toggle_groups",
        "Groups",
        'One row per group of claims ("seen in N sources"), or one row per claim again',
        command="queue: one row per group / per claim",
    ),
    KeySpec(
        "queue.new",
        "n",
        "toggle_new",
        "New",
        "Only the claims new since you last looked (flag •), or all again",
        show=False,
    ),
    KeySpec(
        "queue.changed",
        "c",
        "toggle_changed",
        "Changed",
        "Only the claims whose evidence moved (flag ~), changed (!) or is gone (✗), or all again",
        show=False,
    ),
    KeySpec(
        "queue.dismiss",
        "d",
        "bulk_dismiss",
        "Dismiss",
        "Dismiss the marked claims (or the highlighted one) as not claims, with one reason",
        show=False,
    ),
    KeySpec(
        "queue.merge",
        "G",
        "bulk_group",
        "Group",
        "Merge the marked claims into one group: the same claim seen in several articles",
        show=False,
        command="queue: group the marked claims",
    ),
    KeySpec("queue.sort", "o", "cycle_sort", "Sort", "Sort the whole queue by the next order"),
    KeySpec(
        "queue.export",
        "ctrl+e",
        "export",
        "Export",
        "Export the marked claims, or else the claims the filters select, as a report",
    ),
    KeySpec("queue.clear", "ctrl+l", "clear_filters", "Clear", "Clear every filter"),
    KeySpec("queue.reload", "ctrl+r", "reload", "Reload", "Reload (shows others' changes)"),
)

CLAIM_KEYS: tuple[KeySpec, ...] = (
    KeySpec("claim.back", "escape", "back", "Back", "Back to the queue"),
    KeySpec("claim.verdict", "v", "verdict", "Verdict", "Give a verdict: rating and rationale"),
    KeySpec("claim.note", "n", "note", "Note", "Add a note to the history"),
    KeySpec("claim.status", "s", "status", "Status", "Change the review status"),
    KeySpec("claim.assign", "a", "assign", "Assign", "Assign the claim to a reviewer"),
    KeySpec(
        "claim.add_evidence",
        "e",
        "add_evidence",
        "Evidence",
        "Fetch a page and link a passage of it as evidence",
    ),
    KeySpec(
        "claim.remove_evidence",
        "x",
        "remove_evidence",
        "Remove",
        "Withdraw the highlighted evidence",
    ),
    KeySpec(
        "claim.cancel_fetch",
        "ctrl+x",
        "cancel_fetch",
        "Cancel fetch",
        "Stop the evidence fetch under way; nothing is stored",
        show=False,
    ),
    KeySpec("claim.reload", "ctrl+r", "reload", "Reload", "Reload the claim"),
    KeySpec(
        "claim.edit_claimant",
        "c",
        "edit_claimant",
        "Claimant",
        "Correct who asserts the claim (the extractor's original stays on record)",
        show=False,  # the footer is full at 140 columns; help (f1) and the palette list it
    ),
    KeySpec(
        "claim.dismiss",
        "d",
        "dismiss_claim",
        "Dismiss",
        "Dismiss as not a claim, with why",
        show=False,
    ),
    KeySpec(
        "claim.edit_figure",
        "f",
        "edit_figure",
        "Figure",
        "Correct a figure: value, kind, unit, bounds, hedge (the extractor's stays on record)",
        show=False,
    ),
    KeySpec(
        "claim.edit_span",
        "p",
        "edit_span",
        "Span",
        "Correct where the claim's sentence starts and ends in the article (START:END)",
        show=False,
    ),
    KeySpec(
        "claim.add_claim",
        "t",
        "add_claim",
        "Add claim",
        "Pick a sentence of the article the extractor missed and add it as a claim",
        show=False,
        command="claim: add a claim from the article's sentences…",
    ),
    KeySpec(
        "claim.split",
        "u",
        "split_group",
        "Ungroup",
        "Take the claim out of its group (a claim wrongly seen as the same elsewhere)",
        show=False,
        command="claim: take out of its group",
    ),
)

SENTENCE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("sentences.back", "escape", "back", "Back", "Back to the claim or the sources"),
    KeySpec(
        "sentences.add",
        "enter",
        "add_claim",
        "Add claim",
        "Add the highlighted sentence as a claim (asks first)",
    ),
    KeySpec("sentences.reload", "ctrl+r", "reload", "Reload", "Reload the sentences"),
)

SOURCE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("sources.back", "escape", "back", "Back", "Back to the previous screen"),
    KeySpec(
        "sources.open",
        "enter",
        "open",
        "Open",
        "Snapshots of the source, or the text of the snapshot",
    ),
    KeySpec(
        "sources.diff",
        "d",
        "diff",
        "Diff",
        "Diff the highlighted snapshot against the one before it",
    ),
    KeySpec(
        "sources.refresh",
        "r",
        "refresh",
        "Refresh",
        "Re-fetch the highlighted source now (claims on it are re-checked)",
    ),
    KeySpec(
        "sources.refresh_due",
        "R",
        "refresh_due",
        "Refresh due",
        "Re-fetch every source that is due, in the background",
    ),
    KeySpec("sources.reload", "ctrl+r", "reload", "Reload", "Reload the sources"),
    KeySpec(
        "sources.watch_pause",
        "p",
        "toggle_watch",
        "Pause/resume",
        "Pause the highlighted watch, or resume it",
    ),
    KeySpec(
        "sources.watch_read",
        "w",
        "read_watch",
        "Read watch",
        "Read the highlighted watch's feed now and ingest its new articles",
    ),
    KeySpec(
        "sources.add_claim",
        "t",
        "add_claim",
        "Add claim",
        "Pick a sentence of the source's latest snapshot the extractor missed and add it "
        "as a claim",
        show=False,
        command="sources: add a claim from the source's sentences…",
    ),
)

ALL_KEYS: tuple[tuple[str, tuple[KeySpec, ...]], ...] = (
    ("Everywhere", APP_KEYS),
    ("Claim queue", QUEUE_KEYS),
    ("Claim", CLAIM_KEYS),
    ("Sentences", SENTENCE_KEYS),
    ("Sources", SOURCE_KEYS),
)


def bindings(specs: tuple[KeySpec, ...]) -> list[BindingType]:
    return [spec.binding() for spec in specs]


class UnknownBinding(FactdeskError):
    """A remap names a binding id that does not exist."""


def keymap(remaps: Mapping[str, str]) -> dict[str, str]:
    """The user's remaps, checked: an unknown id is a typo the user wants to hear about."""
    known = {spec.id for _, specs in ALL_KEYS for spec in specs}
    unknown = sorted(set(remaps) - known)
    if unknown:
        raise UnknownBinding(
            f"[tui.bindings] names unknown binding ids {', '.join(unknown)}; "
            "press F1 in factdesk for the list of ids"
        )
    return dict(remaps)


def effective_key(spec: KeySpec, remaps: Mapping[str, str]) -> str:
    if spec.id in remaps:
        return remaps[spec.id]
    return spec.key_display or spec.key
