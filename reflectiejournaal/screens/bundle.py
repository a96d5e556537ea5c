"""A bundle for the supervisor: choose entries, review every finding, preview, write.

Nothing leaves the vault before the review. The findings are grouped per person or thing
(all forms of one client together), each with its kind and how sure the detector is; a
decision on a person covers every form of them, a decision on one finding only that one.
Writing with findings still open asks for confirmation; the vault entries are never changed.
The first time, deduce's word lists are prepared in a child process with a progress bar.
"""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button, Footer, Header, Input, Markdown, ProgressBar, Select, Static, Tree,
)
from textual.worker import get_current_worker

from ..bundle.detector import Detector, prepare_language
from ..bundle.findings_cache import FindingsCache, entry_versions
from ..bundle.formats import FORMATS, OTHER, SEALED, SUFFIX, default_name, form_of
from ..bundle.names import MarkedWords, clean_mark
from ..bundle.sending import send
from ..bundle.review import INFO_FIELDS, BundleInfo, Review, entry_parts
from ..bundle.scanning import warm
from ..bundle.selection import Selection
from ..errors import JournalError, WriteFailed
from ..locale import describe, long_date, t, tn
from ..trajectory import parse_date
from ..widgets.confirm import ConfirmDialog
from ..widgets.field import labelled
from ..widgets.notice import NoticeDialog
from .bundle_review import FindingsReview

ALL = "__alle__"
INFO_INPUTS = ("supervisant", "supervisor", "note")


