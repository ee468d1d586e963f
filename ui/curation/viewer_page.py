"""One entry at full size, scored from the keyboard: the picture on the left, its details and the rubric on the right,
and a thin bar above ("‹ Back to the gallery · 12 of 1,234 · Compare with duplicates").

Moving along the gallery's listing is by row (the model knows them). The next entry's picture is read and decoded
ahead of time, so a key press shows the next entry at once (the issue asks ≤ 100 ms); its details and the judge's
verdict come from the gallery model, already in memory. Scoring keys win over the picture's own keys (1 is also
"actual size" in the viewer), whichever of the two holds the focus.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.curation.models import Submission
from app.executors import Serial
from ui.curation.entry_details import EntryDetails
from ui.curation.gallery_model import GalleryModel, LoadedRole
from ui.curation.image_viewer import ImageViewer, decode_picture
from ui.curation.scoring_panel import ScoringPanel
from ui.curation.verify_bar import VerifyBar
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.tasks import deliver
from ui.theme import SPACE_L, SPACE_M, SPACE_S, tabular_font

SIDE_WIDTH = 380
PREFETCHED = 4  # decoded pictures kept: the one shown, the next, and a step or two back


class ViewerPage(Retranslating, QWidget):
    sig_back = Signal()  # to the gallery
    sig_compare = Signal(object)  # the Submission shown, to compare with its duplicates
    sig_shown = Signal(int)  # the entry now shown (its details and verdict are set)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: GalleryModel | None = None
        self.store = None
        self.row = -1
        self.submission: Submission | None = None
        self._waiting_row: int | None = None
        self._pictures: OrderedDict[str, QImage] = OrderedDict()
        self._reading: set[str] = set()
        self._reads = Serial("disk")
        self._setup_ui()
        self.retranslate()

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(SPACE_S)
        bar = QHBoxLayout()
        bar.setSpacing(SPACE_M)
        self.back_button = QPushButton()
        self.back_button.setProperty("flat", True)
        self.back_button.setIcon(icon("chevron-left"))
        self.back_button.clicked.connect(self.sig_back)
        self.position_label = QLabel()
        self.position_label.setProperty("role", "secondary")
        self.position_label.setFont(tabular_font(self.position_label.font()))
        self.end_label = QLabel()
        self.end_label.setProperty("role", "secondary")
        self.end_label.hide()
        self.compare_button = QPushButton()
        self.compare_button.setProperty("flat", True)
        self.compare_button.clicked.connect(lambda: self.sig_compare.emit(self.submission))
        for widget in (self.back_button, self.position_label, self.end_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.verify_bar = VerifyBar()
        bar.addWidget(self.verify_bar)
        bar.addWidget(self.compare_button)
        outer.addLayout(bar)
        body = QHBoxLayout()
        body.setSpacing(SPACE_L)
        self.viewer = ImageViewer()
        self.viewer.installEventFilter(self)
        self.viewer.sig_close_requested.connect(self.sig_back)
        body.addWidget(self.viewer, 1)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACE_M)
        self.details = EntryDetails()
        self.panel = ScoringPanel()
        column.addWidget(self.panel)  # the rubric first: a judge's eyes go between the picture and the scores
        column.addWidget(self.details, 1)
        # A short window scrolls the column rather than growing past the screen (the scores stay on top).
        self.side = QScrollArea()
        self.side.setObjectName("inspector")
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setWidget(side)
        self.side.setFixedWidth(SIDE_WIDTH)
        body.addWidget(self.side)
        outer.addLayout(body, 1)
        self.panel.sig_advance.connect(lambda: self.step(1))
        self.panel.sig_back.connect(lambda: self.step(-1))

    def retranslate(self) -> None:
        self.back_button.setText(translate("ViewerPage", "Back to the gallery"))
        self.back_button.setToolTip(translate("ViewerPage", "Back to the gallery (Esc)"))
        self.compare_button.setText(translate("ViewerPage", "Compare with duplicates"))
        self.end_label.setText(translate("ViewerPage", "This is the last entry of the list."))
        self._say_position()

    # --- API -----------------------------------------------------------------------------------

    def set_source(self, model: GalleryModel, store) -> None:
        if self.model is not None:
            self.model.dataChanged.disconnect(self._on_rows_read)
        self.model, self.store = model, store
        model.dataChanged.connect(self._on_rows_read)
        self._pictures.clear()

    def show_row(self, row: int) -> bool:
        """Show the listing's entry at `row`; False when there is none. A row whose page is not read yet is shown
        as soon as it is (the gallery model reads it)."""
        model = self.model
        if model is None or not 0 <= row < model.rowCount():
            return False
        submission = model.entry_at(row)
        self.row = row
        if submission is None:
            self._waiting_row = row
            model.index(row).data(LoadedRole)  # asks for the page
            return True
        self._waiting_row = None
        self._show(submission)
        return True

    def step(self, by: int) -> None:
        """Next (1) or previous (-1) entry; at either end the entry stays and the bar says so."""
        if self.model is None:
            return
        comment = self.panel.pending_comment()
        if comment is not None:
            self.panel.save_comment()  # typed and not saved: moving on keeps it
        target = self.row + by
        at_end = not 0 <= target < self.model.rowCount()
        self.end_label.setVisible(at_end and by > 0)
        if not at_end:
            self.show_row(target)
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, submission: Submission) -> None:
        model = self.model
        assert model is not None
        self.submission = submission
        self.details.set_blind(model.blind)
        self.details.set_submission(submission, 2 if submission.duplicate_group is not None else 0)
        self.panel.set_entry(submission.key, model.verdict_of(submission.key))
        self.compare_button.setVisible(submission.duplicate_group is not None)
        self.verify_bar.show_entry(submission)
        self._say_position()
        self.sig_shown.emit(submission.key)
        self._show_picture(submission)
        self._prefetch(self.row + 1)

    def _say_position(self) -> None:
        if self.model is None or self.row < 0:
            self.position_label.setText("")
            return
        self.position_label.setText(
            translate("ViewerPage", "{number} of {total}").format(
                number=f"{self.row + 1:,}", total=f"{self.model.rowCount():,}"
            )
        )

    def _on_rows_read(self, first, last, _roles=()) -> None:
        row = self._waiting_row
        if row is not None and first.row() <= row <= last.row() and self.model is not None:
            if self.model.entry_at(row) is not None:
                self.show_row(row)

    # --- pictures ------------------------------------------------------------------------------

    def _show_picture(self, submission: Submission) -> None:
        sha = submission.image_sha256
        ready = self._pictures.get(sha)
        if ready is not None:
            self._pictures.move_to_end(sha)
            self.viewer.set_picture(ready)
            return
        stand_in = self._stand_in()
        self.viewer.set_image(None, stand_in)
        if not sha or self.store is None:
            return
        store, key = self.store, submission.key
        deliver(
            self._reads.submit(lambda: store.image(sha)),
            lambda data: self._on_bytes(key, data, stand_in),
            lambda _exc: self._on_bytes(key, None, None),
            self,
        )

    def _on_bytes(self, key: int, data: bytes | None, stand_in: QImage | None) -> None:
        if self.submission is not None and self.submission.key == key:
            self.viewer.set_image(data, stand_in)

    def _stand_in(self) -> QImage | None:
        if self.model is None or self.row < 0:
            return None
        picture = self.model.index(self.row).data(Qt.ItemDataRole.DecorationRole)
        return picture.toImage() if isinstance(picture, QPixmap) else None

    def _prefetch(self, row: int) -> None:
        model, store = self.model, self.store
        if model is None or store is None:
            return
        submission = model.entry_at(row)
        if submission is None:
            if 0 <= row < model.rowCount():
                model.index(row).data(LoadedRole)  # its page is read now, before the judge gets there
            return
        sha = submission.image_sha256
        if not sha or sha in self._pictures or sha in self._reading:
            return
        self._reading.add(sha)

        def read() -> QImage | None:
            data = store.image(sha)
            return decode_picture(data) if data else None

        deliver(self._reads.submit(read), lambda image: self._on_prefetched(sha, image), lambda _e: None, self)

    def _on_prefetched(self, sha: str, image: QImage | None) -> None:
        self._reading.discard(sha)
        if image is None:
            return
        self._pictures[sha] = image
        while len(self._pictures) > PREFETCHED:
            self._pictures.popitem(last=False)

    # --- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.panel.handle_key(event):
            return True  # a scoring key, though the picture holds the focus
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.sig_back.emit()
        elif not self.panel.handle_key(event):
            super().keyPressEvent(event)
            return
        event.accept()
