"""The Token workspace: a design previewed as a marketplace listing, exactly as it will be published and minted.

The page scrolls as one; the listing's parts (the proof of a mint, the files, the side-by-side or stacked layout)
are in ui/token/token_listing.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
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
from ui.token.token_listing import FilesCard, MintProof, PreviewLayout, plain_label
from ui.token.token_widgets import (
    COLLECTION_LINE,
    CopyField,
    FlowLayout,
    ImageCard,
    TraitChip,
    format_trait,
    token_stylesheet,
)
from ui.token.verify_action import Verifier, start_verification
from ui.widgets.empty_state import EmptyState, stack_with_empty_state
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.page_title import PageHeader
from ui.widgets.save_dialog import ask_save_path

log = logging.getLogger(__name__)

LANGUAGE_CHOICES = [("ko", "한국어"), ("en", "English")]
PROFILE_CHOICES = [("IPFS 2025 (CIDv1)", UNIXFS_V1_2025), ("Kubo legacy (CIDv0)", KUBO_LEGACY)]
MINT_SHORTCUT = "Ctrl+Return"
NARROW_IMAGE_SHARE = 0.55  # stacked, the picture leaves room under it for the start of the listing


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
        self.tabs.hide()  # until there is a design

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
        # The title stays above the page (and above the empty state); the page below it scrolls.
        self.header = PageHeader("Token")
        self.header.row.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        self.tabs = QTabBar()
        self.tabs.addTab("Preview")
        self.tabs.addTab("JSON")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.header.add_widget(self.tabs)
        self.pages = stack_with_empty_state(self, self.empty, self._build_workspace(), self.header)

    def _build_workspace(self) -> QWidget:
        # One scroll area for the whole page: the listing grows to its full height and the page scrolls if needed.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("tokenPage")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("tokenPageBody")
        root = QVBoxLayout(body)
        root.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        root.setSpacing(SPACE_L)
        self.tab_stack = QStackedWidget()
        self.tab_stack.addWidget(self._build_preview())
        self.tab_stack.addWidget(self._build_json())
        self.tabs.currentChanged.connect(self.tab_stack.setCurrentIndex)
        root.addWidget(self.tab_stack, 1)
        self.scroll.setWidget(body)
        self.scroll.viewport().installEventFilter(self)  # its size decides the arrangement
        QShortcut(QKeySequence(MINT_SHORTCUT), self.scroll, activated=self._on_mint_clicked)
        return self.scroll

    def _build_preview(self) -> QWidget:
        self.image_card = ImageCard()
        self.preview = PreviewLayout(self.image_card, self._build_listing(), self._build_about())
        return self.preview

    def _build_listing(self) -> QWidget:
        """The right column: the token's name, where it is minted, and everything to do with it."""
        column = QWidget()
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_M)
        self.collection = plain_label(COLLECTION_LINE, name="collectionLine")
        lay.addWidget(self.collection)
        self.name = plain_label("", role="section", wrap=True, selectable=True)
        self.name.setAccessibleName("Token name")
        lay.addWidget(self.name)
        self.problems = ErrorBanner()
        self.problems.dismiss_button.hide()  # the problems stay until they are fixed
        lay.addWidget(self.problems)
        self.proof = MintProof()
        proof = self.proof
        self.chain, self.mint_chip, self.token_id = proof.chain, proof.chip, proof.token_id
        self.owner, self.contract = proof.owner, proof.contract
        lay.addWidget(proof)
        lay.addLayout(self._build_options())
        self.publish_card = PublishCard()
        self.publish_card.sig_publish.connect(self._on_publish_clicked)
        self.publish_card.sig_retry.connect(self._on_retry_clicked)
        self.publish_card.hide()  # shown once the app provides the outbox
        lay.addWidget(self.publish_card)
        lay.addLayout(self._build_actions())
        self.notice = ErrorBanner()
        lay.addWidget(self.notice)
        return column

    def _build_about(self) -> QWidget:
        """Under the image: what the token says about itself (description, traits) and where its files are."""
        about = QWidget()
        lay = QVBoxLayout(about)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_M)
        self.description = plain_label("", wrap=True, selectable=True)
        self.description.setAccessibleName("Description")
        lay.addWidget(self.description)
        lay.addSpacing(SPACE_S)
        lay.addWidget(plain_label("Traits", role="emphasis"))
        self.traits_box = QWidget()
        self.traits = FlowLayout(self.traits_box, SPACE_S)
        lay.addWidget(self.traits_box)
        lay.addSpacing(SPACE_S)
        self.files = FilesCard()
        self.metadata_link, self.image_link = self.files.metadata_link, self.files.image_link
        lay.addWidget(self.files)
        return about

    def _build_options(self) -> QHBoxLayout:
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
        return options

    def _build_actions(self) -> QHBoxLayout:
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
        return actions

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
            grid.addWidget(plain_label(key, name="detailKey"), i, 0)
            grid.addWidget(field, i, 1)
        lay.addLayout(grid)
        caption = "The exact bytes that are published and hashed: UTF-8 JSON, keys sorted, no spaces."
        lay.addWidget(plain_label(caption, role="caption", wrap=True))
        self.json_text = QPlainTextEdit()
        self.json_text.setObjectName("metadataJson")
        self.json_text.setReadOnly(True)
        self.json_text.setAccessibleName("Metadata JSON")
        lay.addWidget(self.json_text, 1)
        return page

    def _fit_to_viewport(self) -> None:
        """Side by side or stacked for the room there is, and the picture no taller than the page can show."""
        viewport = self.scroll.viewport()
        self.preview.fit(viewport.width() - 2 * SPACE_XL)
        room = viewport.height() - 2 * SPACE_L
        self.image_card.set_max_height(room if self.preview.wide else round(room * NARROW_IMAGE_SHARE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self._fit_to_viewport()
        return False

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
        self.tabs.setVisible(self.design is not None)
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
        self.proof.show_not_minted()
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
        """A mint of the design shown: chain, token id, owner, contract and the explorer links."""
        if self.draft is None or record is None:
            return
        self.proof.show_mint(record, network)
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
