"""The Describe workspace: the design on the left, its description in Korean and English on the right."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.kiosk import DESKTOP, Policy
from ui.describe.compare import show_diff
from ui.describe.describe_vm import LANGUAGES, language_name
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, current_theme, repolish, tabular_font
from ui.widgets.empty_state import EmptyState, stack_with_empty_state
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.page_title import PageHeader
from ui.widgets.status_chip import StatusChip

IMAGE_SIDE = 320
NOT_SET_UP_HERE = QT_TRANSLATE_NOOP(
    "DescribeView", "ChatGPT is not set up here, so an offline draft was made from templates. Make it your own."
)


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


class DescribeView(Retranslating, QWidget):
    sig_pick_design = Signal()  # no design yet, or "Change design": the library takes over
    sig_preview_token = Signal(object, str)  # design, language: the Token workspace takes over
    sig_open_settings = Signal()  # "Add a key…": the app shows Settings (set can_open_settings where it exists)

    def __init__(self, vm, parent: QWidget | None = None, *, policy: Policy = DESKTOP) -> None:
        super().__init__(parent)
        self.vm = vm
        self._writing = False  # True while the view itself changes an editor: not a user edit
        self.can_open_settings = policy.may_open_settings  # "Add a key…" leads there (sig_open_settings)
        self._setup_ui()
        self._connect()
        self._on_design_changed(vm.design)
        self.retranslate()

    def retranslate(self) -> None:
        if self.vm.closed:
            return  # the window is closing: its services are gone
        self.empty.title_label.setText(translate("DescribeView", "Pick a design to describe"))
        self.empty.set_text(
            translate(
                "DescribeView",
                "Choose Use this design in the Design studio, or open one from the Library. ChatGPT drafts a "
                "description in Korean or English; you edit it, and it becomes your token's description.",
            )
        )
        self.empty.primary_button.setText(translate("DescribeView", "Open the Library"))
        self.header.title.setText(translate("DescribeView", "Describe"))
        self.header.title.setAccessibleName(self.header.title.text())
        self.both_check.setText(translate("DescribeView", "Both languages"))
        self.both_check.setToolTip(translate("DescribeView", "Draft the Korean and the English description in one go"))
        self.offline_button.setText(translate("DescribeView", "Offline draft"))
        self.offline_button.setToolTip(
            translate("DescribeView", "A template draft made on this computer, no network needed")
        )
        self.change_button.setText(translate("DescribeView", "Change design"))
        self.preview_token.setText(translate("DescribeView", "Preview the token"))
        self.preview_token.setToolTip(translate("DescribeView", "See the NFT exactly as a marketplace will show it"))
        for index, lang in enumerate(LANGUAGES):
            self.tabs.setTabText(index, language_name(lang))
            self.editors[lang].setAccessibleName(
                translate("DescribeView", "Description ({language})").format(language=language_name(lang))
            )
        self.editors["ko"].setPlaceholderText(
            translate("DescribeView", "Draft with ChatGPT, or write your own Korean description here.")
        )
        self.editors["en"].setPlaceholderText(
            translate("DescribeView", "Draft with ChatGPT, or write your own English description here.")
        )
        self.tabs.setAccessibleName(translate("DescribeView", "Description language"))
        self.source_chip.set_text(translate("DescribeView", "Offline draft"))
        self.source_chip.setToolTip(translate("DescribeView", "Made on this computer from templates, without ChatGPT"))
        self.retry_button.setText(translate("DescribeView", "Retry online"))
        self.retry_button.setToolTip(translate("DescribeView", "Ask for an online draft now"))
        self.ai_pane.setPlaceholderText(translate("DescribeView", "The AI draft appears here."))
        self.ai_pane.setAccessibleName(translate("DescribeView", "AI draft"))
        self.ai_caption.setText(
            translate("DescribeView", "AI draft → your text · removed words struck through, added words underlined")
        )
        tools = {
            self.undo_button: (translate("DescribeView", "Undo"), translate("DescribeView", "Undo (Ctrl+Z)")),
            self.redo_button: (translate("DescribeView", "Redo"), translate("DescribeView", "Redo (Ctrl+Shift+Z)")),
            self.revert_button: (
                translate("DescribeView", "Revert to AI draft"),
                translate("DescribeView", "Put the AI draft back (Undo brings your text back)"),
            ),
            self.compare_button: (
                translate("DescribeView", "Compare"),
                translate("DescribeView", "Show the AI draft beside your text, every change marked"),
            ),
        }
        for button, (text, tip) in tools.items():
            button.setText(text)
            button.setToolTip(tip)
        self.vm.retranslate()  # the draft info, "Saved" and the view-model's own messages, said again
        self._show_draft_label()
        self._update_count()
        self._on_error_changed(self.vm.error)

    def _setup_ui(self) -> None:
        self.empty = EmptyState("describe", "", "", "")  # its words: retranslate()
        self.empty.sig_primary_clicked.connect(self.sig_pick_design)
        self.pages = stack_with_empty_state(self, self.empty, self._build_workspace(), self._build_header())

    def _build_header(self) -> QWidget:
        """The title, above the empty state too, and the drafting actions (shown once there is a design)."""
        header = self.header = PageHeader("")
        header.row.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        self.both_check = QCheckBox()
        self.both_check.toggled.connect(lambda on: setattr(self.vm, "draft_both", on))
        header.add_widget(self.both_check)
        self.offline_button = QPushButton()
        self.offline_button.clicked.connect(lambda: self.vm.start_draft(online=False))
        header.add_widget(self.offline_button)
        self.draft_button = QPushButton()
        self.draft_button.setProperty("primary", True)
        self.draft_button.setIcon(icon("generate", "#15181C"))
        self.draft_button.clicked.connect(self._on_draft_clicked)
        header.add_widget(self.draft_button)
        self.draft_actions = (self.both_check, self.offline_button, self.draft_button)
        return header

    def _build_workspace(self) -> QWidget:
        page = QWidget()
        root = QHBoxLayout(page)
        root.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        root.setSpacing(SPACE_XL)
        left = QVBoxLayout()
        left.setSpacing(SPACE_M)
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
        change = self.change_button = QPushButton()
        change.setIcon(icon("library"))
        change.clicked.connect(self.sig_pick_design)
        left.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)
        self.preview_token = QPushButton()
        self.preview_token.setIcon(icon("token"))
        self.preview_token.clicked.connect(self._on_preview_token)
        left.addWidget(self.preview_token, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        root.addLayout(left)

        right = QVBoxLayout()
        right.setSpacing(SPACE_M)
        # The one language choice: the description shown is the one edited and the one drafted.
        tabs_row = QHBoxLayout()
        tabs_row.setSpacing(SPACE_S)
        self.tabs = QTabBar()
        for lang in LANGUAGES:
            self.tabs.addTab(language_name(lang))
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(lambda i: setattr(self.vm, "language", LANGUAGES[i]))
        tabs_row.addWidget(self.tabs)
        tabs_row.addStretch(1)
        self.source_chip = StatusChip("", "warning", "warning")
        tabs_row.addWidget(self.source_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retry_button = QPushButton()
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.clicked.connect(lambda: self.vm.start_draft(online=True))
        tabs_row.addWidget(self.retry_button)
        right.addLayout(tabs_row)

        self.error = ErrorBanner()
        right.addWidget(self.error)

        panes = QHBoxLayout()
        panes.setSpacing(SPACE_M)
        self.ai_pane = QPlainTextEdit()
        self.ai_pane.setReadOnly(True)
        self.ai_box = QWidget()
        ai_layout = QVBoxLayout(self.ai_box)
        ai_layout.setContentsMargins(0, 0, 0, 0)
        ai_layout.setSpacing(SPACE_S)
        ai_caption = self.ai_caption = QLabel()
        ai_caption.setProperty("role", "caption")
        ai_caption.setWordWrap(True)  # the two panes share the width equally, whatever the caption's length
        ai_layout.addWidget(ai_caption)
        ai_layout.addWidget(self.ai_pane, 1)
        self.ai_box.hide()
        panes.addWidget(self.ai_box, 1)
        self.editors: dict[str, QPlainTextEdit] = {}
        self.editor_stack = QStackedWidget()
        for lang in LANGUAGES:
            editor = QPlainTextEdit()
            editor.textChanged.connect(lambda lang=lang: self._on_editor_changed(lang))
            editor.undoAvailable.connect(self._show_history)
            editor.redoAvailable.connect(self._show_history)
            self.editors[lang] = editor
            self.editor_stack.addWidget(editor)
        panes.addWidget(self.editor_stack, 1)
        right.addLayout(panes, 1)

        footer = QHBoxLayout()
        footer.setSpacing(SPACE_S)
        self.undo_button = self._tool(lambda: self._editor().undo())
        self.redo_button = self._tool(lambda: self._editor().redo())
        self.revert_button = self._tool(self.vm.revert_to_draft)
        self.compare_button = self._tool(None)
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

        QShortcut(QKeySequence("Escape"), page, activated=self.vm.stop_draft)  # i18n: not shown
        self._ctrl_enter = _CtrlEnter(self._on_draft_clicked, self)
        for editor in self.editors.values():
            editor.installEventFilter(self._ctrl_enter)
        return page

    def _tool(self, slot) -> QPushButton:
        button = QPushButton()  # its words: retranslate()
        button.setProperty("flat", True)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _connect(self) -> None:
        vm = self.vm
        vm.design_changed.connect(self._on_design_changed)
        vm.language_changed.connect(self._on_language_changed)
        vm.draft_both_changed.connect(self.both_check.setChecked)
        vm.needs_key_changed.connect(lambda _needed: self._on_error_changed(vm.error))
        vm.streaming_changed.connect(self._on_streaming_changed)
        vm.error_changed.connect(self._on_error_changed)
        vm.saved_text_changed.connect(self.saved.setText)
        vm.sig_text_loaded.connect(self._on_text_loaded)
        vm.sig_text_replaced.connect(self._on_text_replaced)
        vm.sig_delta.connect(self._on_delta)
        vm.sig_ai_changed.connect(self._on_ai_changed)
        # Until the design's saved text arrives (read off the UI thread) nothing typed could be kept: nothing is taken.
        vm.loading_changed.connect(self._on_loading_changed)
        vm.picture_changed.connect(self._on_picture_changed)
        self.error.sig_dismissed.connect(lambda: setattr(vm, "error", None))
        self.both_check.setChecked(vm.draft_both)
        self._on_streaming_changed(False)
        self._on_language_changed(vm.language)
        self._on_picture_changed(vm.picture)

    # ----- slots -----
    def _on_loading_changed(self, loading: bool) -> None:
        for editor in self.editors.values():
            editor.setReadOnly(loading)

    def _editor(self) -> QPlainTextEdit:
        return self.editors[self.vm.language]

    def _on_preview_token(self) -> None:
        self.vm.flush()  # the token carries exactly what is on screen
        self.sig_preview_token.emit(self.vm.design, self.vm.language)

    def _show_draft_label(self) -> None:
        self.draft_button.setText(self.vm.draft_label())
        tip = translate("DescribeView", "Draft with {server} (Ctrl+Enter); Esc stops")
        self.draft_button.setToolTip(tip.format(server=self.vm.server_name()))

    def _on_draft_clicked(self) -> None:
        if self.vm.streaming:
            self.vm.stop_draft()
        else:
            self.vm.start_draft()

    def _on_design_changed(self, design) -> None:
        self.pages.setCurrentIndex(0 if design is None else 1)
        for widget in self.draft_actions:
            widget.setVisible(design is not None)
        if design is None:
            return
        self.prompt.setText(design.request.prompt)

    def _on_picture_changed(self, picture) -> None:
        """The design's picture, decoded and scaled off the UI thread by the view-model (None: on its way)."""
        if picture is None:
            self.image.clear()
            return
        self.image.setPixmap(QPixmap.fromImage(picture))
        self.image.setFixedHeight(picture.height())  # the picture's top lines up with the language tabs

    def _on_language_changed(self, lang: str) -> None:
        index = LANGUAGES.index(lang)
        self.tabs.setCurrentIndex(index)
        self.editor_stack.setCurrentIndex(index)
        self._on_ai_changed(lang)
        self._update_count()
        self._show_history()

    def _show_history(self, *_available) -> None:
        """Undo and Redo only where there is something to undo or redo in the language shown."""
        document = self._editor().document()
        self.undo_button.setEnabled(document.isUndoAvailable())
        self.redo_button.setEnabled(document.isRedoAvailable())

    def _on_streaming_changed(self, streaming: bool) -> None:
        self._show_draft_label()
        self.draft_button.setIcon(icon("cancel" if streaming else "generate", "#15181C"))
        for widget in (self.offline_button, self.both_check, self.revert_button, self.retry_button):
            widget.setEnabled(not streaming)
        self._on_ai_changed(self.vm.language)

    def _on_error_changed(self, error) -> None:
        if not error:
            self.error.clear()
            return
        message, action = error[0], None
        if self.vm.needs_key:  # the next step is adding a key: offered right there, where Settings can be reached
            if self.can_open_settings:
                action = (translate("DescribeView", "Add a key…"), self.sig_open_settings.emit)
            else:  # a kiosk: the visitor cannot add one, and need not hear about Settings
                message = translate("DescribeView", NOT_SET_UP_HERE)
        self.error.show_message(message, error[1], error[2], action=action)

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
            self._show_draft_label()
        offline = self.vm.offline[lang] and not self.vm.streaming
        self.source_chip.setVisible(offline)
        self.retry_button.setVisible(offline)
        self.revert_button.setEnabled(bool(self.vm.ai[lang]) and not self.vm.streaming)
        self.compare_button.setEnabled(bool(self.vm.ai[lang]))  # nothing to compare the text with before a draft
        if not self.vm.ai[lang]:
            self.compare_button.setChecked(False)
        if self.compare_button.isChecked():
            self._show_diff()

    def _on_compare_toggled(self, shown: bool) -> None:
        self.ai_box.setVisible(shown)
        if shown:
            self._show_diff()

    def _show_diff(self) -> None:
        """The AI draft turned into the person's text, every removed and added word marked (ui/describe/compare.py)."""
        lang = self.vm.language
        show_diff(self.ai_pane.document(), self.vm.ai[lang], self.vm.texts[lang], current_theme())

    def _update_count(self) -> None:
        count, limit = len(self.vm.texts[self.vm.language]), self.vm.char_limit
        over = count > limit
        words = (
            translate("DescribeView", "{count} / {limit} · over the limit")
            if over
            else translate("DescribeView", "{count} / {limit}")
        )
        locale = QLocale()  # digits grouped the way the language shown groups them
        self.count.setText(words.format(count=locale.toString(count), limit=locale.toString(limit)))
        self.count.setProperty("role", "secondary" if not over else "danger")
        self.count.setStyleSheet(f"color: {current_theme().danger};" if over else "")
        repolish(self.count)
