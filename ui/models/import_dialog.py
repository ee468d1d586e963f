"""Import model…: choose a checkpoint file or a diffusers folder, see what it is, then copy or link it.

The model is checked as soon as it is chosen (reading headers only, milliseconds), so a refusal comes before any
copying. The copy itself runs on a thread of its own (app.executors.run_long) with progress and Cancel; the window
stays responsive, and its outcome comes back through ui/tasks.py `deliver`. Open this
dialog with `open()`, never `exec()` (DESIGN.md rule 5).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.generation.importer import (
    ADDON_SUBFOLDERS,
    CHUNK_SIZE,
    ImportCancelled,
    ImportJob,
    check_target,
    validate_import,
)
from app.generation.registry import ModelInfo
from ui.i18n import Retranslating, translate
from ui.icons import pixmap
from ui.models.models_page import tags
from ui.tasks import deliver
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS, current_theme, tabular_font
from ui.widgets.card import Card
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.folder_row import human_size
from ui.widgets.start_folder import start_folder
from ui.widgets.status_chip import StatusChip

DIALOG_WIDTH = 560
SUMMARY_ICON = 20
PROGRESS_MS = 50  # progress refresh: smooth to the eye, negligible work


def format_word(model_format: str) -> str:
    if model_format == "single":
        return translate("ImportModelDialog", "Single file")
    if model_format == "diffusers":
        return translate("ImportModelDialog", "Diffusers folder")
    return model_format


def file_filter() -> str:
    return translate("ImportModelDialog", "Models, ControlNets and LoRAs (*.safetensors);;All files (*)")


def kind_word(kind: str) -> str:
    if kind == "controlnet":
        return translate("ImportModelDialog", "ControlNet")
    if kind == "lora":
        return translate("ImportModelDialog", "LoRA")
    return translate("ImportModelDialog", "Model")


def where_words(kind: str) -> str:
    """Where an add-on goes, said before it is imported (a checkpoint goes where checkpoints always go)."""
    folder = ADDON_SUBFOLDERS.get(kind)
    if folder is None:
        return ""
    if kind == "controlnet":
        text = translate(
            "ImportModelDialog", "Goes into the {folder} folder of your models, with the other ControlNets."
        )
    else:
        text = translate("ImportModelDialog", "Goes into the {folder} folder of your models, with the other LoRAs.")
    return text.format(folder=folder)


class ImportModelDialog(Retranslating, QDialog):
    sig_imported = Signal(object)  # Path of the new model in the models folder

    def __init__(
        self, parent: QWidget | None = None, *, dest_dir: Path | None = None, chunk_size: int = CHUNK_SIZE
    ) -> None:
        super().__init__(parent)
        self._dest_dir = dest_dir
        self._chunk_size = chunk_size
        self._source: Path | None = None
        self._info: ModelInfo | None = None
        self._job: ImportJob | None = None
        self._close_when_done = False
        # The copy never calls into Qt; this timer repaints its progress while it runs (see ImportJob). Its end
        # arrives through `deliver`, not through this timer.
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._setup_ui()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ImportModelDialog", "Import model"))
        self._title.setText(translate("ImportModelDialog", "Import a model"))
        self._intro.setText(
            translate(
                "ImportModelDialog",
                "Choose a Stable Diffusion checkpoint, ControlNet or LoRA (.safetensors), or a diffusers model or "
                "ControlNet folder. SM6 Studio checks it before copying anything.",
            )
        )
        self.choose_file_button.setText(translate("ImportModelDialog", "Choose file…"))
        self.choose_folder_button.setText(translate("ImportModelDialog", "Choose folder…"))
        self._how_label.setText(translate("ImportModelDialog", "How to add it"))
        self.copy_radio.setText(translate("ImportModelDialog", "Copy into SM6 Studio"))
        self.link_radio.setText(translate("ImportModelDialog", "Link (saves disk space)"))
        self.link_caption.setText(
            translate(
                "ImportModelDialog",
                "Uses the model where it is now. Keep it there: moving or deleting the original removes it from SM6 "
                "Studio.",
            )
        )
        self.progress_bar.setAccessibleName(translate("ImportModelDialog", "Import progress"))
        self.import_button.setText(translate("ImportModelDialog", "Import"))
        self.import_button.setToolTip(translate("ImportModelDialog", "Import the model (Enter)"))
        self._update_state()
        if self._job is not None:
            self._say_progress(self._job)

    # --- layout --------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(0)
        self._title = _label("", "section")
        layout.addWidget(self._title)
        layout.addSpacing(SPACE_S)
        self._intro = _label("", "secondary")
        layout.addWidget(self._intro)
        layout.addSpacing(SPACE_L)

        choose = QHBoxLayout()
        choose.setSpacing(SPACE_M)
        self.choose_file_button = QPushButton()
        self.choose_file_button.clicked.connect(self._on_choose_file)
        self.choose_folder_button = QPushButton()
        self.choose_folder_button.clicked.connect(self._on_choose_folder)
        choose.addWidget(self.choose_file_button)
        choose.addWidget(self.choose_folder_button)
        choose.addStretch(1)
        layout.addLayout(choose)
        layout.addSpacing(SPACE_L)

        # What was detected: name, then architecture, size and format as chips.
        self.summary_card = Card(padding=SPACE_L)
        head = QHBoxLayout()
        head.setSpacing(SPACE_M)
        self._summary_icon = QLabel()
        self._summary_icon.setFixedSize(SUMMARY_ICON, SUMMARY_ICON)
        head.addWidget(self._summary_icon, 0, Qt.AlignmentFlag.AlignTop)
        self.name_label = _label("", "emphasis")
        head.addWidget(self.name_label, 1)
        self.summary_card.add_layout(head)
        chips = QHBoxLayout()
        chips.setSpacing(SPACE_S)
        self.arch_chip = StatusChip("", "success", "success")
        self.kind_chip = StatusChip("", "neutral")
        self.tags_chip = StatusChip("", "info")  # Inpainting, Turbo, LCM, Edges or Depth
        self.size_chip = StatusChip("", "neutral")
        self.format_chip = StatusChip("", "neutral")
        for chip in (self.arch_chip, self.kind_chip, self.tags_chip, self.size_chip, self.format_chip):
            chips.addWidget(chip)
        chips.addStretch(1)
        self.summary_card.add_layout(chips)
        self.path_label = _label("", "caption")
        self.summary_card.add_widget(self.path_label)
        self.where_label = _label("", "caption")
        self.summary_card.add_widget(self.where_label)
        layout.addWidget(self.summary_card)

        # The box adds the gap above the banner only while there is something to say.
        self._banner_box = QWidget()
        banner_layout = QVBoxLayout(self._banner_box)
        banner_layout.setContentsMargins(0, SPACE_M, 0, 0)
        self.error_banner = ErrorBanner()
        self.error_banner.dismiss_button.hide()  # the reason stays until another model is chosen
        banner_layout.addWidget(self.error_banner)
        layout.addWidget(self._banner_box)
        layout.addSpacing(SPACE_XL)

        self._how_label = _label("", "emphasis")
        layout.addWidget(self._how_label)
        layout.addSpacing(SPACE_XS)
        self.copy_radio = QRadioButton()
        self.copy_radio.setChecked(True)
        self.copy_caption = _label("", "caption", indent=True)
        self.link_radio = QRadioButton()
        self.link_caption = _label("", "caption", indent=True)
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.copy_radio)
        self._mode_group.addButton(self.link_radio)
        for widget in (self.copy_radio, self.copy_caption, self.link_radio, self.link_caption):
            layout.addWidget(widget)

        self.progress_box = QWidget()
        progress = QVBoxLayout(self.progress_box)
        progress.setContentsMargins(0, SPACE_L, 0, 0)
        progress.setSpacing(SPACE_S)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_label = _label("", "secondary")
        self.progress_label.setFont(tabular_font(self.progress_label.font()))
        progress.addWidget(self.progress_bar)
        progress.addWidget(self.progress_label)
        layout.addWidget(self.progress_box)
        layout.addSpacing(SPACE_XL)

        footer = QHBoxLayout()
        footer.setSpacing(SPACE_M)
        footer.addStretch(1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.import_button = QPushButton()
        self.import_button.setProperty("primary", True)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.import_button)
        layout.addLayout(footer)

    # --- API -----------------------------------------------------------------------------------

    def set_source(self, path: Path | str) -> ModelInfo | None:
        """Check `path` and show what it is, or why it cannot be imported. Returns the model when it can be."""
        if self.is_busy():
            return None
        self._source = Path(path)
        self._info = None
        self.error_banner.clear()
        try:
            info = validate_import(self._source)
            check_target(self._source, self._dest_dir, info)
        except Exception as exc:  # noqa: BLE001 - whatever the file is, the dialog explains and stays open
            self.error_banner.show_exception(exc)
        else:
            self._info = info
        self._update_state()
        return self._info

    def source(self) -> Path | None:
        return self._source

    def model_info(self) -> ModelInfo | None:
        return self._info

    def is_busy(self) -> bool:
        return self._job is not None

    def start_import(self) -> None:
        """Copy or link the chosen model on a worker thread; `sig_imported` fires and the dialog closes on success."""
        if self._info is None or self._source is None or self.is_busy():
            return
        mode = "link" if self.link_radio.isChecked() else "copy"
        self.error_banner.clear()
        self.progress_bar.setValue(0)
        job = ImportJob(self._source, mode=mode, dest_dir=self._dest_dir, chunk_size=self._chunk_size).start()
        self._job = job
        self.progress_label.setText(translate("ImportModelDialog", "Preparing…"))
        deliver(job.future, lambda _path: self._on_ended(job), lambda _error: self._on_ended(job), self)
        self._progress_timer.start()
        self._update_state()

    def cancel_import(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._say_progress(self._job)
            self.cancel_button.setEnabled(False)

    # --- slots ---------------------------------------------------------------------------------

    def _on_choose_file(self) -> None:
        title = translate("ImportModelDialog", "Choose a model file")
        dialog = QFileDialog(self, title, str(start_folder("downloads")), file_filter())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self.set_source)
        dialog.open()

    def _on_choose_folder(self) -> None:
        dialog = QFileDialog(
            self, translate("ImportModelDialog", "Choose a diffusers model folder"), str(start_folder("downloads"))
        )
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self.set_source)
        dialog.open()

    def _on_cancel_clicked(self) -> None:
        # While copying, the button stops the copy and keeps the dialog (e.g. to choose Link instead).
        if self.is_busy():
            self.cancel_import()
        else:
            self.reject()

    def _show_progress(self) -> None:
        job = self._job
        if job is None or job.cancelling:  # keep saying "Cancelling…" while the copy finishes its chunk
            return
        done, total = job.progress()
        if total:
            self.progress_bar.setValue(round(1000 * done / total))
            self._say_progress(job)

    def _say_progress(self, job: ImportJob) -> None:
        done, total = job.progress()
        if job.cancelling:
            text = translate("ImportModelDialog", "Cancelling…")
        elif total:
            text = translate("ImportModelDialog", "Copying… {done} of {total}").format(
                done=human_size(done), total=human_size(total)
            )
        else:
            text = translate("ImportModelDialog", "Preparing…")
        self.progress_label.setText(text)

    def _on_ended(self, job: ImportJob) -> None:
        if job is not self._job:
            return
        self._show_progress()
        self._progress_timer.stop()
        self._job = None
        if job.error is None and job.result is not None:
            self.sig_imported.emit(job.result)
            self.accept()
        elif self._close_when_done:
            super().reject()
        elif isinstance(job.error, ImportCancelled):
            self.error_banner.show_message(job.error.msg, severity="info")
            self._update_state()
        else:
            stopped = RuntimeError("the import stopped without a result")  # i18n: not shown (behind the details)
            self.error_banner.show_exception(job.error or stopped)
            self._update_state()

    def reject(self) -> None:
        # Cancel/Esc/close while copying first stops the copy (its partial file is removed), then closes.
        if self.is_busy():
            self._close_when_done = True
            self.cancel_import()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # --- state ---------------------------------------------------------------------------------

    def _update_state(self) -> None:
        busy = self.is_busy()
        info = self._info
        self.summary_card.setVisible(info is not None)
        self._banner_box.setVisible(not self.error_banner.isHidden())
        if info is not None:
            self.name_label.setText(info.label)
            self.arch_chip.set_text(info.arch_label)
            self.kind_chip.set_text(kind_word(info.kind))
            self.tags_chip.set_text(" · ".join(tags(info)))
            self.tags_chip.setVisible(bool(tags(info)))
            self.where_label.setText(where_words(info.kind))
            self.where_label.setVisible(bool(where_words(info.kind)))
            self.size_chip.set_text(human_size(info.size_bytes))
            self.format_chip.set_text(format_word(info.format))
            self.path_label.setText(str(info.path))
            self._summary_icon.setPixmap(pixmap("model", current_theme().text_secondary, SUMMARY_ICON))
            self.copy_caption.setText(self._copy_caption(info))
        else:
            self.copy_caption.setText(
                translate(
                    "ImportModelDialog",
                    "Makes its own copy in your models folder; the original can then be moved or deleted.",
                )
            )
        self.import_button.setEnabled(info is not None and not busy)
        for widget in (self.choose_file_button, self.choose_folder_button):
            widget.setEnabled(not busy)
        for widget in (self.copy_radio, self.link_radio, self.copy_caption, self.link_caption):
            widget.setEnabled(info is not None and not busy)  # nothing to decide until a model checks out
        self.cancel_button.setEnabled(True)
        if busy:
            self.cancel_button.setText(translate("ImportModelDialog", "Cancel import"))
            self.cancel_button.setToolTip(translate("ImportModelDialog", "Stop copying; nothing is kept (Esc)"))
        else:
            self.cancel_button.setText(translate("ImportModelDialog", "Cancel"))
            self.cancel_button.setToolTip(translate("ImportModelDialog", "Close without importing (Esc)"))
        self.progress_box.setVisible(busy)
        self._fit_height()

    def _fit_height(self) -> None:
        # Wrapped labels need height-for-width, which Qt ignores for a window's minimum size; without this the
        # summary card is squeezed until its lines overlap.
        width = max(self.width(), self.minimumWidth())
        height = self.heightForWidth(width)
        if height > 0:
            self.setMinimumHeight(height)
            self.resize(width, height)

    def _copy_caption(self, info: ModelInfo) -> str:
        size = human_size(info.size_bytes)
        free = _free_space(self._dest_dir or paths.user_models_dir())
        if free is None:
            text = translate(
                "ImportModelDialog",
                "Makes its own copy ({size}) in your models folder. The original can then be moved or deleted.",
            )
            return text.format(size=size)
        text = translate(
            "ImportModelDialog",
            "Makes its own copy ({size}) in your models folder; {free} free there. The original can then be moved "
            "or deleted.",
        )
        return text.format(size=size, free=human_size(free))


def _label(text: str, role: str, indent: bool = False) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names, paths and reasons come from files on disk
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if indent:
        # Line the caption up with the radio button's text, past its indicator.
        label.setContentsMargins(SPACE_XL + SPACE_XS, 0, 0, SPACE_S)
    return label


def _free_space(directory: Path) -> int | None:
    # The models folder may not exist yet: ask the nearest folder that does.
    for candidate in (directory, *directory.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None
