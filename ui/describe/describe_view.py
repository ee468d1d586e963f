"""The Describe workspace: the design on the left, its description in Korean and English on the right."""

from __future__ import annotations

import difflib

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPixmap, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from ui.describe.describe_vm import LANGUAGE_NAMES, LANGUAGES
from ui.icons import icon
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, current_theme, repolish, tabular_font
from ui.widgets.empty_state import EmptyState, stack_with_empty_state
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.status_chip import StatusChip

DRAFT_CHOICES = [("ko", "한국어"), ("en", "English"), ("both", "Both")]
IMAGE_SIDE = 320


class _CtrlEnter(QObject):
    def __init__(self, action, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._action()
                return True
        return False


class DescribeView(QWidget):
    sig_pick_design = Signal()  # no design yet, or "Change design": the library takes over
    sig_preview_token = Signal(object, str)  # design, language: the Token workspace takes over

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._writing = False  # True while the view itself changes an editor: not a user edit
        self._setup_ui()
        self._connect()
        self._on_design_changed(vm.design)

    def _setup_ui(self) -> None:
        self.empty = EmptyState(
            "describe",
            "Pick a design to describe",
            "Choose Use this design in the Design studio, or open one from the Library. ChatGPT drafts a description "
            "in Korean or English; you edit it, and it becomes your token's description.",
            "Open the Library",
        )
        self.empty.sig_primary_clicked.connect(self.sig_pick_design)
        self.pages = stack_with_empty_state(self, self.empty, self._build_workspace())

    def _build_workspace(self) -> QWidget:
        page = QWidget()
        root = QHBoxLayout(page)
        root.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_L)
        root.setSpacing(SPACE_XL)

        left = QVBoxLayout()
        left.setSpacing(SPACE_M)
        title = QLabel("Describe")
        title.setProperty("role", "title")
        left.addWidget(title)
        self.image = QLabel()
        self.image.setFixedSize(IMAGE_SIDE, IMAGE_SIDE)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.image)
        self.prompt = QLabel()
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.prompt.setProperty("role", "secondary")
        self.prompt.setFixedWidth(IMAGE_SIDE)
        left.addWidget(self.prompt)
        change = QPushButton("Change design")
        change.setIcon(icon("library"))
        change.clicked.connect(self.sig_pick_design)
        left.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)
        self.preview_token = QPushButton("Preview the token")
        self.preview_token.setIcon(icon("token"))
        self.preview_token.setToolTip("See the NFT exactly as a marketplace will show it")
        self.preview_token.clicked.connect(self._on_preview_token)
        left.addWidget(self.preview_token, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        root.addLayout(left)

        right = QVBoxLayout()
        right.setSpacing(SPACE_M)
        toolbar = QHBoxLayout()
        toolbar.setSpacing(SPACE_S)
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: dict[str, QPushButton] = {}
        for key, label in DRAFT_CHOICES:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setProperty("segment", True)
            button.setToolTip(f"Draft in {label}" if key != "both" else "Draft in Korean and in English")
            button.clicked.connect(lambda _c=False, k=key: setattr(self.vm, "draft_choice", k))
            self.choice_group.addButton(button)
            self.choice_buttons[key] = button
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        self.offline_button = QPushButton("Offline draft")
        self.offline_button.setToolTip("A template draft made on this computer, no network needed")
        self.offline_button.clicked.connect(lambda: self.vm.start_draft(online=False))
        toolbar.addWidget(self.offline_button)
        self.draft_button = QPushButton("Draft with ChatGPT")
        self.draft_button.setProperty("primary", True)
        self.draft_button.setIcon(icon("generate", "#15181C"))
        self.draft_button.setToolTip("Draft with ChatGPT (Ctrl+Enter); Esc stops")
        self.draft_button.clicked.connect(self._on_draft_clicked)
        toolbar.addWidget(self.draft_button)
        right.addLayout(toolbar)

        self.error = ErrorBanner()
        right.addWidget(self.error)

        tabs_row = QHBoxLayout()
        tabs_row.setSpacing(SPACE_S)
        self.tabs = QTabBar()
        for lang in LANGUAGES:
            self.tabs.addTab(LANGUAGE_NAMES[lang])
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(lambda i: setattr(self.vm, "language", LANGUAGES[i]))
        tabs_row.addWidget(self.tabs)
        tabs_row.addStretch(1)
        self.source_chip = StatusChip("Offline draft", "warning", "warning")
        self.source_chip.setToolTip("Made on this computer from templates, without ChatGPT")
        tabs_row.addWidget(self.source_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retry_button = QPushButton("Retry online")
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.setToolTip("Ask ChatGPT for a draft now")
        self.retry_button.clicked.connect(lambda: self.vm.start_draft(online=True))
        tabs_row.addWidget(self.retry_button)
        right.addLayout(tabs_row)

        panes = QHBoxLayout()
        panes.setSpacing(SPACE_M)
        self.ai_pane = QPlainTextEdit()
        self.ai_pane.setReadOnly(True)
        self.ai_pane.setPlaceholderText("The AI draft appears here.")
        self.ai_pane.setAccessibleName("AI draft")
        self.ai_box = QWidget()
        ai_layout = QVBoxLayout(self.ai_box)
        ai_layout.setContentsMargins(0, 0, 0, 0)
        ai_layout.setSpacing(SPACE_S)
        ai_caption = QLabel("AI draft · the words you changed are marked")
        ai_caption.setProperty("role", "caption")
        ai_layout.addWidget(ai_caption)
        ai_layout.addWidget(self.ai_pane, 1)
        self.ai_box.hide()
        panes.addWidget(self.ai_box, 1)
        self.editors: dict[str, QPlainTextEdit] = {}
        self.editor_stack = QStackedWidget()
        for lang in LANGUAGES:
            editor = QPlainTextEdit()
            editor.setPlaceholderText(
                "Draft with ChatGPT, or write your own description here."
                if lang == "en"
                else "ChatGPT로 초안을 만들거나 직접 설명을 써 보세요."
            )
            editor.setAccessibleName(f"Description ({LANGUAGE_NAMES[lang]})")
            editor.textChanged.connect(lambda lang=lang: self._on_editor_changed(lang))
            self.editors[lang] = editor
            self.editor_stack.addWidget(editor)
        panes.addWidget(self.editor_stack, 1)
        right.addLayout(panes, 1)

        footer = QHBoxLayout()
        footer.setSpacing(SPACE_S)
        self.undo_button = self._tool("Undo", "Undo (Ctrl+Z)", lambda: self._editor().undo())
        self.redo_button = self._tool("Redo", "Redo (Ctrl+Shift+Z)", lambda: self._editor().redo())
        self.revert_button = self._tool(
            "Revert to AI draft", "Put the AI draft back (Undo brings your text back)", self.vm.revert_to_draft
        )
        self.compare_button = self._tool("Compare", "Show the AI draft beside your text, changes marked", None)
        self.compare_button.setCheckable(True)
        self.compare_button.toggled.connect(self._on_compare_toggled)
        for button in (self.undo_button, self.redo_button, self.revert_button, self.compare_button):
            footer.addWidget(button)
        footer.addStretch(1)
        self.count = QLabel()
        self.count.setFont(tabular_font(self.count.font()))
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.count)
        right.addLayout(footer)
        captions = QHBoxLayout()
        self.info = QLabel()
        self.info.setProperty("role", "caption")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        captions.addWidget(self.info)
        captions.addStretch(1)
        self.saved = QLabel()
        self.saved.setProperty("role", "caption")
        captions.addWidget(self.saved)
        right.addLayout(captions)
        root.addLayout(right, 1)

        QShortcut(QKeySequence("Escape"), page, activated=self.vm.stop_draft)
        self._ctrl_enter = _CtrlEnter(self._on_draft_clicked, self)
        for editor in self.editors.values():
            editor.installEventFilter(self._ctrl_enter)
        return page

    def _tool(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("flat", True)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.setToolTip(tip)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _connect(self) -> None:
        vm = self.vm
        vm.design_changed.connect(self._on_design_changed)
        vm.language_changed.connect(self._on_language_changed)
        vm.draft_choice_changed.connect(lambda key: self.choice_buttons[key].setChecked(True))
        vm.streaming_changed.connect(self._on_streaming_changed)
        vm.error_changed.connect(self._on_error_changed)
        vm.saved_text_changed.connect(self.saved.setText)
        vm.sig_text_loaded.connect(self._on_text_loaded)
        vm.sig_text_replaced.connect(self._on_text_replaced)
        vm.sig_delta.connect(self._on_delta)
        vm.sig_ai_changed.connect(self._on_ai_changed)
        self.error.sig_dismissed.connect(lambda: setattr(vm, "error", None))
        self.choice_buttons[vm.draft_choice].setChecked(True)
        self._on_streaming_changed(False)
        self._on_language_changed(vm.language)

    # ----- slots -----
    def _editor(self) -> QPlainTextEdit:
        return self.editors[self.vm.language]

    def _on_preview_token(self) -> None:
        self.vm.flush()  # the token carries exactly what is on screen
        self.sig_preview_token.emit(self.vm.design, self.vm.language)

    def _draft_label(self) -> str:
        return "Draft again" if any(self.vm.ai.values()) else "Draft with ChatGPT"

    def _on_draft_clicked(self) -> None:
        if self.vm.streaming:
            self.vm.stop_draft()
        else:
            self.vm.start_draft()

    def _on_design_changed(self, design) -> None:
        self.pages.setCurrentIndex(0 if design is None else 1)
        if design is None:
            return
        pixmap = QPixmap(design.image_path)
        if not pixmap.isNull():
            self.image.setPixmap(
                pixmap.scaled(
                    IMAGE_SIDE,
                    IMAGE_SIDE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.prompt.setText(design.request.prompt)

    def _on_language_changed(self, lang: str) -> None:
        index = LANGUAGES.index(lang)
        self.tabs.setCurrentIndex(index)
        self.editor_stack.setCurrentIndex(index)
        self._on_ai_changed(lang)
        self._update_count()

    def _on_streaming_changed(self, streaming: bool) -> None:
        self.draft_button.setText("Stop" if streaming else self._draft_label())
        self.draft_button.setIcon(icon("cancel" if streaming else "generate", "#15181C"))
        for widget in (self.offline_button, *self.choice_buttons.values(), self.revert_button, self.retry_button):
            widget.setEnabled(not streaming)
        self._on_ai_changed(self.vm.language)

    def _on_error_changed(self, error) -> None:
        if error:
            self.error.show_message(error[0], error[1], error[2])
        else:
            self.error.clear()

    def _on_text_loaded(self, lang: str, text: str) -> None:
        editor = self.editors[lang]
        self._writing = True
        try:
            editor.setPlainText(text)  # also when the text is the same: the history belongs to the other design
        finally:
            self._writing = False
        editor.document().clearUndoRedoStacks()
        self._update_count()

    def _on_text_replaced(self, lang: str, text: str) -> None:
        editor = self.editors[lang]
        if editor.toPlainText() == text:
            return
        self._writing = True
        try:
            cursor = editor.textCursor()  # a cursor edit, unlike setPlainText, keeps the undo history
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        finally:
            self._writing = False
        self._update_count()

    def _on_delta(self, lang: str, delta: str) -> None:
        editor = self.editors[lang]
        self._writing = True
        try:
            cursor = QTextCursor(editor.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(delta)
        finally:
            self._writing = False
        editor.ensureCursorVisible()
        self._update_count()

    def _on_editor_changed(self, lang: str) -> None:
        if not self._writing:
            self.vm.user_edited(lang, self.editors[lang].toPlainText())
        if lang == self.vm.language:
            self._update_count()
            if self.compare_button.isChecked():
                self._show_diff()

    def _on_ai_changed(self, lang: str) -> None:
        if lang != self.vm.language:
            return
        self.info.setText(self.vm.info[lang])
        if not self.vm.streaming:
            self.draft_button.setText(self._draft_label())
        offline = self.vm.offline[lang] and not self.vm.streaming
        self.source_chip.setVisible(offline)
        self.retry_button.setVisible(offline)
        self.revert_button.setEnabled(bool(self.vm.ai[lang]) and not self.vm.streaming)
        if self.compare_button.isChecked():
            self._show_diff()

    def _on_compare_toggled(self, shown: bool) -> None:
        self.ai_box.setVisible(shown)
        if shown:
            self._show_diff()

    def _show_diff(self) -> None:
        """The AI draft with the words the person removed or changed marked, so edits are easy to review."""
        lang = self.vm.language
        ai, mine = self.vm.ai[lang], self.vm.texts[lang]
        self.ai_pane.setPlainText(ai)
        changed = QTextCharFormat()
        changed.setBackground(QColor(current_theme().warning).lighter(100))
        changed.setForeground(QColor(current_theme().on_accent))
        a_words = ai.split(" ")
        matcher = difflib.SequenceMatcher(a=a_words, b=mine.split(" "), autojunk=False)
        starts, position = [], 0
        for word in a_words:
            starts.append(position)
            position += len(word) + 1
        starts.append(position)
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag in ("replace", "delete") and i2 > i1:
                cursor = QTextCursor(self.ai_pane.document())
                cursor.setPosition(starts[i1])
                cursor.setPosition(max(starts[i1], starts[i2] - 1), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(changed)

    def _update_count(self) -> None:
        count, limit = len(self.vm.texts[self.vm.language]), self.vm.char_limit
        over = count > limit
        self.count.setText(f"{count:,} / {limit:,}" + (" · over the limit" if over else ""))
        self.count.setProperty("role", "secondary" if not over else "danger")
        self.count.setStyleSheet(f"color: {current_theme().danger};" if over else "")
        repolish(self.count)
