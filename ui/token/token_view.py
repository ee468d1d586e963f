"""The Token workspace: a design previewed as a marketplace listing, exactly as it will be published and minted.

The page scrolls as one; the listing's parts (the proof of a mint, the files, the side-by-side or stacked layout)
are in ui/token/token_listing.py. Everything shown comes from the view-model (ui/token/token_vm.py), and everything
done goes through it: this view calls no service. While a design's token is being assembled (off the UI thread) the
page says so quietly, and never shows another design's token meanwhile.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.kiosk import DESKTOP, Policy
from app.token.assemble import TokenDraft
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS, Theme, current_theme, theme_manager
from ui.token.json_page import JsonPage
from ui.token.publish_card import PublishCard
from ui.token.publish_queue import PublishQueue
from ui.token.token_listing import FilesCard, MintProof, PreviewLayout, plain_label
from ui.token.token_vm import TokenViewModel
from ui.token.token_widgets import (
    COLLECTION_LINE,
    ImageCard,
    TraitChip,
    format_trait,
    token_stylesheet,
)
from ui.token.verify_action import Verifier, start_verification
from ui.widgets.empty_state import EmptyState, stack_with_empty_state
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.page_title import PageHeader
from ui.widgets.save_dialog import ask_save_path

log = logging.getLogger(__name__)

PAGE_EMPTY, PAGE_TOKEN, PAGE_LOADING = 0, 1, 2
LOADING_TEXT = QT_TRANSLATE_NOOP("TokenView", "Preparing the token…")
# Each language by its own name, as a language switch reads in any language (the translation keeps it so).
LANGUAGE_CHOICES = [("ko", "한국어"), ("en", QT_TRANSLATE_NOOP("TokenView", "English"))]
PROFILE_CHOICES = [
    (QT_TRANSLATE_NOOP("TokenView", "IPFS 2025 (CIDv1)"), UNIXFS_V1_2025),
    (QT_TRANSLATE_NOOP("TokenView", "Kubo legacy (CIDv0)"), KUBO_LEGACY),
]
MINT_SHORTCUT = "Ctrl+Return"
NARROW_IMAGE_SHARE = 0.55  # stacked, the picture leaves room under it for the start of the listing


class TokenView(Retranslating, QWidget):
    sig_pick_design = Signal()  # the empty state's action: the app shows the Library
    sig_mint_requested = Signal(object)  # TokenDraft, only ever a ready one

    def __init__(self, vm: TokenViewModel, parent: QWidget | None = None, *, policy: Policy = DESKTOP) -> None:
        super().__init__(parent)
        self.vm = vm
        self.policy = policy
        self._setup_ui()
        # Files and the token's inner workings (JSON, CID profile, Verify) are for the desktop, not a visitor.
        self.export_button.setVisible(policy.may_use_files)
        self.profile_combo.setVisible(policy.may_see_advanced)
        self._verifying = False
        self._on_theme_changed(current_theme())
        theme_manager().theme_changed.connect(self._on_theme_changed)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self.vm
        vm.design_changed.connect(self._on_design_changed)
        vm.draft_changed.connect(self._on_draft_changed)
        vm.loading_changed.connect(self._show_state)  # methods: Qt drops them with the view, unlike lambdas
        vm.problem_changed.connect(self._show_problems)
        vm.notice_changed.connect(self._on_notice)
        vm.mint_changed.connect(self._on_mint_changed)
        vm.language_changed.connect(self._on_language_changed)
        vm.profile_changed.connect(self._on_profile_changed)
        vm.publish_changed.connect(self._show_publish_state)
        self.verify_button.setVisible(vm.verifier is not None and self.policy.may_see_advanced)
        self.publish_card.setVisible(vm.publish_queue is not None)
        self._on_language_changed(vm.language)
        self._on_profile_changed(vm.profile)
        if vm.draft is not None:
            self._show_draft(vm.draft)
        self._on_mint_changed(vm.mint)
        self._show_state()

    # What the view shows, read from the view-model (for the app and tests; nothing here keeps its own copy).
    @property
    def design(self):
        return self.vm.design

    @property
    def draft(self) -> TokenDraft | None:
        return self.vm.draft

    @property
    def language(self) -> str:
        return self.vm.language

    @property
    def profile(self):
        return self.vm.profile

    # --- construction ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.empty = EmptyState(
            "token",
            lambda: translate("TokenView", "Pick a design to preview its token"),
            lambda: translate(
                "TokenView",
                "Choose a design in the Library and describe it; here you see the token exactly as a marketplace "
                "will show it, with its IPFS addresses, before you mint it on Kaia.",
            ),
            lambda: translate("TokenView", "Pick a design"),
        )
        self.empty.sig_primary_clicked.connect(self.sig_pick_design)
        # The title stays above the page (and above the empty state); the page below it scrolls.
        self.header = PageHeader(lambda: translate("TokenView", "Token"))
        self.header.row.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        self.tabs = QTabBar()
        self.tabs.addTab("")
        self.tabs.addTab("JSON")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.header.add_widget(self.tabs)
        self.pages = stack_with_empty_state(self, self.empty, self._build_workspace(), self.header)
        self.loading_label = QLabel()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setProperty("role", "secondary")
        self.pages.addWidget(self.loading_label)  # PAGE_LOADING

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
        self.json_page = JsonPage()
        self.metadata_cid, self.image_cid = self.json_page.metadata_cid, self.json_page.image_cid
        self.json_text = self.json_page.json_text
        self.tab_stack.addWidget(self.json_page)
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
        self.collection = plain_label("", name="collectionLine")
        lay.addWidget(self.collection)
        self.name = plain_label("", role="section", wrap=True, selectable=True)
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
        self.publish_card.sig_publish.connect(lambda: self.vm.publish())
        self.publish_card.sig_retry.connect(lambda: self.vm.retry_publish())
        self.publish_card.hide()  # shown once the view-model has the outbox
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
        lay.addWidget(self.description)
        lay.addSpacing(SPACE_S)
        self.traits_title = plain_label("", role="emphasis")
        lay.addWidget(self.traits_title)
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
            button = QPushButton(translate("TokenView", label))
            button.setCheckable(True)
            button.setProperty("segment", True)
            button.clicked.connect(lambda _c=False, k=key: self.vm.set_language(k))
            button.setObjectName("languageSegment")
            self.language_group.addButton(button)
            self.language_buttons[key] = button
            options.addWidget(button)
        options.addSpacing(SPACE_S if self.policy.may_see_advanced else 0)  # room before the CID profile, if shown
        self.profile_combo = QComboBox()
        for _label, profile in PROFILE_CHOICES:
            self.profile_combo.addItem("", profile)
        self.profile_combo.currentIndexChanged.connect(lambda i: self.vm.set_profile(PROFILE_CHOICES[i][1]))
        options.addWidget(self.profile_combo, 1)
        return options

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        actions.setSpacing(SPACE_S)
        self.export_button = QPushButton()
        self.export_button.setIcon(icon("image"))
        self.export_button.clicked.connect(self._on_export_clicked)
        actions.addWidget(self.export_button)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(lambda: start_verification(self, self.vm.verifier))
        self.verify_button.hide()  # shown when the view-model has a verifier (it needs the engine)
        actions.addWidget(self.verify_button)
        self.mint_button = QPushButton()
        self.mint_button.setProperty("primary", True)
        self.mint_button.clicked.connect(self._on_mint_clicked)
        actions.addWidget(self.mint_button, 1)
        return actions

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

    # --- API: what the app asks for, handed to the view-model ---------------------------------------------

    def set_design(self, design) -> None:
        """Show `design` (None: the empty state); the language starts at the first one that has a description."""
        self.vm.set_design(design)

    def set_language(self, language: str) -> None:
        self.vm.set_language(language)

    def set_profile(self, profile) -> None:
        self.vm.set_profile(profile)

    def refresh(self) -> None:
        """Assemble the token again (the view-model does, off the UI thread)."""
        self.vm.refresh()

    def export_car_to(self, path: Path | str) -> Path:
        return self.vm.export_car_to(path)

    def show_mint(self, record, network) -> None:
        """A mint of the design shown: chain, token id, owner, contract and the explorer links."""
        self.vm.show_mint(record, network)

    def set_publish_queue(self, queue: PublishQueue) -> None:
        self.vm.set_publish_queue(queue)
        self.publish_card.show()

    def set_verifier(self, verifier: Verifier) -> None:
        self.vm.verifier = verifier
        self.verify_button.setVisible(self.policy.may_see_advanced)

    def show_verifying(self, verifying: bool) -> None:
        """Verify is at work (the button says so and waits) or done."""
        self._verifying = verifying
        self.verify_button.setEnabled(not verifying)
        words = translate("TokenView", "Verifying…") if verifying else translate("TokenView", "Verify")
        self.verify_button.setText(words)

    # --- words ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every fixed word in the language in use, then what the state says, said again."""
        self.tabs.setTabText(0, translate("TokenView", "Preview"))
        self.loading_label.setText(translate("TokenView", LOADING_TEXT))
        self.loading_label.setAccessibleName(translate("TokenView", "Token loading"))
        self.collection.setText(translate("MintProof", COLLECTION_LINE))
        self.name.setAccessibleName(translate("TokenView", "Token name"))
        self.description.setAccessibleName(translate("TokenView", "Description"))
        self.image_card.setAccessibleName(translate("TokenView", "Token image"))
        self.traits_title.setText(translate("TokenView", "Traits"))
        for key, label in LANGUAGE_CHOICES:
            self.language_buttons[key].setText(translate("TokenView", label))
        self.language_buttons["ko"].setToolTip(translate("TokenView", "The token carries the Korean description"))
        self.language_buttons["en"].setToolTip(translate("TokenView", "The token carries the English description"))
        for i, (label, _profile) in enumerate(PROFILE_CHOICES):
            self.profile_combo.setItemText(i, translate("TokenView", label))
        self.profile_combo.setToolTip(
            translate("TokenView", "How the CIDs are computed: match the pinning service you will use")
        )
        self.profile_combo.setAccessibleName(translate("TokenView", "CID profile"))
        self.export_button.setText(translate("TokenView", "Export CAR…"))
        self.export_button.setToolTip(
            translate("TokenView", "Save the image and metadata as a CAR file for a pinning service")
        )
        self.verify_button.setToolTip(
            translate("TokenView", "Regenerate the image from the metadata and compare it with the one published")
        )
        self.show_verifying(self._verifying)
        self._show_mint_words(self.vm.mint)

    # --- display -----------------------------------------------------------------------------------

    def _on_design_changed(self, _design) -> None:
        self.notice.clear()  # also what Verify said about the token before
        self._show_state()

    def _show_state(self, *_changed) -> None:
        """Which page (empty, loading, the token) and which actions are open, from the view-model's state."""
        vm = self.vm
        if vm.design is None:
            page = PAGE_EMPTY
        elif vm.draft is None and vm.loading:
            page = PAGE_LOADING  # another design's token never stands in for this one's
        else:
            page = PAGE_TOKEN
        self.pages.setCurrentIndex(page)
        # The JSON tab; kept (closed) while a token loads, so the title does not jump when it arrives.
        self.tabs.setVisible(page != PAGE_EMPTY and self.policy.may_see_advanced)
        self.tabs.setEnabled(page == PAGE_TOKEN)
        settled = vm.draft is not None and not vm.loading
        minted = vm.mint is not None
        self.mint_button.setEnabled(settled and vm.draft.ready and not minted)
        self.export_button.setEnabled(settled)
        self.publish_card.setEnabled(not vm.loading)
        self._show_problems()

    def _show_problems(self, *_changed) -> None:
        vm = self.vm
        if vm.problem is not None:
            self.problems.show_message(*vm.problem)
        elif vm.draft is not None and vm.draft.problems:
            problems = vm.draft.problems  # said again at a language change, in case the core gave Messages
            self.problems.show_message(lambda: " ".join(map(str, problems)), severity="warning")
        else:
            self.problems.clear()

    def _on_draft_changed(self, draft: TokenDraft | None) -> None:
        if draft is not None:
            self._show_draft(draft)
        self._show_state()

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
        self.json_page.show_draft(draft)
        self._show_publish_state()

    def _on_mint_changed(self, mint) -> None:
        if mint is None:
            self.proof.show_not_minted()
        else:
            self.proof.show_mint(*mint)
        self._show_mint_words(mint)
        self._show_state()

    def _show_mint_words(self, mint) -> None:
        if mint is None:
            self.mint_button.setText(translate("TokenView", "Mint on Kaia"))
            shortcut = QKeySequence(MINT_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            self.mint_button.setToolTip(
                translate("TokenView", "Mint this token on Kaia ({shortcut})").format(shortcut=shortcut)
            )
        else:
            record, network = mint
            self.mint_button.setText(translate("TokenView", "Minted"))
            url = network.token_url(record.token_id, record.contract)
            self.mint_button.setToolTip(url or translate("TokenView", "Minted on Kaia"))

    def _on_language_changed(self, language: str) -> None:
        button = self.language_buttons.get(language)
        if button is not None:
            button.setChecked(True)

    def _on_profile_changed(self, profile) -> None:
        index = next((i for i, (_label, p) in enumerate(PROFILE_CHOICES) if p == profile), 0)
        if self.profile_combo.currentIndex() != index:
            self.profile_combo.setCurrentIndex(index)

    def _on_notice(self, notice) -> None:
        if notice is None:
            self.notice.clear()
        else:
            message, details, severity = notice
            self.notice.show_message(message, details, severity=severity)

    def _show_publish_state(self) -> None:
        status = self.vm.publish_status()
        if status is None:
            return
        self.publish_card.show_job(
            status["job"], busy=status["busy"], setup_problem=status["setup_problem"], can_publish=status["can_publish"]
        )
        if status["error"]:
            self.notice.show_message(status["error"])

    # --- slots -------------------------------------------------------------------------------------

    def _on_mint_clicked(self) -> None:
        draft = self.vm.draft
        if draft is not None and draft.ready and self.mint_button.isEnabled():
            self.sig_mint_requested.emit(draft)

    def _on_export_clicked(self) -> None:
        draft = self.vm.draft
        if draft is None:
            return
        path = ask_save_path(
            self,
            translate("TokenView", "Export CAR"),
            f"{draft.metadata_cid}.car",
            translate("TokenView", "CAR files (*.car)"),
        )
        if path is not None:
            self.vm.export_car(path)

    def _on_theme_changed(self, theme: Theme) -> None:
        bold = QFont(self.font())
        bold.setBold(True)  # the checked segment is bold: keep room so its label never clips
        widest = max(QFontMetrics(bold).horizontalAdvance(b.text()) for b in self.language_buttons.values())
        self.setStyleSheet(token_stylesheet(theme, widest + SPACE_S))
        self.export_button.setIcon(icon("image", theme.text))
        self.mint_button.setIcon(icon("wallet", theme.on_accent))
        for field in (self.metadata_link, self.image_link, self.metadata_cid, self.image_cid):
            field.refresh_icons()
        self.image_card.update()
