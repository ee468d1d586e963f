"""Import submissions: a folder, a ZIP file, this computer's library or the campaign contract, in the background.

    dialog = ImportDialog(store, judge_id, settings, parent=workspace, job=running_job_or_None)
    dialog.sig_job.connect(workspace.show_import_chip)   # an ImportJob (ui/curation/import_progress.py)

The import runs on a worker and goes on when the dialog is closed: the job is parented to the dialog's parent (the
workspace), which shows `short_status(job.progress)` in a chip and can open the dialog again with `job=`. Cancel
pauses it (the cursor is saved after every batch); choosing the same source again offers "Continue".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.curation.import_sources import source_for
from app.curation.importer import ImportProgress
from app.curation.models import EntryFilter
from ui.curation.import_progress import ImportJob, count, read_of_total, tallies, time_left
from ui.i18n import Retranslating, translate
from ui.tasks import run_in_background
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, repolish, tabular_font

FOLDER, ZIP, LIBRARY, CHAIN = "folder", "zip", "library", "chain"
NETWORKS = ("sandbox", "kairos", "mainnet", "custom")
KEPT_ASIDE_SHOWN = 500  # the list names this many; the gallery's "kept aside" filter lists them all


class ImportDialog(Retranslating, QDialog):
    """Constructor: the opened CurationStore, the current judge id (the audit names who imported; None for staff
    work), the app Settings (campaign contract and IPFS source prefilled from `settings.curation` / `chain`)."""

    sig_job = Signal(object)  # an ImportJob that just started, before its first item is read

    def __init__(
        self,
        store: Any,
        judge_id: int | None,
        settings: Any,
        parent: QWidget | None = None,
        job: ImportJob | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.judge_id, self.settings = store, judge_id, settings
        self.job: ImportJob | None = None
        self.resume: tuple[int, int | None] | None = None  # (position, total) of a saved cursor for the chosen source
        self._probe_serial = 0
        self._kept_rows: list[tuple[str, object]] = []
        self.setMinimumWidth(640)
        self._build()
        self.retranslate()
        if job is not None:
            self._follow(job)
        else:
            self._choice_changed()

    # --- layout --------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        layout.addWidget(self.title)
        self.kind = QComboBox()
        for kind in (FOLDER, ZIP, LIBRARY, CHAIN):
            self.kind.addItem("", kind)
        self.kind.currentIndexChanged.connect(self._choice_changed)
        layout.addWidget(self.kind)
        self.pages = QWidget()  # one of its three parts shows at a time; hidden ones take no room
        pages = QVBoxLayout(self.pages)
        pages.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        path_page = QWidget()
        row = QHBoxLayout(path_page)
        row.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit()
        self.path.editingFinished.connect(self._choice_changed)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.page_widgets = [path_page]
        self.library_note = QLabel()
        self.library_note.setWordWrap(True)
        self.library_note.setProperty("role", "secondary")
        self.page_widgets += [self.library_note, self._chain_page()]
        for page in self.page_widgets:
            pages.addWidget(page)
        self.resume_label = QLabel()
        self.resume_label.setProperty("role", "secondary")
        layout.addWidget(self.resume_label)
        layout.addWidget(self._progress_area())
        self.kept_title = QLabel()
        self.kept_title.setProperty("role", "emphasis")
        self.kept = QListWidget()
        self.kept.setMinimumHeight(120)
        layout.addWidget(self.kept_title)
        layout.addWidget(self.kept, 1)
        self.filler = QWidget()  # takes the room the list would, so the rest stays together at the top
        layout.addWidget(self.filler, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_S)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.pause)
        self.start_button = QPushButton()
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        self._show_kept([])

    def _chain_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(SPACE_S)
        curation, chain = self.settings.curation, self.settings.chain
        self.network = QComboBox()
        for key in NETWORKS:
            self.network.addItem("", key)
        chosen = curation.network or getattr(chain, "network", "") or "sandbox"
        self.network.setCurrentIndex(max(0, self.network.findData(chosen)))
        self.contract = QLineEdit(curation.contract)
        self.contract.setFont(tabular_font(self.contract.font()))
        self.from_block = QSpinBox()
        self.from_block.setRange(0, 2_000_000_000)
        self.from_block.setGroupSeparatorShown(True)
        self.from_block.setValue(max(0, int(curation.from_block)))
        self.ipfs = QLineEdit(curation.ipfs_source or getattr(self.settings.publish, "kubo_url", "") or "")
        self.form_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.form_labels, (self.network, self.contract, self.from_block, self.ipfs)):
            form.addRow(label, field)
        return page

    def _progress_area(self) -> QWidget:
        area = QWidget()
        box = QVBoxLayout(area)
        box.setContentsMargins(0, SPACE_S, 0, SPACE_S)
        box.setSpacing(SPACE_S)
        top = QHBoxLayout()
        self.read_label = QLabel()
        self.eta_label = QLabel()
        self.eta_label.setProperty("role", "secondary")
        for label in (self.read_label, self.eta_label):
            label.setFont(tabular_font(label.font()))
        top.addWidget(self.read_label)
        top.addStretch(1)
        top.addWidget(self.eta_label)
        box.addLayout(top)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(SPACE_S)
        box.addWidget(self.bar)
        self.tally_label = QLabel()
        self.tally_label.setFont(tabular_font(self.tally_label.font()))
        box.addWidget(self.tally_label)
        box.addSpacing(SPACE_L // 2)
        return area

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ImportDialog", "Import submissions"))
        self.title.setText(translate("ImportDialog", "Import submissions"))
        words = {
            FOLDER: translate("ImportDialog", "A folder"),
            ZIP: translate("ImportDialog", "A ZIP file"),
            LIBRARY: translate("ImportDialog", "This computer's library"),
            CHAIN: translate("ImportDialog", "The campaign contract"),
        }
        for i in range(self.kind.count()):
            self.kind.setItemText(i, words[self.kind.itemData(i)])
        networks = {
            "sandbox": translate("ImportDialog", "Sandbox"),
            "kairos": translate("ImportDialog", "Kairos (test)"),
            "mainnet": translate("ImportDialog", "Kaia mainnet"),
            "custom": translate("ImportDialog", "Custom network (Settings)"),
        }
        for i in range(self.network.count()):
            self.network.setItemText(i, networks[self.network.itemData(i)])
        for label, text in zip(
            self.form_labels,
            (
                translate("ImportDialog", "Network"),
                translate("ImportDialog", "Contract address"),
                translate("ImportDialog", "From block"),
                translate("ImportDialog", "IPFS node or gateway"),
            ),
        ):
            label.setText(text)
        self.path.setPlaceholderText(translate("ImportDialog", "Choose a folder or a ZIP file of submissions"))
        self.browse.setText(translate("ImportDialog", "Choose…"))
        self.library_note.setText(translate("ImportDialog", "Every design saved in this computer's library."))
        self.close_button.setText(translate("ImportDialog", "Close"))
        self.close_button.setToolTip(translate("ImportDialog", "The import goes on in the background"))
        self.cancel_button.setText(translate("ImportDialog", "Pause"))
        self.cancel_button.setToolTip(translate("ImportDialog", "Stops after the current batch; continue it later"))
        self._show_kept(self._kept_rows)
        self._show_state()

    # --- choosing the source --------------------------------------------------------------------------------
    def choice(self) -> str:
        return self.kind.currentData()

    def _browse(self) -> None:
        title = translate("ImportDialog", "Choose the submissions")
        options = QFileDialog.Option.DontUseNativeDialog
        if self.choice() == FOLDER:
            path = QFileDialog.getExistingDirectory(self, title, self.path.text(), options)
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, title, self.path.text(), translate("ImportDialog", "ZIP files (*.zip)"), options=options
            )
        if path:
            self.path.setText(path)
            self._choice_changed()

    def spec(self) -> tuple[str, dict]:
        """What source_for is asked for: the spec and its keyword arguments."""
        kind = self.choice()
        if kind == LIBRARY:
            return "library", {}
        if kind == CHAIN:
            spec = f"chain:{self.network.currentData()}:{self.contract.text().strip()}"
            return spec, {"from_block": self.from_block.value(), "ipfs": self.ipfs.text().strip() or None}
        return self.path.text().strip(), {}

    def _choice_changed(self) -> None:
        shown = {FOLDER: 0, ZIP: 0, LIBRARY: 1, CHAIN: 2}[self.choice()]
        for i, page in enumerate(self.page_widgets):
            page.setVisible(i == shown)
        self.resume = None
        self._show_state()
        spec, _ = self.spec()
        if self.job is not None and self.job.running or self.choice() == CHAIN or not spec:
            return  # the chain is asked only when the import starts: probing it means the network
        self._probe_serial += 1
        serial = self._probe_serial
        store, settings = self.store, self.settings

        def probe() -> tuple[int, int | None] | None:
            source = source_for(spec, settings)
            position = source.position(store.import_cursor(source.key))
            return (position, source.total()) if position else None

        run_in_background(probe, lambda found: self._probed(serial, found), lambda _e: None, parent=self)

    def _probed(self, serial: int, found: tuple[int, int | None] | None) -> None:
        if serial == self._probe_serial:
            self.resume = found
            self._show_state()

    # --- running ------------------------------------------------------------------------------------------------
    def start(self) -> ImportJob | None:
        """Start (or continue) importing the chosen source; the job goes on when the dialog closes."""
        if self.job is not None and self.job.running:
            return self.job
        spec, options = self.spec()
        if not spec:
            self.error.setText(translate("ImportDialog", "Choose a folder or a ZIP file first."))
            return None
        settings = self.settings

        def make_source():
            return source_for(spec, settings, **options)

        executor = "network" if self.choice() == CHAIN else "disk"
        job = ImportJob(self.store, make_source, executor=executor, by=self.judge_id, parent=self.parent() or self)
        self._follow(job)
        self.sig_job.emit(job)
        job.start()
        self._show_state()
        return job

    def pause(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _follow(self, job: ImportJob) -> None:
        self.job = job
        self._show_kept([])
        job.progressed.connect(self._progressed)
        job.ended.connect(self._ended)
        if job.progress is not None:
            self._progressed(job.progress)

    def _progressed(self, progress: ImportProgress) -> None:
        self._show_state()

    def _ended(self, progress: ImportProgress) -> None:
        self._show_state()
        if progress.finished or progress.cancelled:
            self._load_kept()
        self._choice_changed()

    def _load_kept(self) -> None:
        store = self.store

        def read() -> list[tuple[str, object]]:
            keys = store.page_keys(EntryFilter(state="bad"), limit=KEPT_ASIDE_SHOWN)
            return [(sub.origin, sub.problem.reason if sub.problem else "") for sub in store.submissions(keys)]

        run_in_background(read, self._show_kept, lambda _e: None, parent=self)

    def _show_kept(self, rows: list[tuple[str, object]]) -> None:
        """Reasons stay core messages until shown, so a language switch says them again in the new language."""
        self._kept_rows = rows
        self.kept.clear()
        for origin, reason in rows:
            self.kept.addItem(translate("ImportDialog", "{item}: {reason}").format(item=origin, reason=str(reason)))
        self.kept_title.setVisible(bool(rows))
        self.kept.setVisible(bool(rows))
        self.filler.setVisible(not rows)
        self.kept_title.setText(translate("ImportDialog", "Kept aside, with the reason"))

    def _show_state(self) -> None:
        """Every word that follows the import's state, from the job's last progress."""
        job = self.job
        progress = job.progress if job is not None else None
        running = job is not None and job.running
        for widget in (self.kind, self.pages):
            widget.setEnabled(not running)
        self.cancel_button.setVisible(running)
        if running:
            self.cancel_button.setEnabled(not job._cancel.is_set())
        self.start_button.setEnabled(not running)
        resumable = self.resume is not None or (progress is not None and progress.cancelled)
        self.start_button.setText(
            translate("ImportDialog", "Continue") if resumable else translate("ImportDialog", "Start import")
        )
        self.resume_label.setVisible(self.resume is not None and not running)
        if self.resume is not None:
            position, total = self.resume
            self.resume_label.setText(
                translate("ImportDialog", "Continue the import from item {done} of {total}").format(
                    done=count(position), total=count(total or 0)
                )
                if total
                else translate("ImportDialog", "Continue the import from item {done}").format(done=count(position))
            )
        self.error.setText(job.error_text() if job is not None else "")
        repolish(self.error)
        if progress is None:
            self.read_label.setText(
                translate("ImportDialog", "Starting…") if running else translate("ImportDialog", "Not started")
            )
            self.eta_label.setText("")
            self.tally_label.setText("")
            self.bar.setRange(0, 1 if not running else 0)
            self.bar.setValue(0)
            return
        self.read_label.setText(read_of_total(progress))
        if progress.finished:
            self.eta_label.setText(translate("ImportDialog", "Finished"))
        elif progress.cancelled:
            self.eta_label.setText(translate("ImportDialog", "Paused"))
        else:
            self.eta_label.setText(time_left(progress.eta_s) if running else "")
        self.tally_label.setText(tallies(progress))
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        else:
            self.bar.setRange(0, 0 if running else 1)