class BundleScreen(FindingsReview, Screen[None]):
    BINDINGS = [
        Binding("ctrl+r", "scan", t("bundle.binding.scan"), id="bundle.scan"),
        Binding("ctrl+s", "write", t("bundle.binding.write"), id="bundle.write"),
        Binding("v", "decide(True, False)", t("bundle.binding.replace"), id="bundle.replace"),
        Binding("l", "decide(False, False)", t("bundle.binding.keep"), id="bundle.keep"),
        Binding("w", "other_replacement", t("bundle.binding.other"), id="bundle.other"),
        Binding("V", "decide(True, True)", t("bundle.binding.replace_kind"), id="bundle.replace_kind"),
        Binding("L", "decide(False, True)", t("bundle.binding.keep_kind"), id="bundle.keep_kind"),
        Binding("ctrl+n", "app.clients", t("bundle.binding.clients"), id="bundle.clients"),
        Binding("escape", "back", t("app.binding.back"), id="bundle.back"),
    ]

    def __init__(self, entry_ids: list[str] | None = None) -> None:
        super().__init__()
        self.entry_ids = entry_ids or []  # hand-picked in the list of entries
        self.language = None  # deduce, once its tables are ready
        self.review: Review | None = None
        self.findings: FindingsCache | None = None  # what each entry held (bundle/findings_cache.py)
        self.scanned: BundleInfo | None = None  # the fields as they were scanned
        self.scan_when_ready = False  # Ctrl+R pressed while deduce was still loading
        self.entries: list = []
        self.marked: list[str] = []  # words the user marked in this bundle (not kept after it)
        self.marked_clients: list[str] = []  # names the user put on the client list here
        self.just_marked: list[str] = []  # marked since the last scan: said when it is back
        self.scan_waiting = False  # a scan waits: the warm-up stops at its next text
        self.warmed = False  # the entries chosen when deduce was ready are in the cache

    @property
    def scanning(self) -> threading.Lock:
        """One scan at a time, the app's idle scan's included (deduce is not shared)."""
        return self.app.idle_scan.lock  # type: ignore[attr-defined,no-any-return]

    def compose(self) -> ComposeResult:
        journal = self.app.journal  # type: ignore[attr-defined]
        trajectories = [(Text(tr.title), tr.id) for tr in journal.trajectories()]  # not markup
        yield Header()
        with VerticalScroll(id="bundle"):
            yield Static(t("bundle.step.choose"), classes="section-title")
            yield Static(tn("bundle.picked", len(self.entry_ids)), id="picked", classes="muted")
            with Vertical(id="choice"):
                yield labelled(t("bundle.label.trajectory"), Select(
                    [(t("bundle.all"), ALL), *trajectories], value=ALL, allow_blank=False,
                    id="trajectory"))
                yield labelled(t("bundle.label.meetings"), Input(
                    placeholder=t("bundle.meetings"), id="meetings"))
                yield labelled(t("label.from"), Input(placeholder=t("hours.from"), id="from"))
                yield labelled(t("label.to"), Input(placeholder=t("hours.to"), id="to"))
            yield labelled(t("bundle.label.supervisant"), Input(
                placeholder=t("bundle.supervisant"), id="supervisant"))
            yield labelled(t("bundle.label.supervisor"), Input(
                placeholder=t("bundle.supervisor"), id="supervisor"))
            yield labelled(t("bundle.label.note"), Input(placeholder=t("bundle.note"), id="note"))
            with Vertical(id="preparing"):
                yield Static(t("bundle.preparing"), id="prepare-status", classes="muted",
                             markup=False)
                yield ProgressBar(total=100, id="prepare-bar")
            yield Button(t("bundle.scan"), variant="primary", id="scan", disabled=True)
            with Vertical(id="review-step"):
                yield Static("", id="review-title", classes="section-title")
                yield Static(t("bundle.review_help"), classes="muted", markup=False)
                tree: Tree[tuple] = Tree("", id="findings")
                tree.show_root = False
                yield tree
                with Horizontal(classes="buttons"):
                    yield Button(t("bundle.replace_all"), id="replace-all")
                    yield Button(t("bundle.keep_all"), id="keep-all")
                # A word the detectors missed: marked, it is replaced everywhere in the bundle.
                yield labelled(t("bundle.label.mark"), Input(placeholder=t("bundle.mark"),
                                                             id="mark"))
                with Horizontal(classes="buttons"):
                    yield Button(t("bundle.mark_button"), id="mark-word")
                    yield Button(t("bundle.mark_client"), id="mark-client")
                yield Static(t("bundle.preview"), classes="section-title")
                yield Markdown(id="preview")
                yield Static(t("bundle.step.write"), classes="section-title")
                yield labelled(t("bundle.label.format"), Select(
                    [(t(f"bundle.format.{f}"), f) for f in FORMATS], value=SEALED,
                    allow_blank=False, id="format"))
                yield labelled(t("bundle.label.path"), Input(self._default_path(SEALED),
                                                             id="path"))
                yield Button(t("bundle.write"), variant="primary", id="write")
                yield Static("", id="result", classes="result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("bundle.screen_title")
        self.query_one("#review-step").display = False
        self.query_one("#preparing").display = False
        self.query_one("#picked").display = bool(self.entry_ids)
        self.query_one("#choice").display = not self.entry_ids
        self.bring_review_up = False
        # The review's place is known only once the scroll area has been laid out anew.
        self.watch(self.query_one("#bundle"), "virtual_size", self._show_review_step, init=False)
        self.prepare()

    # -- step 0: deduce's tables (built once, in a child process) -----------------------------
    @work(thread=True, exclusive=True, group="prepare")
    def prepare(self) -> None:
        cache_dir = self.app.cache_dir  # type: ignore[attr-defined]

        def progress(share: float) -> None:
            self.app.call_from_thread(self._show_progress, share)

        try:
            if cache_dir is None:
                raise JournalError()
            # deduce as the app's idle scan loaded it, else loaded (built the first time).
            language = self.app.idle_scan.language or prepare_language(cache_dir, progress)  # type: ignore[attr-defined]
        except JournalError as error:
            self.app.call_from_thread(self._prepare_failed, error)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._ready, language)

    def _show_progress(self, share: float) -> None:
        self.query_one("#preparing").display = True
        self.query_one("#prepare-bar", ProgressBar).update(progress=share * 100)

    def _ready(self, language) -> None:  # type: ignore[no-untyped-def]
        self.language = self.app.idle_scan.language = language  # type: ignore[attr-defined]
        self.query_one("#preparing").display = False
        self.query_one("#scan", Button).disabled = False
        if self.scan_when_ready:
            self.action_scan()
        else:
            self._warm_up()

    def _warm_up(self) -> None:
        """While the user fills in the form, the entries it chooses now are scanned into the
        cache, so the review that follows is quick (a word typed is never slowed: a worker)."""
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            entries = self._selection().entries(journal)
        except ValueError:
            return
        detector = Detector(journal.clients(), self.app.today(), self.language)  # type: ignore[attr-defined]
        self._warm(entry_parts(entries), detector, self._findings(detector),
                   entry_versions(journal.summaries()))

    @work(thread=True, exclusive=True, group="warm", description="warm")
    def _warm(self, parts: dict[str, str], detector: Detector, findings: FindingsCache,
              versions: dict[str, str]) -> None:
        worker = get_current_worker()
        with self.scanning:  # never beside a scan: the review is what the user waits for
            warm(detector, parts, findings, lambda: not (worker.is_cancelled or self.scan_waiting))
            findings.save(versions)
        self.warmed = True

    def _prepare_failed(self, error: JournalError) -> None:
        self.query_one("#preparing").display = True
        self.query_one("#prepare-bar").display = False
        reason = describe(error) if error.details else t("reason.unreadable_tables")
        self.query_one("#prepare-status", Static).update(t("bundle.prepare_failed", reason=reason))

    # -- step 1: choose and scan -------------------------------------------------------------
    @on(Button.Pressed, "#scan")
    def action_scan(self) -> None:
        if self.language is None:  # still loading: scan as soon as it is ready
            self.scan_when_ready = True
            return
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            selection = self._selection()
        except ValueError:
            self.notify(t("bundle.bad_choice"), severity="error")
            return
        self.entries = selection.entries(journal)
        if not self.entries:
            self.notify(t("cli.bundle_empty"), severity="warning")
            return
        if (state := journal.clients_state()) != "ok":  # the review is weaker without the list
            self.notify(t(f"bundle.clients.{state}"), severity="warning", markup=False, timeout=15)
        detector = Detector(journal.clients(), self.app.today(), self.language,  # type: ignore[attr-defined]
                            tuple(self.marked))
        scan = self.query_one("#scan", Button)
        scan.disabled, scan.label = True, t("bundle.scanning")
        self._scan(self.entries, self.info(), detector, self._findings(detector),
                   entry_versions(journal.summaries()))

    # A worker's name shows its arguments by default: not the entries.
    @work(thread=True, exclusive=True, group="scan", description="scan")
    def _scan(self, entries: list, info: BundleInfo, detector: Detector, findings: FindingsCache,
              versions: dict[str, str]) -> None:
        """deduce takes about 20 ms per entry: a worker, so the screen never freezes. What was
        scanned before (a word marked, the screen opened again, an earlier bundle) comes from
        the cache (opened on the main thread: the vault may lock meanwhile); ``versions``, the
        vault's entries now, says what it may forget."""
        self.scan_waiting = True  # a warm-up gives way at its next text
        with self.scanning:
            self.scan_waiting = False
            review = Review.of(entries, info, detector, findings)
            findings.save(versions)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._scanned, review, info)

    def _findings(self, detector: Detector) -> FindingsCache:
        """This vault's cache of what each entry held, read once per screen and day."""
        if self.findings is None or self.findings.today != detector.today:
            journal = self.app.journal  # type: ignore[attr-defined]
            self.findings = FindingsCache.of_vault(detector.today, self.app.cache_dir,  # type: ignore[attr-defined]
                                                   journal.vault.vault_id, journal.vault.cache_key)
        return self.findings

    def _scanned(self, review: Review, info: BundleInfo) -> None:
        if self.review is not None:  # scanned again (a word marked): what was decided stays
            review.carry_over(self.review)
        for key, entity in review.entities.items():  # a name just put on the list: replaced
            if entity.client is not None and entity.label in self.marked_clients:
                review.decide_entity(key, True)
        missing = MarkedWords(tuple(self.marked)).missing(list(review.texts.values()))
        for word in self.just_marked:  # said once the scan is back: replaced, or not there
            if clean_mark(word) not in missing:
                self.notify(t("bundle.marked", word=word), markup=False)
        self.just_marked = []
        for word in missing:
            self.notify(t("bundle.mark_missing", word=word), severity="warning", markup=False)
        self.review, self.scanned = review, info
        scan = self.query_one("#scan", Button)
        scan.disabled, scan.label = False, t("bundle.scan")
        self.query_one("#review-step").display = True
        self.query_one("#result", Static).update("")
        self._fill_tree()
        self.show_review()
        self.query_one("#findings").focus()
        # On a small terminal the review starts below the fold: bring its title to the top,
        # once the newly shown review has been laid out.
        self.bring_review_up = True
        self.call_after_refresh(self._show_review_step)

    def _selection(self) -> Selection:
        if self.entry_ids:
            return Selection(entry_ids=self.entry_ids)
        trajectory = self.query_one("#trajectory", Select).value
        meetings_text = self.query_one("#meetings", Input).value.strip()
        meetings = None
        if meetings_text:
            first, _, last = meetings_text.partition("-")
            meetings = (int(first), int(last or first))
        dates = [self.query_one(f"#{name}", Input).value.strip() for name in ("from", "to")]
        start, end = (parse_date(d) if d else None for d in dates)
        return Selection(trajectory=None if trajectory == ALL else str(trajectory),
                         meetings=meetings, start=start, end=end)

    def info(self) -> BundleInfo:
        value = self.query_one("#trajectory", Select).value
        title = next((tr.title for tr in self.app.journal.trajectories() if tr.id == value), "")  # type: ignore[attr-defined]
        supervisant, supervisor, note = (self.query_one(f"#{n}", Input).value.strip()
                                         for n in INFO_INPUTS)
        return BundleInfo(supervisant, supervisor, note, title)

    # -- step 2: review ------------------------------------------------------------------------

        # The form above and the preview below may still change height (the progress bar
        # goes, the preview renders): this runs again after each change, until a key.

    def on_key(self) -> None:
        self.bring_review_up = False  # the user moves on: leave the view where they put it

    @on(Button.Pressed, "#replace-all")
    def replace_open(self) -> None:
        if self.review is not None:
            self.review.decide_open(True)
            self.show_review()

    @on(Button.Pressed, "#keep-all")
    def keep_open(self) -> None:
        if self.review is not None:
            self.review.decide_open(False)
            self.show_review()

    @on(Button.Pressed, "#mark-word")
    @on(Input.Submitted, "#mark")
    def mark_word(self) -> None:
        """The user completes the review: the word is found and replaced everywhere."""
        word = self._word_to_mark()
        if word:
            self.marked.append(word)
            self.just_marked.append(word)
            self.action_scan()

    @on(Button.Pressed, "#mark-client")
    def mark_client(self) -> None:
        """As :meth:`mark_word`, and the name goes on the client list for every bundle after."""
        from ..clients import Client

        word = self._word_to_mark()
        if not word:
            return
        journal = self.app.journal  # type: ignore[attr-defined]
        clients = journal.clients()
        clients.add(Client(word))
        try:
            journal.save_clients(clients)
        except JournalError as error:
            self.notify(describe(error), severity="error", markup=False)
            return
        self.notify(t("bundle.marked_client", word=word), markup=False)
        self.marked_clients.append(word)
        self.action_scan()

    def _word_to_mark(self) -> str:
        field = self.query_one("#mark", Input)
        word = clean_mark(field.value)
        if MarkedWords((word,)).unusable or not word:
            self.notify(t("bundle.mark_too_short"), severity="warning")
            return ""
        field.value = ""
        return word

    # -- step 3: write -------------------------------------------------------------------------
    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        review = self.review
        if review is None:
            return
        if self._changed():
            self.notify(t("bundle.changed"), severity="warning")
            return
        if review.open:
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._write()

            self.app.push_screen(ConfirmDialog(tn("bundle.confirm_open", review.open)),
                                 confirmed)
        else:
            self._write()

    def _changed(self) -> bool:
        """Were the fields changed after the scan? Then what would be written is unreviewed."""
        now, then = self.info(), self.scanned
        return then is None or any(getattr(now, f) != getattr(then, f) for f in INFO_FIELDS)

    def _default_path(self, fmt: str) -> str:
        return default_name(t("bundle.default_path"), fmt, self.app.today(),  # type: ignore[attr-defined]
                            t(f"bundle.file_form.{fmt}"))

    @on(Select.Changed, "#format")
    def follow_the_format(self, event: Select.Changed) -> None:
        """The proposed file name follows the form chosen, unless the user typed their own."""
        path = self.query_one("#path", Input)
        if path.value in {self._default_path(f) for f in FORMATS}:
            path.value = self._default_path(str(event.value))

    def _write(self) -> None:
        fmt = str(self.query_one("#format", Select).value)
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        if path.suffix.lower() not in (".html", ".md"):
            path = path.with_suffix(SUFFIX[fmt])
        there = form_of(path)
        if there is None:
            self._write_to(path, fmt)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write_to(path, fmt)

        # The bundle there may be the one the supervisor has the code for: never lost unasked,
        # and the question says what is there and what takes its place.
        form, day = there
        what = t(f"bundle.existing.{form if form in FORMATS else OTHER}", date=long_date(day))
        self.app.push_screen(ConfirmDialog(
            # The file's name, not its whole path: a long one pushed the buttons off an 80×24
            # screen (the form above shows where it is).
            t("bundle.confirm_overwrite", path=path.name, what=what, form=t(f"bundle.format.{fmt}")),
            yes=t("bundle.overwrite")), confirmed)

    def _write_to(self, path: Path, fmt: str) -> None:
        review, info = self.review, self.scanned
        assert review is not None and info is not None
        trajectory = self.query_one("#trajectory", Select).value
        try:
            sent = send(self.app.journal, path, self.entries, review, info, fmt,  # type: ignore[attr-defined]
                        None if trajectory == ALL else str(trajectory))
        except WriteFailed as error:
            self.notify(describe(error), severity="error", markup=False)
            return
        lines = [tn("cli.bundle_written", len(self.entries), path=path),
                 t("cli.bundle_sha256", digest=sent.digest)]
        if sent.code:
            lines += [t("cli.bundle_code", code=sent.code), t("cli.bundle_code_hint")]
            if sent.recorded:
                lines.append(t("bundle.feedback_hint"))
        if not sent.recorded:
            lines.append(t("cli.bundle_not_recorded"))
        self.query_one("#result", Static).update("\n".join(lines))
        # The code is shown once: in a dialog that cannot be missed on any terminal size.
        self.app.push_screen(NoticeDialog(t("bundle.written_title"), "\n\n".join(lines)))

    def action_back(self) -> None:
        self.app.pop_screen()
