"""One claim: its sentence in context, provenance, figures, evidence and history.

Everything shown comes from ``claims.review.dossier.load_dossier``; every action is a
function of ``claims.review.events`` or ``claims.review.evidence`` run in a thread worker with
the version of the claim on screen. When someone else changed the claim first
(``ClaimChanged``) the screen reloads, shows what is there now and asks before
redoing the action on the new version.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import Worker, get_current_worker

from claims.errors import ClaimError
from claims.factchecks import Match, match_claim
from claims.review.corrections import (
    dismiss_claim,
    edit_claim,
    figure_edit_from_form,
    span_bounds,
)
from claims.review.dossier import Dossier, load_dossier
from claims.review.effective import FIGURE_FIELDS
from claims.review.events import (
    ClaimChanged,
    add_note,
    assign,
    event_json,
    give_verdict,
    set_status,
)
from claims.review.evidence import (
    STANCES,
    EvidenceRequest,
    EvidenceView,
    add_evidence,
    as_quantity,
    remove_evidence,
)
from claims.review.freshness import then_and_now
from claims.review.groups import split
from claims.review.statuses import STATUS_LABELS, STATUSES
from claims.services.database import Database
from claims.services.review_actions import ReviewAction, run_review_action
from claims.text.quantities import Quantity
from sources.fetching import FetchPolicy
from tui.bindings import CLAIM_KEYS, bindings
from tui.dialogs.figure import FigureDialog
from tui.dialogs.prompts import ChoiceDialog, ConfirmDialog, ReasonDialog, TextDialog
from tui.dialogs.quote import QuotePicker
from tui.dialogs.verdict import VerdictDialog, VerdictInput
from tui.screens.base import DeskScreen
from tui.terminal_text import literal, safe
from tui.widgets.dossier_text import (
    STANCE_STYLES,
    cited_source,
    context_text,
    crosscheck_text,
    factchecks_text,
    figures_text,
    head_text,
    provenance_text,
    timeline_text,
)
from tui.widgets.evidence_columns import EVIDENCE_COLUMNS, evidence_widths
from tui.widgets.evidence_text import FRESHNESS_STYLES, then_and_now_text
from tui.widgets.formatting import figure, short
from tui.widgets.key_footer import KeyFooter
from tui.workers import (
    PREVIEW_STEPS,
    Conflict,
    FetchStep,
    PagePreview,
    PreviewReady,
    Retry,
    Written,
    preview_page,
)


class ClaimScreen(DeskScreen):
    AREA = "Claim"
    BINDINGS = bindings(CLAIM_KEYS)
    DEFAULT_CSS = """
    ClaimScreen #changes {
        height: auto;
    }
    ClaimScreen .change {
        margin-bottom: 1;
    }
    """

    class Loaded(Message):
        def __init__(self, dossier: Dossier, earlier: list[Match] | None = None) -> None:
            super().__init__()
            self.dossier = dossier
            self.earlier = earlier or []

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.dossier: Dossier | None = None
        self._pending_conflict: Conflict | None = None
        self._note = ""

    @property
    def version(self) -> int:
        assert self.dossier is not None
        return self.dossier.view.state.version

    def compose(self) -> ComposeResult:
        yield Static(id="claim-head", markup=False)
        with VerticalScroll(id="claim-body"):
            yield Static("Context", classes="section-title")
            yield Static(id="context", markup=False)
            yield Static("Provenance", classes="section-title")
            yield Static(id="provenance", markup=False)
            yield Static("Figures", classes="section-title")
            yield Static(id="figures", markup=False)
            yield Static("Evidence", classes="section-title")
            yield DataTable(id="evidence", cursor_type="row")
            # Shown only when some evidence moved, changed or went since it was linked.
            yield Static(
                "What changed in the evidence", id="changes-title", classes="section-title"
            )
            yield Vertical(id="changes")
            # Shown only when the claim matches earlier fact-checks.
            yield Static("Already checked", id="factchecks-title", classes="section-title")
            yield Static(id="factchecks", markup=False)
            yield Static("History", classes="section-title")
            yield Static(id="history", markup=False)
        with Horizontal(id="fetch-bar"):
            yield Static(id="fetch-label", markup=False)
            yield ProgressBar(total=PREVIEW_STEPS, id="fetch-progress", show_eta=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Claim {self.claim_id}"
        self.query_one("#fetch-bar").display = False
        self._show_factchecks([])
        self.reload()

    # Loading -----------------------------------------------------------------

    def reload(self) -> None:
        self._load(self.desk.database, self.claim_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="claim-load")
    def _load(self, database: Database, claim_id: int) -> None:
        with database.read() as session:
            dossier = load_dossier(session, claim_id)
            earlier = match_claim(session, claim_id)
        self.post_message(self.Loaded(dossier, earlier))

    def on_claim_screen_loaded(self, message: Loaded) -> None:
        self.dossier = message.dossier
        self._show(message.dossier)
        self._show_factchecks(message.earlier)
        conflict, self._pending_conflict = self._pending_conflict, None
        if conflict is not None:
            self._ask_to_redo(conflict)

    def _show(self, d: Dossier) -> None:
        desk = self.desk
        self.query_one("#claim-head", Static).update(head_text(d))
        self.query_one("#context", Static).update(context_text(d))
        self.query_one("#provenance", Static).update(provenance_text(d, desk.stamp))
        self.query_one("#figures", Static).update(figures_text(d))
        table = self.query_one("#evidence", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        checks = [crosscheck_text(ev.evidence.crosscheck) for ev in d.evidence]
        widths = evidence_widths(self.size.width, max((len(c) for c in checks), default=0))
        for key, label in EVIDENCE_COLUMNS:
            table.add_column(label, key=key, width=widths[key])
        for ev, check in zip(d.evidence, checks, strict=True):
            e = ev.evidence
            style = "dim strike" if ev.removed else ""
            table.add_row(
                Text(str(e.id), style=style),
                Text(e.stance, style=style or STANCE_STYLES.get(e.stance, "")),
                self._quote_cell(ev, widths["quote"], style),
                check,
                literal(short(cited_source(ev), widths["source"]), style=style),
                key=str(e.id),
            )
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        self._show_changes(d)
        history = [event_json(e) for e in d.events]
        self.query_one("#history", Static).update(timeline_text(history, desk.age))

    @staticmethod
    def _quote_cell(ev: EvidenceView, width: int, style: str) -> Text:
        """The quote, after its freshness when the page no longer reads as linked."""
        state = ev.freshness.state
        if state == "current" or ev.removed:
            return literal(short(ev.evidence.exact, width), style=style)
        mark = Text(f"{state.upper()} ", style=FRESHNESS_STYLES.get(state, ""))
        return mark + literal(short(ev.evidence.exact, max(width - len(mark), 1)))

    def _show_changes(self, d: Dossier) -> None:
        changes = [
            (ev.evidence.id, change)
            for ev in d.evidence
            if not ev.removed
            and ev.evidence.id is not None
            and (change := then_and_now(ev.evidence, ev.freshness)) is not None
        ]
        box = self.query_one("#changes", Vertical)
        box.remove_children()
        for widget in self.query("#changes-title, #changes"):
            widget.display = bool(changes)
        width = self.size.width
        box.mount_all(
            Static(then_and_now_text(n, change, self.desk.stamp, width), classes="change")
            for n, change in changes
        )

    def _show_factchecks(self, earlier: list[Match]) -> None:
        for widget in self.query("#factchecks-title, #factchecks"):
            widget.display = bool(earlier)
        self.query_one("#factchecks", Static).update(factchecks_text(earlier))

    def on_resize(self) -> None:
        if self.dossier is not None:
            self._show(self.dossier)

    @on(DataTable.RowSelected, "#evidence")
    def _evidence_chosen(self, event: DataTable.RowSelected) -> None:
        from tui.dialogs.evidence_detail import EvidenceDetail

        chosen = self._evidence(event.row_key.value)
        if chosen is not None:
            self.app.push_screen(EvidenceDetail(chosen))

    def _evidence(self, key: str | None) -> EvidenceView | None:
        if self.dossier is None or key is None:
            return None
        return next((ev for ev in self.dossier.evidence if str(ev.evidence.id) == key), None)

    # Writing -----------------------------------------------------------------

    def write(self, label: str, action: ReviewAction) -> None:
        """Run ``action(session, version)`` in one write transaction, in a worker."""
        database = self.desk.database

        def retry(version: int) -> object:
            return run_review_action(database, action, version)

        self._write(label, retry, self.version)

    @work(thread=True, exclusive=True, exit_on_error=False, group="claim-write")
    def _write(self, label: str, retry: Retry, version: int) -> None:
        try:
            retry(version)
        except ClaimChanged as exc:
            self.post_message(Conflict(label, retry, exc))
            return
        self.post_message(Written(label))

    def on_written(self, message: Written) -> None:
        self.notify(message.label, timeout=3, markup=False)
        self.reload()

    def on_conflict(self, message: Conflict) -> None:
        self._pending_conflict = message
        self.reload()

    def _ask_to_redo(self, conflict: Conflict) -> None:
        error = conflict.error
        d = self.dossier
        latest = d.events[-1] if d and d.events else None
        who = f" (last: {latest.action} by {latest.reviewer})" if latest else ""
        question = (
            f"Someone else changed claim {self.claim_id} since it was shown "
            f"(version {error.loaded}, now {error.current}){who}. The screen shows it as it "
            f"is now. {conflict.label} anyway?"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(conflict.label, conflict.retry, error.current)
            else:
                self.notify("nothing changed", timeout=3)

        self.app.push_screen(ConfirmDialog(safe(question), yes="Overwrite"), answered)

    # Actions -----------------------------------------------------------------

    def action_back(self) -> None:
        if self.fetching:
            self.action_cancel_fetch()
        else:
            self.dismiss(None)

    @property
    def fetching(self) -> bool:
        return any(
            w.node is self and w.group == "evidence-fetch" and not w.is_finished
            for w in self.workers
        )

    def action_reload(self) -> None:
        self.reload()

    def action_verdict(self) -> None:
        if self.dossier is None:
            return
        desk = self.desk

        def chosen(choice: VerdictInput | None) -> None:
            if choice is None:
                return
            self.write(
                f"verdict {choice.rating} given",
                lambda s, v: give_verdict(
                    s,
                    self.claim_id,
                    choice.rating,
                    why=choice.why,
                    reviewer=desk.reviewer,
                    scale=desk.scale,
                    expected_version=v,
                ),
            )

        self.app.push_screen(VerdictDialog(desk.scale, current=self.dossier.view.verdict), chosen)

    def action_note(self) -> None:
        reviewer = self.desk.reviewer

        def typed(text: str | None) -> None:
            if text and text.strip():
                self.write(
                    "note added",
                    lambda s, v: add_note(
                        s, self.claim_id, text, reviewer=reviewer, expected_version=v
                    ),
                )

        self.app.push_screen(TextDialog("Note", placeholder="what you found, what to do"), typed)

    def action_status(self) -> None:
        if self.dossier is None:
            return
        reviewer = self.desk.reviewer
        dossier = self.dossier
        view = dossier.view
        current = view.status
        choices = [
            (s, f"{STATUS_LABELS[s]}  (current)" if s == current else STATUS_LABELS[s])
            for s in STATUSES
        ]

        def write(status: str) -> None:
            self.write(
                f"status set to {STATUS_LABELS[status]}",
                lambda s, v: set_status(
                    s, self.claim_id, status, reviewer=reviewer, expected_version=v
                ),
            )

        def chosen(status: str | None) -> None:
            if not status or status == current:
                if status:
                    self.notify("status unchanged", timeout=3)
                return
            rated = dossier.verdicts_taken_back(status)
            if not rated:
                write(status)
                return
            if rated == [(self.claim_id, view.verdict)]:
                label = self._rating_label(rated[0][1])
                question = (
                    f"Claim {self.claim_id} is checked, rated {label}. Moving it to "
                    f"{STATUS_LABELS[status]} takes that verdict back (it stays in the history). "
                    "Move it?"
                )
            else:
                taken = ", ".join(f"claim {n} (rated {self._rating_label(v)})" for n, v in rated)
                question = (
                    f"Claim {self.claim_id} is in a group: moving it to {STATUS_LABELS[status]} "
                    f"moves the group and takes back the verdict of {taken} (kept in the history). "
                    "Move them?"
                )
            self.app.push_screen(
                ConfirmDialog(question, yes=f"Move to {STATUS_LABELS[status]}"),
                lambda yes: write(status) if yes else self.notify("nothing changed", timeout=3),
            )

        self.app.push_screen(ChoiceDialog("Status", choices, highlighted=current), chosen)

    def _rating_label(self, key: str) -> str:
        try:
            return self.desk.scale.find(key).label
        except ClaimError:
            return key

    def action_assign(self) -> None:
        if self.dossier is None:
            return
        reviewer = self.desk.reviewer

        def typed(who: str | None) -> None:
            if who is not None:
                self.write(
                    f"assigned to {who.strip() or 'nobody'}",
                    lambda s, v: assign(
                        s, self.claim_id, who, reviewer=reviewer, expected_version=v
                    ),
                )

        self.app.push_screen(
            TextDialog(
                "Assign to (empty: nobody)",
                value=self.dossier.view.state.assignee or reviewer,
            ),
            typed,
        )

    def action_edit_claimant(self) -> None:
        if self.dossier is None:
            return
        reviewer = self.desk.reviewer
        current = self.dossier.view.claimant or ""

        def typed(name: str | None) -> None:
            if name is not None and " ".join(name.split()) != current:
                self.write(
                    f"claimant set to {' '.join(name.split()) or 'the article'}",
                    lambda s, v: edit_claim(
                        s, self.claim_id, claimant=name, reviewer=reviewer, expected_version=v
                    ),
                )

        self.app.push_screen(TextDialog("Claimant (empty: the article)", value=current), typed)

    def action_edit_figure(self) -> None:
        if self.dossier is None:
            return
        figures = self.dossier.view.quantities
        if not figures:
            self.notify(
                f"claim {self.claim_id}: it has no figures to correct; "
                "correct its claimant or span",
                severity="warning",
                timeout=5,
                markup=False,
            )
            return
        if len(figures) == 1:
            self._edit_figure(0)
            return
        choices = [
            (str(n), f"{n}: {short(q.surface, 30)}  →  {figure(q)}  ({q.kind})")
            for n, q in enumerate(figures)
        ]
        self.app.push_screen(
            ChoiceDialog("Which figure?", choices),
            lambda n: self._edit_figure(int(n)) if n is not None else None,
        )

    def _edit_figure(self, position: int) -> None:
        assert self.dossier is not None
        q = self.dossier.view.quantities[position]
        current = {name: getattr(q, name) for name in FIGURE_FIELDS}
        reviewer = self.desk.reviewer

        def typed(form: dict[str, str] | None) -> None:
            if form is None:
                return
            try:
                edit = figure_edit_from_form(position, form, current)
            except ClaimError as exc:
                self.report(exc, title="figure not corrected")
                return
            if edit is None:
                self.notify(f"figure {position} unchanged", timeout=3)
                return
            self.write(
                f"figure {position} corrected",
                lambda s, v: edit_claim(
                    s, self.claim_id, figure=edit, reviewer=reviewer, expected_version=v
                ),
            )

        self.app.push_screen(FigureDialog(f"Figure {position}: {q.surface}", current), typed)

    def action_edit_span(self) -> None:
        if self.dossier is None:
            return
        reviewer = self.desk.reviewer
        now = self.dossier.view.effective
        current = f"{now.start}:{now.end}"

        def typed(text: str | None) -> None:
            if text is None or text.strip() == current:
                return
            try:
                where = span_bounds(text)
            except ClaimError as exc:
                self.report(exc, title="span not corrected")
                return
            self.write(
                f"span set to {where[0]}:{where[1]}",
                lambda s, v: edit_claim(
                    s, self.claim_id, span=where, reviewer=reviewer, expected_version=v
                ),
            )

        self.app.push_screen(
            TextDialog(
                "Span of the claim in the article text, START:END (code points)", value=current
            ),
            typed,
        )

    def action_add_claim(self) -> None:
        if self.dossier is None:
            return
        from tui.screens.sentences import SentenceScreen

        snapshot = self.dossier.view.snapshot
        assert snapshot.id is not None
        label = snapshot.title or self.dossier.view.source.url
        self.app.push_screen(SentenceScreen(snapshot.id, label), lambda _: self.reload())

    def action_dismiss_claim(self) -> None:
        if self.dossier is None or self.dossier.view.status == "dismissed":
            return
        reviewer = self.desk.reviewer

        def typed(why: str | None) -> None:
            if why and why.strip():
                self.write(
                    "dismissed as not a claim",
                    lambda s, v: dismiss_claim(
                        s, self.claim_id, why=why, reviewer=reviewer, expected_version=v
                    ),
                )

        self.app.push_screen(
            TextDialog("Not a claim: why?", placeholder="a headline, a question…"), typed
        )

    def action_split_group(self) -> None:
        d = self.dossier
        if d is None:
            return
        if d.view.group is None:
            self.notify(f"claim {self.claim_id} is in no group", timeout=3, markup=False)
            return
        group_id = d.view.group["id"]
        others = ", ".join(str(n) for n in d.view.group["claims"] if n != self.claim_id)
        reviewer = self.desk.reviewer

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(
                    f"claim {self.claim_id} taken out of group {group_id}",
                    lambda s, v: split(s, self.claim_id, reviewer=reviewer, expected_version=v),
                )

        self.app.push_screen(
            ConfirmDialog(
                f"Take claim {self.claim_id} out of group {group_id} (also claims {others})? "
                "Verdicts and evidence given from now on stay with it alone.",
                yes="Ungroup",
            ),
            confirmed,
        )

    def action_remove_evidence(self) -> None:
        table = self.query_one("#evidence", DataTable)
        if self.dossier is None or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:
            return
        evidence_id = int(key)
        reviewer = self.desk.reviewer

        def confirmed(why: str | None) -> None:
            if why is not None:
                self.write(
                    f"evidence {evidence_id} removed",
                    lambda s, v: remove_evidence(
                        s, evidence_id, reviewer=reviewer, why=why or None, expected_version=v
                    ),
                )

        self.app.push_screen(
            ReasonDialog(
                f"Withdraw evidence {evidence_id} from the claim?",
                yes="Remove",
                placeholder="why (kept in the history)",
            ),
            confirmed,
        )

    # Adding evidence ---------------------------------------------------------

    def action_add_evidence(self) -> None:
        if self.dossier is None:
            return

        def got_url(url: str | None) -> None:
            if not url or not url.strip():
                return

            def got_stance(stance: str | None) -> None:
                if not stance:
                    return

                def got_note(note: str | None) -> None:
                    if note is not None:
                        self.start_preview(url.strip(), stance, note.strip())

                self.app.push_screen(
                    TextDialog("Note on this evidence (optional)", placeholder="why it matters"),
                    got_note,
                )

            self.app.push_screen(
                ChoiceDialog("Stance of the evidence", [(s, s) for s in STANCES]), got_stance
            )

        self.app.push_screen(TextDialog("Evidence page URL", placeholder="https://…"), got_url)

    def start_preview(self, url: str, stance: str, note: str = "") -> None:
        assert self.dossier is not None
        self._note = note
        self._show_progress(f"fetching {url}", 0)
        view = self.dossier.view
        self._preview(
            url,
            stance,
            policy=self.desk.settings.fetch_policy(),
            claim_text=view.claim.text,
            quantities=[as_quantity(q) for q in view.quantities],
            kind=view.claim.kind,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="evidence-fetch")
    def _preview(
        self,
        url: str,
        stance: str,
        *,
        policy: FetchPolicy,
        claim_text: str,
        quantities: list[Quantity],
        kind: str,
    ) -> None:
        worker = get_current_worker()
        preview = preview_page(
            url,
            policy=policy,
            claim_text=claim_text,
            quantities=quantities,
            claim_kind=kind,
            step=lambda label, done: self.post_message(FetchStep(label, done)),
            cancelled=lambda: worker.is_cancelled,
        )
        if not worker.is_cancelled:
            self.post_message(PreviewReady(preview, stance))

    def _show_progress(self, label: str, done: int) -> None:
        bar = self.query_one("#fetch-bar")
        bar.display = True
        self.query_one("#fetch-label", Static).update(literal(f"{short(label, 60)}  (esc: cancel)"))
        self.query_one("#fetch-progress", ProgressBar).update(progress=done)

    def _hide_progress(self) -> None:
        self.query_one("#fetch-bar").display = False

    def on_fetch_step(self, message: FetchStep) -> None:
        self._show_progress(message.label, message.done)

    def on_preview_ready(self, message: PreviewReady) -> None:
        self._hide_progress()
        preview, stance = message.preview, message.stance

        def picked(quote: str | None) -> None:
            if not quote:
                return
            twin = self._linked_already(preview.url, quote)
            if twin is None:
                self.store_evidence(preview, stance, quote)
                return
            self.app.push_screen(
                ConfirmDialog(
                    f"This passage is already linked to the claim as evidence {twin}. "
                    "Link it again?",
                    yes="Link again",
                ),
                lambda yes: self.store_evidence(preview, stance, quote) if yes else None,
            )

        self.app.push_screen(QuotePicker(preview), picked)

    def _linked_already(self, url: str, quote: str) -> int | None:
        """The live evidence of this claim that quotes the same passage of the same page."""
        if self.dossier is None:
            return None
        words = " ".join(quote.split())
        for ev in self.dossier.evidence:
            pages = (ev.source.url.rstrip("/"), (ev.snapshot.final_url or "").rstrip("/"))
            same_page = url.rstrip("/") in pages
            if not ev.removed and same_page and " ".join(ev.evidence.exact.split()) == words:
                return ev.evidence.id
        return None

    def store_evidence(self, preview: PagePreview, stance: str, quote: str) -> None:
        desk = self.desk
        claim_id = self.claim_id
        note = self._note or None

        def retry(version: int) -> object:
            request = EvidenceRequest(
                claim_id=claim_id,
                stance=stance,
                reviewer=desk.reviewer,
                quote=quote,
                note=note,
                expected_version=version,
            )
            return add_evidence(
                desk.database, request, preview.url, policy=desk.settings.fetch_policy()
            )

        self._show_progress(f"storing evidence from {preview.url}", PREVIEW_STEPS - 1)
        self._write(f"evidence added ({stance})", retry, self.version)

    def action_cancel_fetch(self) -> None:
        cancelled = self.workers.cancel_group(self, "evidence-fetch")
        self._hide_progress()
        if cancelled:
            self.notify("fetch cancelled; nothing was stored", timeout=3)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Not super(): Textual runs DeskScreen's handler (the error notice) itself,
        # and calling it here too showed every failure twice.
        if event.worker.group in ("evidence-fetch", "claim-write") and event.worker.is_finished:
            self._hide_progress()
