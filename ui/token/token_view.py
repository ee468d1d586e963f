"""The Token workspace: a design previewed as a marketplace listing, exactly as it will be published and minted."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.token.assemble import TokenDraft, assemble_token, export_car
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025
from ui.icons import icon
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS, Theme, current_theme, theme_manager
from ui.token.publish_card import PublishCard
from ui.token.publish_queue import PublishQueue
from ui.token.token_widgets import (
    CHAIN_NAME,
    COLLECTION_LINE,
    COLUMN_MAX,
    COLUMN_MIN,
    DETAIL_LABEL_WIDTH,
    NO_VALUE,
    NOT_MINTED,
    CopyField,
    ElidedLabel,
    FlowLayout,
    ImageCard,
    TraitChip,
    format_trait,
    token_stylesheet,
)
from ui.token.verify_action import Verifier, start_verification
from ui.widgets.card import Card
from ui.widgets.empty_state import EmptyState, stack_with_empty_state
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.save_dialog import ask_save_path
from ui.widgets.status_chip import StatusChip

log = logging.getLogger(__name__)

LANGUAGE_CHOICES = [("ko", "한국어"), ("en", "English")]
PROFILE_CHOICES = [("IPFS 2025 (CIDv1)", UNIXFS_V1_2025), ("Kubo legacy (CIDv0)", KUBO_LEGACY)]
MINT_SHORTCUT = "Ctrl+Return"


class TokenView(QWidget):
    sig_pick_design = Signal()  # the empty state's action: the app shows the Library
    sig_mint_requested = Signal(object)  # TokenDraft, only ever a ready one
    sig_draft_shown = Signal(object)  # TokenDraft: the app looks up whether it is minted already

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.design = None
        self.draft: TokenDraft | None = None
        self.language = "ko"
        self.profile = UNIXFS_V1_2025
        self.publish_queue: PublishQueue | None = None
        self._setup_ui()
        self._on_theme_changed(current_theme())
        theme_manager().theme_changed.connect(self._on_theme_changed)
        self.pages.setCurrentIndex(0)

    # --- construction ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.empty = EmptyState(
            "token",
            "Pick a design to preview its token",
            "Choose a design in the Library and describe it; here you see the token exactly as a marketplace "
            "will show it, with its IPFS addresses, before you mint it on Kaia.",
            "Pick a design",
        )
        self.empty.sig_primary_clicked.connect(self.sig_pick_design)
        self.pages = stack_with_empty_state(self, self.empty, self._build_workspace())

    def _build_workspace(self) -> QWidget:
        page = QWidget()
        root = QVBoxLayout(page)
        root.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        root.setSpacing(SPACE_M)
        self.tabs = QTabBar()
        self.tabs.addTab("Preview")
        self.tabs.addTab("JSON")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        root.addWidget(self.tabs)
        self.tab_stack = QStackedWidget()
        self.tab_stack.addWidget(self._build_preview())
        self.tab_stack.addWidget(self._build_json())
        self.tabs.currentChanged.connect(self.tab_stack.setCurrentIndex)
        root.addWidget(self.tab_stack, 1)
        QShortcut(QKeySequence(MINT_SHORTCUT), page, activated=self._on_mint_clicked)
        return page

    def _build_preview(self) -> QWidget:
        preview = QWidget()
        row = QHBoxLayout(preview)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_XL)
        self.image_card = ImageCard()
        row.addWidget(self.image_card, 1)

        column = QWidget()
        column.setMinimumWidth(COLUMN_MIN)
        column.setMaximumWidth(COLUMN_MAX)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(SPACE_M)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("tokenColumn")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._build_listing())
        column_layout.addWidget(self.scroll, 1)
        column_layout.addWidget(self._build_footer())
        row.addWidget(column)
        return preview

    def _build_listing(self) -> QWidget:
        body = QWidget()
        body.setObjectName("tokenColumnBody")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, SPACE_M, 0)  # room for the scroll bar
        lay.setSpacing(SPACE_M)
        self.collection = _label(COLLECTION_LINE, name="collectionLine")
        lay.addWidget(self.collection)
        self.name = _label("", role="title", wrap=True, selectable=True)
        lay.addWidget(self.name)
        self.problems = ErrorBanner()
        self.problems.dismiss_button.hide()  # the problems stay until they are fixed
        lay.addWidget(self.problems)
        self.description = _label("", wrap=True, selectable=True)
        self.description.setAccessibleName("Description")
        lay.addWidget(self.description)

        lay.addSpacing(SPACE_S)
        lay.addWidget(_label("Traits", role="emphasis"))
        self.traits_box = QWidget()
        self.traits = FlowLayout(self.traits_box, SPACE_S)
        lay.addWidget(self.traits_box)

        lay.addSpacing(SPACE_S)
        details = Card("Details", padding=SPACE_L)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_M)
        grid.setColumnMinimumWidth(0, DETAIL_LABEL_WIDTH)
        grid.setColumnStretch(1, 1)
        chain_row = QHBoxLayout()
        chain_row.setSpacing(SPACE_S)
        self.chain = _label(CHAIN_NAME)
        self.mint_chip = StatusChip(NOT_MINTED, "neutral", "info")
        chain_row.addWidget(self.chain)
        chain_row.addWidget(self.mint_chip)
        chain_row.addStretch(1)
        # Addresses elide in the middle: shown whole, a 42-character address would widen the column past its edge.
        self.contract = ElidedLabel(NO_VALUE)
        self.contract.setAccessibleName("Contract")
        self.token_id = _label(NOT_MINTED, role="secondary")
        self.owner = ElidedLabel(NO_VALUE)
        self.owner.setAccessibleName("Owner")
        self.metadata_link = CopyField("Metadata address")
        self.image_link = CopyField("Image address")
        rows = [
            ("Chain", chain_row),
            ("Contract", self.contract),
            ("Token ID", self.token_id),
            ("Owner", self.owner),
            ("Metadata", self.metadata_link),
            ("Image", self.image_link),
        ]
        for i, (key, value) in enumerate(rows):
            grid.addWidget(_label(key, name="detailKey"), i, 0, Qt.AlignmentFlag.AlignVCenter)
            if isinstance(value, QWidget):
                grid.addWidget(value, i, 1)
            else:
                grid.addLayout(value, i, 1)
        details.add_layout(grid)
        lay.addWidget(details)
        lay.addStretch(1)
        return body

    def _build_footer(self) -> QWidget:
        footer = QFrame()
        footer.setObjectName("tokenFooter")
        lay = QVBoxLayout(footer)
        lay.setContentsMargins(0, SPACE_M, 0, 0)
        lay.setSpacing(SPACE_M)
        options = QHBoxLayout()
        options.setSpacing(SPACE_XS)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QPushButton] = {}
        for key, label in LANGUAGE_CHOICES:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setProperty("segment", True)
            button.setToolTip(f"The token carries the {label} description")
            button.clicked.connect(lambda _c=False, k=key: self.set_language(k))
            button.setObjectName("languageSegment")
            self.language_group.addButton(button)
            self.language_buttons[key] = button
            options.addWidget(button)
        options.addSpacing(SPACE_S)
        self.profile_combo = QComboBox()
        for label, _profile in PROFILE_CHOICES:
            self.profile_combo.addItem(label)
        self.profile_combo.setToolTip("How the CIDs are computed: match the pinning service you will use")
        self.profile_combo.setAccessibleName("CID profile")
        self.profile_combo.currentIndexChanged.connect(lambda i: self.set_profile(PROFILE_CHOICES[i][1]))
        options.addWidget(self.profile_combo, 1)
        lay.addLayout(options)
        # Always in view, not scrolled away with the listing: publishing happens in the background.
        self.publish_card = PublishCard()
        self.publish_card.sig_publish.connect(self._on_publish_clicked)
        self.publish_card.sig_retry.connect(self._on_retry_clicked)
        self.publish_card.hide()  # shown once the app provides the outbox
        lay.addWidget(self.publish_card)
        actions = QHBoxLayout()
        actions.setSpacing(SPACE_S)
        self.export_button = QPushButton("Export CAR…")
        self.export_button.setIcon(icon("image"))
        self.export_button.setToolTip("Save the image and metadata as a CAR file for a pinning service")
        self.export_button.clicked.connect(self._on_export_clicked)
        actions.addWidget(self.export_button)
        self.verify_button = QPushButton("Verify")
        self.verify_button.setToolTip("Regenerate the image from the metadata and compare it with the one published")
        self.verify_button.clicked.connect(lambda: start_verification(self, self._verifier))
        self.verify_button.hide()  # shown once the app provides a verifier (it needs the engine)
        actions.addWidget(self.verify_button)
        self.mint_button = QPushButton("Mint on Kaia")
        self.mint_button.setProperty("primary", True)
        self.mint_button.setToolTip(f"Mint this token on Kaia ({QKeySequence(MINT_SHORTCUT).toString()})")
        self.mint_button.clicked.connect(self._on_mint_clicked)
        actions.addWidget(self.mint_button, 1)
        lay.addLayout(actions)
        self.notice = ErrorBanner()
        lay.addWidget(self.notice)
        return footer

    def _build_json(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_M)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_S)
        grid.setColumnStretch(1, 1)
        self.metadata_cid = CopyField("Metadata CID")
        self.image_cid = CopyField("Image CID")
        for i, (key, field) in enumerate((("Metadata CID", self.metadata_cid), ("Image CID", self.image_cid))):
            grid.addWidget(_label(key, name="detailKey"), i, 0)
            grid.addWidget(field, i, 1)
        lay.addLayout(grid)
        caption = "The exact bytes that are published and hashed: UTF-8 JSON, keys sorted, no spaces."
        lay.addWidget(_label(caption, role="caption", wrap=True))
        self.json_text = QPlainTextEdit()
        self.json_text.setObjectName("metadataJson")
        self.json_text.setReadOnly(True)
        self.json_text.setAccessibleName("Metadata JSON")
        lay.addWidget(self.json_text, 1)
        return page

    # --- API ---------------------------------------------------------------------------------------

    def set_design(self, design) -> None:
        """Show `design` (None: the empty state); the language starts at the first one that has a description."""
        self.design = design
        if design is not None:
            saved = [lang for lang, _ in LANGUAGE_CHOICES if self._has_description(design.id, lang)]
            self.language = saved[0] if saved else LANGUAGE_CHOICES[0][0]
        self.notice.clear()
        self.refresh()

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()

    def set_profile(self, profile) -> None:
        self.profile = profile
        self.refresh()

    def refresh(self) -> None:
        """Re-assemble the draft from the library (after an edit elsewhere) and show it."""
        self.pages.setCurrentIndex(0 if self.design is None else 1)
        if self.design is None:
            self.draft = None
            return
        self.language_buttons[self.language].setChecked(True)
        index = next(i for i, (_label_text, p) in enumerate(PROFILE_CHOICES) if p == self.profile)
        if self.profile_combo.currentIndex() != index:
            self.profile_combo.setCurrentIndex(index)
        try:
            self.draft = assemble_token(self.library, self.design, language=self.language, profile=self.profile)
        except (OSError, ValueError) as exc:
            log.warning("could not assemble token for %s: %s", self.design.id, exc)
            self.draft = None
            self.problems.show_message("The design's image could not be read. Pick the design again.", str(exc))
            self.mint_button.setEnabled(False)
            self.export_button.setEnabled(False)
            return
        self._show_draft(self.draft)

    def export_car_to(self, path: Path | str) -> Path:
        if self.draft is None:
            raise RuntimeError("no token to export")
        return export_car(self.draft, Path(path))

    # --- display -----------------------------------------------------------------------------------

    def _show_draft(self, draft: TokenDraft) -> None:
        meta = draft.metadata
        self.name.setText(str(meta.get("name", "")))
        self.description.setText(draft.description.strip())
        self.description.setVisible(bool(draft.description.strip()))
        pixmap = QPixmap()
        pixmap.loadFromData(draft.image_bytes)
        self.image_card.set_image(pixmap)
        backdrop = QColor("#" + str(meta.get("background_color", "")))
        self.image_card.set_backdrop(backdrop if backdrop.isValid() else QColor(current_theme().surface))
        self.traits.clear()
        for attribute in meta.get("attributes", []):
            value, numeric = format_trait(attribute)
            self.traits.addWidget(TraitChip(str(attribute.get("trait_type", "")), value, numeric))
        self.traits_box.updateGeometry()
        self.metadata_link.set_value(draft.token_uri)
        self.image_link.set_value(str(meta.get("image", "")))
        self.metadata_cid.set_value(draft.metadata_cid)
        self.image_cid.set_value(draft.image_cid)
        self.json_text.setPlainText(draft.metadata_bytes.decode("utf-8"))
        if draft.problems:
            self.problems.show_message(" ".join(draft.problems), severity="warning")
        else:
            self.problems.clear()
        self._show_not_minted()
        self.mint_button.setEnabled(draft.ready)
        self.export_button.setEnabled(True)
        self._show_publish_state()
        self.sig_draft_shown.emit(draft)

    def _show_not_minted(self) -> None:
        self.mint_chip.set_state(NOT_MINTED, "neutral", "info")
        self.chain.setText(CHAIN_NAME)
        self.contract.set_full_text(NO_VALUE)
        self.token_id.setText(NOT_MINTED)
        self.owner.set_full_text(NO_VALUE)
        self.mint_button.setText("Mint on Kaia")
        self.mint_button.setToolTip(f"Mint this token on Kaia ({QKeySequence(MINT_SHORTCUT).toString()})")

    def set_publish_queue(self, queue: PublishQueue) -> None:
        self.publish_queue = queue
        queue.sig_changed.connect(self._show_publish_state)
        self.publish_card.show()
        self._show_publish_state()

    def _show_publish_state(self) -> None:
        queue = self.publish_queue
        if queue is None or self.draft is None:
            return
        self.publish_card.show_job(
            queue.job(self.draft.metadata_cid),
            busy=queue.busy,
            setup_problem=queue.setup_problem,
            can_publish=self.draft.ready,
        )
        if queue.error:
            self.notice.show_message(queue.error)

    def show_mint(self, record, network) -> None:
        """A mint of the design shown: chain, contract, token id, owner and the explorer link."""
        if self.draft is None or record is None:
            return
        self.mint_chip.set_state("minted", "success", "success")
        self.chain.setText(network.name)
        self.contract.set_full_text(record.contract)
        self.token_id.setText(f"#{record.token_id}")
        self.owner.set_full_text(record.recipient)
        self.mint_button.setEnabled(False)
        self.mint_button.setText("Minted")
        self.mint_button.setToolTip(network.token_url(record.token_id, record.contract) or "Minted on Kaia")

    def set_verifier(self, verifier: Verifier) -> None:
        self._verifier = verifier
        self.verify_button.show()

    def _has_description(self, design_id: str, language: str) -> bool:
        record = self.library.description(design_id, language)
        return bool(record and record.text.strip())

    # --- slots -------------------------------------------------------------------------------------

    def _on_mint_clicked(self) -> None:
        if self.draft is not None and self.draft.ready and self.mint_button.isEnabled():
            self.sig_mint_requested.emit(self.draft)

    def _on_publish_clicked(self) -> None:
        if self.publish_queue is not None and self.draft is not None and self.draft.ready:
            self.publish_queue.publish(self.draft)

    def _on_retry_clicked(self) -> None:
        if self.publish_queue is not None and self.draft is not None:
            self.publish_queue.retry(self.draft.metadata_cid)

    def _on_export_clicked(self) -> None:
        if self.draft is None:
            return
        path = ask_save_path(self, "Export CAR", f"{self.draft.metadata_cid}.car", "CAR files (*.car)")
        if path is None:
            return
        try:
            saved = self.export_car_to(path)
        except OSError as exc:
            self.notice.show_message("The CAR file could not be saved. Choose another folder and try again.", str(exc))
            return
        self.notice.show_message(
            f"Saved {saved.name}: upload it to any pinning service that takes CAR files.", severity="info"
        )

    def _on_theme_changed(self, theme: Theme) -> None:
        bold = QFont(self.font())
        bold.setBold(True)  # the checked segment is bold: keep room so its label never clips
        widest = max(QFontMetrics(bold).horizontalAdvance(label) for _key, label in LANGUAGE_CHOICES)
        self.setStyleSheet(token_stylesheet(theme, widest + SPACE_S))
        self.export_button.setIcon(icon("image", theme.text))
        self.mint_button.setIcon(icon("wallet", theme.on_accent))
        for field in (self.metadata_link, self.image_link, self.metadata_cid, self.image_cid):
            field.refresh_icons()
        self.image_card.update()


def _label(text: str, *, role: str | None = None, name: str | None = None, wrap=False, selectable=False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
