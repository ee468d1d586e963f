"""Step 2, Describe: a draft written for the visitor (ChatGPT with a key, the offline templates without one), edited
in a big text box. The Describe workspace's own view-model (ui/describe/describe_vm.py) drafts and saves."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.i18n import Retranslating, current_language, translate
from ui.kiosk.calm_screens import big_button, words
from ui.kiosk.picture import Picture
from ui.kiosk.step_layout import nav_row, step_columns


class DescribeStep(Retranslating, QWidget):
    sig_back = Signal()
    sig_next = Signal(object, str)  # the design and the language its description is in

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._writing = False  # the editor is being filled from the view-model: not the visitor's typing
        self._drafted_for = None  # the design a draft was started for on arrival (once per design)
        self._setup_ui()
        vm.picture_changed.connect(self.picture.set_image)
        vm.sig_text_loaded.connect(self._on_text_set)
        vm.sig_text_replaced.connect(self._on_text_set)
        vm.sig_delta.connect(self._on_delta)
        for signal in (vm.streaming_changed, vm.loading_changed, vm.error_changed):
            signal.connect(self._show_state)
        self.retranslate()

    def _setup_ui(self) -> None:
        self.picture = Picture()
        _row, side = step_columns(self, self.picture)
        self.title = words("title", centred=False)
        side.addWidget(self.title)
        self.hint = words("secondary", centred=False)
        side.addWidget(self.hint)
        self.editor = QPlainTextEdit()
        self.editor.textChanged.connect(self._on_typed)
        side.addWidget(self.editor, 1)
        self.draft = big_button(primary=False)
        self.draft.clicked.connect(self._on_draft)
        side.addWidget(self.draft)
        self.message = words("message", centred=False)
        side.addWidget(self.message)
        self.back, self.next = nav_row(side, self.sig_back, self._on_next)

    def enter(self, design) -> None:
        """Arriving from step 1 with `design`: its description in the visitor's language, drafted if it has none."""
        vm = self.vm
        if vm.design is None or vm.design.id != design.id:
            vm.language = current_language()
            vm.set_design(design)
            self._fill(vm.texts[vm.language])
        if self._drafted_for != design.id:
            self._drafted_for = design.id
            if not vm.texts[vm.language].strip():
                vm.start_draft(online=True)  # without a key it is the offline template, at once
        self._show_state()

    def _on_draft(self) -> None:
        vm = self.vm
        if vm.streaming:
            vm.stop_draft()
            return
        if vm.is_edited(vm.language):  # asked for a fresh one: it goes into the box (a draft kept aside helps nobody)
            self._fill("")
            vm.user_edited(vm.language, "")
        vm.start_draft(online=True)

    def _on_next(self) -> None:
        vm = self.vm
        if vm.design is None or vm.streaming or vm.loading or not self.editor.toPlainText().strip():
            return
        vm.flush()  # the token carries exactly the words on screen
        self.sig_next.emit(vm.design, vm.language)

    def _fill(self, text: str) -> None:
        self._writing = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._writing = False
        self._show_state()

    def _on_text_set(self, lang: str, text: str) -> None:
        if lang == self.vm.language and self.editor.toPlainText() != text:
            self._fill(text)

    def _on_delta(self, lang: str, delta: str) -> None:
        if lang != self.vm.language:
            return
        self._writing = True
        try:
            cursor = QTextCursor(self.editor.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(delta)
        finally:
            self._writing = False

    def _on_typed(self) -> None:
        if not self._writing:
            self.vm.user_edited(self.vm.language, self.editor.toPlainText())
        self._show_state()

    def _show_state(self, *_args) -> None:
        vm = self.vm
        self.editor.setReadOnly(vm.loading or vm.streaming)
        self.draft.setText(
            translate("DescribeStep", "Stop writing") if vm.streaming else translate("DescribeStep", "Write it for me")
        )
        error = vm.error
        shown = error is not None and error[2] == "error"  # notes about keys and drafts are for staff, not visitors
        self.message.setVisible(shown)
        self.message.setText(str(error[0]) if shown else "")
        self.next.setEnabled(not vm.streaming and not vm.loading and bool(self.editor.toPlainText().strip()))

    def clear(self) -> None:
        self._drafted_for = None
        self._fill("")
        self.editor.document().clearUndoRedoStacks()  # undo must not bring the last visitor's words back
        self.picture.set_image(None)

    def retranslate(self) -> None:
        self.title.setText(translate("DescribeStep", "Tell its story"))
        self.hint.setText(translate("DescribeStep", "We wrote a first draft. Change anything you like."))
        self.editor.setAccessibleName(translate("DescribeStep", "Description"))
        self.picture.set_placeholder(translate("DescribeStep", "Your design"))
        self.back.setText(translate("DescribeStep", "Back"))
        self.next.setText(translate("DescribeStep", "Next"))
        self._show_state()
