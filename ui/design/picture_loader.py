"""Starting from a sketch or photo: "Load a sketch or photo…" until one is loaded, then its thumbnail with "Change…".

The file is kept in the picture store by the view-model (off the UI thread); a file that is not a usable picture
says why in one plain sentence, and the picture chosen before (if any) stays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.design.guidance_state import PICTURE_UNREADABLE
from ui.dialog_lifetime import LastDialog, free_when_closed
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_M, SPACE_S
from ui.widgets.start_folder import remember, start_folder

THUMB_HEIGHT = 72
THUMB_MAX_WIDTH = 128


def problem_words(problem) -> str:
    if problem == PICTURE_UNREADABLE:
        return translate("PictureLoader", "This file could not be used as a picture. Try another one.")
    return problem.render()


class PictureLoader(Retranslating, QWidget):
    dialog = LastDialog()  # the file dialog opened last, while it is open (tests answer it)

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.load_button = QPushButton()
        self.load_button.clicked.connect(self.choose_file)
        layout.addWidget(self.load_button)
        self.loaded = QWidget()
        row = QHBoxLayout(self.loaded)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_M)
        self.thumb = QLabel()
        self.thumb.setFixedHeight(THUMB_HEIGHT)
        self.thumb.setMaximumWidth(THUMB_MAX_WIDTH)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.thumb)
        self.loaded_words = QLabel()
        self.loaded_words.setProperty("role", "secondary")
        self.loaded_words.setWordWrap(True)
        self.loaded_words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.loaded_words, 1)
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self.choose_file)
        row.addWidget(self.change_button)
        layout.addWidget(self.loaded)
        self.problem = QLabel()
        self.problem.setObjectName("pictureProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        for signal in (vm.picture_thumb_changed, vm.picture_loading_changed, vm.picture_problem_changed):
            signal.connect(self._show)
        vm.source_picture_changed.connect(self._show)
        self.retranslate()

    def retranslate(self) -> None:
        self.change_button.setText(translate("PictureLoader", "Change…"))
        self.change_button.setToolTip(translate("PictureLoader", "Start from another sketch or photo"))
        self.loaded_words.setText(translate("PictureLoader", "Designs start from this picture"))
        self._show()

    def _show(self, *_args) -> None:
        vm = self.vm
        loaded = bool(vm.source_picture)
        if vm.picture_loading:
            self.load_button.setText(translate("PictureLoader", "Loading the picture…"))
        else:
            self.load_button.setText(translate("PictureLoader", "Load a sketch or photo…"))
        self.load_button.setEnabled(not vm.picture_loading)
        self.change_button.setEnabled(not vm.picture_loading)
        self.load_button.setVisible(not loaded)
        self.loaded.setVisible(loaded)
        thumb = vm.picture_thumb
        if thumb is not None:
            pixmap = QPixmap.fromImage(thumb)
            ratio = self.devicePixelRatioF()
            pixmap = pixmap.scaled(
                int(THUMB_MAX_WIDTH * ratio),
                int(THUMB_HEIGHT * ratio),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap.setDevicePixelRatio(ratio)
            self.thumb.setPixmap(pixmap)
        else:
            self.thumb.clear()
        problem = vm.picture_problem
        self.problem.setText(problem_words(problem) if problem is not None else "")
        self.problem.setVisible(problem is not None)

    def choose_file(self) -> None:
        # The folder is given at construction: set later, Qt would first list the last dialog's folder anyway.
        title = translate("PictureLoader", "Load a sketch or photo")
        dialog = QFileDialog(self.window(), title, str(start_folder("pictures")))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilter(translate("PictureLoader", "Pictures (*.png *.jpg *.jpeg *.webp *.bmp)"))
        dialog.fileSelected.connect(lambda path: remember("pictures", path))
        dialog.fileSelected.connect(self.vm.load_picture)
        free_when_closed(dialog)
        self.dialog = dialog
        dialog.open()


class LoadPictureButton(Retranslating, QToolButton):
    """Beside the "Starting point" title (three segments fill its row): start from a sketch or photo."""

    def __init__(self, vm, loader: PictureLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm, self.loader = vm, loader
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(icon("image"))
        self.clicked.connect(self._on_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(translate("PictureLoader", "Sketch or photo…"))
        self.setToolTip(translate("PictureLoader", "Start from a sketch or photo of your own"))

    def _on_clicked(self) -> None:
        if self.vm.source_picture and self.vm.source != "picture":  # back to the one loaded; "Change…" picks another
            self.vm.source = "picture"
        else:
            self.loader.choose_file()
