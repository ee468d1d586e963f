"""Wires the core services to the window: workspaces, status bar, models, settings and the moves between them."""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from app.changes import SettingsChanged
from app.config import Settings
from app.description.service import DescriptionService
from app.errors import StorageError
from app.fsutil import describe_os_error
from app.generation import events as ev
from app.kiosk import DESKTOP, Policy
from app.services import Services, open_services
from app.token.verify import verify
from ui.app_controller_models import ModelWiring
from ui.app_controller_place import PlaceWiring
from ui.describe.describe_view import DescribeView
from ui.describe.describe_vm import DescribeViewModel
from ui.design.design_vm import DesignViewModel
from ui.design.draft_keeper import DraftKeeper
from ui.design.picture_checks import when_allowed
from ui.design.studio_view import StudioView
from ui.dialog_lifetime import LastDialog, free_when_closed
from ui.engine_bridge import EngineBridge
from ui.generation_place import GenerationPlace
from ui.i18n import apply_language, language_for, translate
from ui.library.library_view import LibraryView
from ui.library.library_vm import LibraryViewModel
from ui.main_window import MainWindow
from ui.models.first_run_view import FirstRunView
from ui.settings.settings_page import SettingsPage
from ui.tasks import ChangeRelay, run_in_background
from ui.theme import apply_theme
from ui.token.publish_queue import PublishQueue
from ui.token.token_view import TokenView
from ui.token.token_vm import TokenViewModel
from ui.wallet.mint_dialog import MintDialog
from ui.wallet.wallet_view import WalletView
from ui.wallet.wallet_vm import WalletViewModel
from ui.widgets.empty_state import EmptyState
from ui.widgets.error_banner import plain_words

log = logging.getLogger(__name__)

# The wallet says each choice in the person's language by its key (ui/wallet/words.py); these are its order.
NETWORK_CHOICES = [
    ("sandbox", "Sandbox (test)"),  # i18n: not shown
    ("kairos", "Kairos testnet"),  # i18n: not shown
    ("mainnet", "Kaia Mainnet"),  # i18n: not shown
    ("custom", "Custom node"),  # i18n: not shown
]


def _mint_again_gone() -> str:
    return translate("AppController", "That design is no longer in the library, so it cannot be minted.")


class AppController(ModelWiring, PlaceWiring, QObject):
    # Per-use dialogs are freed when closed (at a kiosk they piled up, one per visitor); these read None after.
    import_dialog = LastDialog()
    mint_dialog = LastDialog()

    def __init__(self, settings: Settings, policy: Policy = DESKTOP, services: Services | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.policy = policy  # what a person may see and do (app/kiosk.py); every view gets it, none asks "kiosk?"
        self.window = MainWindow()
        self.kiosk_window = None  # the visitor's guided flow (ui/kiosk/), in front where the policy says so
        self.services: Services | None = None
        self._started = False  # set after the first paint: only then may torch load
        self._compiling = False  # the UNet is being compiled for the GPU in the background (Settings › Generation)
        try:
            self.services = services or open_services(settings=settings, policy=policy)
        except StorageError as exc:
            self._show_storage_error(exc)
            return
        self._build_workspaces()
        self.refresh_models()
        self._build_guided_flow()

    def _build_guided_flow(self) -> None:
        if self.policy.guided_flow:  # the workspaces stay built behind it: the steps share their view-models
            from ui.kiosk.kiosk_window import KioskWindow

            self.kiosk_window = KioskWindow(self)
            self.staff_gate = self.kiosk_window.equip()  # its on-screen keyboard and the staff's way in

    @property
    def shown_window(self):
        """The window a person sees: the kiosk's guided flow where the policy has one, else the main window."""
        return self.kiosk_window if self.kiosk_window is not None else self.window

    def show_problem(self, message: str, details: str) -> None:
        """An error nobody caught (ui/crash_guard.py): a notice in the window; at a kiosk, its failsafe screen."""
        if self.kiosk_window is not None:
            self.kiosk_window.show_failsafe()
        else:
            self.window.show_notice(message, details, "error")

    # ----- construction -----
    def _build_workspaces(self) -> None:
        services = self.services
        if not self.policy.sees_every_design:  # a visitor's session starts as the window opens: earlier ones hidden
            services.library.set_visible_since(time.time())
        self.bridge = EngineBridge(services.backend, self)
        self.bridge.sig_event.connect(self._on_engine_event)
        self.place = GenerationPlace(services.backend, self.bridge, self.window, self)  # the status bar's "where"
        # What the core changed reaches each view-model through the feed; this relay is only for what the window
        # itself owns (its theme) and what belongs to no view-model yet.
        self.changes = ChangeRelay(services.changes, self)
        self.changes.changed.connect(self._on_change)
        self.design_vm = DesignViewModel(
            self.bridge,
            services.library,
            parent=self,
            changes=services.changes,
            safety=services.safety,
            enforced=self.policy.enforces_content_safety,
        )
        # The prompt and settings being composed survive a quit or a crash; a kiosk's visitors each start afresh.
        keeps_draft = self.policy.sees_every_design and not services.library.is_read_only
        self.draft_keeper = DraftKeeper(self.design_vm, services.library.data_dir) if keeps_draft else None
        self.studio = StudioView(self.design_vm, policy=self.policy)
        self.first_run = FirstRunView(policy=self.policy)
        self.design_page = QStackedWidget()
        self.design_page.addWidget(self.first_run)
        self.design_page.addWidget(self.studio)
        self.library_vm = LibraryViewModel(services.library, self, policy=self.policy, checks=self.design_vm.checks)
        self.library_view = LibraryView(self.library_vm)
        w = self.window
        self.describe_vm = DescribeViewModel(
            DescriptionService(
                services.library,
                settings=lambda: self._settings_now().describe,
                mention_seed=self.policy.may_see_advanced,  # a showroom visitor's text leaves the seed out
            ),
            self,
            changes=services.changes,
        )
        self.describe_vm.char_limit = services.settings.describe.char_limit
        self.describe_view = DescribeView(self.describe_vm, policy=self.policy)
        w.add_workspace("design", self.design_page, lambda: translate("AppController", "Design"), "design")
        w.add_workspace("describe", self.describe_view, lambda: translate("AppController", "Describe"), "describe")
        self.publish_queue = PublishQueue(services.publisher, self)
        self.token_vm = TokenViewModel(
            services.library,
            feed=getattr(services, "changes", None),
            chain=services.chain,
            network=lambda: self._settings_now().chain.selected_network(),
            publish_queue=self.publish_queue,
            verifier=lambda metadata, image: verify(self.services.backend, metadata, image),
            parent=self,
        )
        self.token_view = TokenView(self.token_vm, policy=self.policy)
        w.add_workspace("token", self.token_view, lambda: translate("AppController", "Token"), "token")
        self.wallet_vm = WalletViewModel(
            services.chain,
            feed=getattr(services, "changes", None),
            show_activity=self.policy.sees_every_design,
            parent=self,
        )
        self.wallet_view = WalletView(self.wallet_vm, NETWORK_CHOICES, self.policy)
        self.wallet_view.sig_network_chosen.connect(self._on_network_chosen)
        w.add_workspace("wallet", self.wallet_view, lambda: translate("AppController", "Wallet"), "wallet")
        w.add_workspace("library", self.library_view, lambda: translate("AppController", "Library"), "library")
        if self.policy.may_open_settings:  # the page is made when first opened
            curation_title = lambda: translate("AppController", "Curation")  # noqa: E731 - staff only, never a kiosk
            w.add_workspace("curation", self._make_curation_page, curation_title, "curation")
            settings_title = lambda: translate("AppController", "Settings")  # noqa: E731 - said again on a change
            w.add_workspace("settings", self._make_settings_page, settings_title, "settings")
            self.describe_view.sig_open_settings.connect(lambda: w.show_workspace("settings"))

        self.first_run.sig_import_requested.connect(self.open_import_dialog)
        self.first_run.sig_demo_requested.connect(self.install_demo_model)
        self.first_run.sig_rescan_requested.connect(self.rescan_models)
        self.studio.controls.import_model.clicked.connect(self.open_import_dialog)
        self.wire_models_entry_points()  # Manage models… and the guide's "see Models" link
        self.design_vm.model_id_changed.connect(self._on_model_chosen)
        self.design_vm.sig_use_design.connect(self._on_use_design)
        self.describe_view.sig_pick_design.connect(lambda: w.show_workspace("library"))
        self.describe_view.sig_preview_token.connect(self._on_preview_token)
        self.token_view.sig_pick_design.connect(lambda: w.show_workspace("library"))
        self.token_view.sig_mint_requested.connect(self._on_mint_requested)
        self.wallet_vm.sig_mint.connect(self.open_mint_dialog)  # a mint that waited for set-up or unlock
        self.wallet_view.sig_mint_again.connect(self._on_mint_again)
        w.sig_workspace_changed.connect(self._on_workspace_changed)
        self.library_view.sig_open_in_studio.connect(self._on_open_in_studio)
        self.library_view.sig_go_to_design.connect(lambda: w.show_workspace("design"))
        if services.library.is_read_only:  # viewing mode: say why nothing will be saved where the person starts
            self.design_vm.error = (services.library.read_only_reason, "")
            self.first_run.show_error(services.library.read_only_reason)

    def _settings_now(self) -> Settings:
        """The settings in use; after shutdown, the last ones (a view re-saying its words at a late language change
        still reads them)."""
        return self.services.settings if self.services is not None else self.settings

    def _make_settings_page(self) -> SettingsPage:
        page = SettingsPage(self.services.settings)
        page.sig_settings_changed.connect(self._on_settings_changed)
        page.place_section.token_row.sig_changed.connect(lambda _lookup: self._follow_place())  # a token, saved
        self._place_section = page.place_section
        page.models_line.button.clicked.connect(self.open_models_dialog)
        return page

    def _make_curation_page(self):
        from app.curation.workplace import default_database_file
        from ui.curation.curation_view import CurationView
        from ui.curation.curation_vm import CurationViewModel

        def save_judge(name: str) -> None:
            settings = self.services.settings
            self._save_settings(replace(settings, curation=replace(settings.curation, judge=name)))

        vm = CurationViewModel(
            lambda: self._settings_now().curation,
            default_database_file(),
            save_judge=save_judge,
            app_settings=self._settings_now,
            chain=self.services.chain,
            backend=self.services.backend,
        )
        self.curation_view = CurationView(vm)
        self.curation_view.sig_open_settings.connect(lambda: self.window.show_workspace("settings"))
        vm.open()
        return self.curation_view

    @property
    def settings_page(self) -> SettingsPage | None:
        """The Settings workspace (made now if it was never opened); None where the policy has no Settings."""
        if "settings" not in self.window.workspace_keys():
            return None
        return self.window.workspace("settings")

    def start_visitor_session(self) -> None:
        """A new visitor at the kiosk: from now on every workspace lists only the designs made from now on (a filter
        in the store, so no path reaches an earlier visitor's), and nothing the last visitor made, searched or
        selected stays on screen. Outside kiosk mode there are no visitors, and nothing changes."""
        if self.policy.sees_every_design or self.services is None:
            return
        self.services.library.set_visible_since(time.time())
        self.library_view.start_over()
        vm = self.design_vm
        vm.current_design, vm.variations, vm.lineage, vm.preview, vm.prompt = None, [], [], None, ""
        self.describe_vm.set_design(None)
        self.token_vm.set_design(None)

    def _show_storage_error(self, exc: StorageError) -> None:
        # Functions, not words: the page says them again when the language changes (ui/widgets/words.py).
        files, again = self.policy.may_use_files, lambda: translate("AppController", "Try again")
        self.storage_page = EmptyState(
            "error",
            lambda: translate("AppController", "Your data folder cannot be used"),
            exc.msg.render,
            (lambda: translate("AppController", "Choose another folder…")) if files else again,
            again if files else None,
        )
        if self.policy.may_use_files:  # choosing a folder is a file dialog
            self.storage_page.sig_primary_clicked.connect(self._on_choose_data_folder)
            self.storage_page.sig_secondary_clicked.connect(self.retry_storage)
        else:
            self.storage_page.sig_primary_clicked.connect(self.retry_storage)
        self.window.add_workspace("design", self.storage_page, lambda: translate("AppController", "Design"), "design")

    def _on_choose_data_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self.window, translate("AppController", "Choose a folder for your designs")
        )
        if folder:
            self.use_data_folder(folder)

    def use_data_folder(self, folder: str) -> bool:
        """Remember `folder` as the data folder (in settings.toml) and open it."""
        from app.config import save_settings

        self.settings.data_dir = folder
        try:
            save_settings(self.settings)
        except OSError as exc:
            reason = describe_os_error(exc)
            said = lambda: translate("AppController", "The choice could not be saved: {reason}.")  # noqa: E731
            self.storage_page.set_text(lambda: said().format(reason=reason))
            return False
        return self.retry_storage()

    def retry_storage(self) -> bool:
        """Open the data folder again (after a fix or a new choice); on success the full window replaces this one."""
        try:
            self.services = open_services(settings=self.settings, policy=self.policy)
        except StorageError as exc:
            self.storage_page.set_text(exc.msg.render)
            return False
        old = self.window
        self.window = MainWindow()
        self._build_workspaces()
        self.refresh_models()
        self.window.setGeometry(old.geometry())
        self._build_guided_flow()
        if self.kiosk_window is not None:
            self.kiosk_window.showFullScreen()
        else:
            self.window.show()
        old.hide()
        old.deleteLater()
        self.start_background_work()
        return True

    # ----- models -----
    # ----- settings -----
    def _on_settings_changed(self, settings: Settings) -> None:
        """The Settings page saved its file: use it; each view-model hears which parts changed (SettingsChanged)."""
        settings.generation.model_id = self.services.settings.generation.model_id
        self.services.use_settings(settings)  # a new place for generating switches the backend (app/services.py)
        self.settings = self.services.settings
        self._say_place_waits()

    def _save_settings(self, new: Settings) -> None:
        try:
            self.services.save_settings(new)
        except OSError as exc:  # not worth interrupting the user: the choice still applies to this session
            log.warning("Could not save settings: %s", exc)
            self.services.use_settings(new)
        self.settings = self.services.settings

    def _on_change(self, change) -> None:
        if not isinstance(change, SettingsChanged) or self.services is None:
            return
        settings = change.settings
        if "theme" in change.sections:  # re-styling the whole window freezes it for up to a second: only on a change
            from PySide6.QtWidgets import QApplication

            apply_theme(QApplication.instance(), settings.theme, self.policy)
        if "language" in change.sections:  # every window says its words again, without a restart
            apply_language(language_for(settings.language))
        if "publish" in change.sections:
            self.publish_queue.kick()  # a node set up just now takes what waits in the outbox
        if "chain" in change.sections:
            self.wallet_vm.use_network(settings.chain.selected_network())

    # ----- background work -----
    def start_background_work(self) -> None:
        self._started = True
        if self.services is not None:
            self.publish_queue.start()
            self.token_vm.start()
            self.wallet_vm.start()
        if self.services and any(m.usable for m in self.services.backend.models()):
            self.services.backend.preload(self.design_vm.model_id)

    def shutdown(self) -> None:
        if self.kiosk_window is not None:
            self.kiosk_window.close_for_good()
            self.kiosk_window = None
        if getattr(self, "describe_vm", None) is not None:
            self.describe_vm.close()  # the last second of typing is written; late answers are dropped
        if getattr(self, "design_vm", None) is not None:
            self.design_vm.finish_writes()  # a star given just before quitting, before the library closes
        if getattr(self, "draft_keeper", None) is not None:
            self.draft_keeper.close()  # the last second of the prompt being typed is written
        if getattr(self, "publish_queue", None) is not None:
            self.publish_queue.stop()
        if getattr(self, "place", None) is not None:
            self.place.stop()
        if getattr(self, "bridge", None) is not None:
            self.bridge.close()  # the window stops listening before the backend stops
        if getattr(self, "curation_view", None) is not None:
            self.curation_view.close_work()  # polling stops, the last scores are written, the store closes
        if self.services is not None:
            self.settings = self.services.settings  # what _settings_now() gives from here on
            self.services.close()
            self.services = None

    # ----- events -----
    def _on_engine_event(self, event) -> None:
        if self.services is None:  # queued before shutdown, delivered after: nothing left to update
            return
        w = self.window
        if isinstance(event, ev.ModelLoading):
            if event.stage == "loading":
                w.set_busy(True, lambda: translate("AppController", "Loading model…"))
            else:
                w.set_busy(True, lambda: translate("AppController", "Checking model…"))
        elif isinstance(event, ev.ModelLoaded):
            w.set_model(event.label)
            # The model was hashed on its way in: show the short hash beside its name.
            self.studio.controls.set_models(self.services.backend.models(), self.design_vm.model_id)
        elif isinstance(event, (ev.JobStarted, ev.StepProgress)):
            w.set_busy(True, lambda: translate("AppController", "Generating…"))
        elif isinstance(event, ev.QueuePosition):
            w.set_busy(True, lambda: translate("AppController", "Waiting for the server…"))
        elif isinstance(event, ev.BackendChanged):
            self.follow_new_place()
        elif isinstance(event, ev.Compiling):
            self._compiling = event.active
        if isinstance(event, (ev.ModelLoaded, ev.ModelLoadFailed, ev.BackendChanged, ev.Compiling, *ev.JOB_ENDS)):
            if not self.services.backend.jobs():
                if self._compiling:  # designs can be made meanwhile, at the usual speed: it is said, not waited for
                    w.set_busy(True, lambda: translate("AppController", "Compiling for the graphics card…"))
                else:
                    w.set_busy(False)

    def _on_preview_token(self, design, language: str) -> None:
        def show() -> None:
            self.token_vm.set_design(design, language)
            self.window.show_workspace("token")

        when_allowed(
            self.design_vm.checks, design, show, self.window.show_notice
        )  # a held-back picture goes no further

    def _on_workspace_changed(self, key: str) -> None:
        if key != "token":
            return
        # The token shows exactly the description on screen: what the flush saves reaches it as DescriptionSaved.
        self.describe_vm.flush()
        if self.token_vm.design is None and self.describe_vm.design is not None:
            self.token_vm.set_design(self.describe_vm.design)

    def _on_use_design(self, design) -> None:
        self.describe_vm.set_design(design)
        self.window.show_workspace("describe")

    # ----- minting -----
    def _on_mint_requested(self, draft) -> None:
        def mint() -> None:
            self.window.show_workspace("wallet")
            self.wallet_vm.request_mint(draft)  # at once when unlocked, else after set-up or unlock (sig_mint)

        when_allowed(self.design_vm.checks, draft.design, mint, self.window.show_notice)

    def _on_mint_again(self, design_id: str) -> None:
        if self.services is None:
            return
        library = self.services.library  # read on the `disk` executor: nothing shown is queried on the UI thread
        run_in_background(
            lambda: library.get(design_id),
            lambda design: self._mint_again(design_id, design),
            lambda exc: setattr(self.wallet_vm, "error", (*plain_words(exc, _mint_again_gone()), "error")),
            self.window,
        )

    def _mint_again(self, design_id: str, design) -> None:
        if design is None:
            self.wallet_vm.error = (_mint_again_gone(), "", "error")
            return
        self.token_vm.set_design(design)

        def mint(draft) -> None:
            if draft is not None and draft.ready and draft.design.id == design_id:
                self._on_mint_requested(draft)
            else:
                self.window.show_workspace("token")  # it needs its description first: the token view says so

        self.token_vm.when_ready(mint)

    def open_mint_dialog(self, draft, address: str) -> MintDialog:
        queue = self.publish_queue
        dialog = MintDialog(
            self.wallet_vm.service,
            draft,
            address,
            self.window,
            policy=self.policy,
            network=self.services.settings.chain.selected_network(),
            files_state=lambda: queue.state(draft.metadata_cid),  # the review warns while they are local only
            publish=lambda: queue.publish(draft),
        )
        free_when_closed(dialog)
        dialog.sig_view_token.connect(self._on_view_token)
        dialog.open()
        self.mint_dialog = dialog
        return dialog

    def _on_view_token(self, design) -> None:
        self.token_vm.set_design(design)
        self.window.show_workspace("token")

    def _on_network_chosen(self, key: str) -> None:
        settings = self.services.settings
        if key != settings.chain.network:
            self._save_settings(replace(settings, chain=replace(settings.chain, network=key)))  # "chain" changed

    def _on_open_in_studio(self, design) -> None:
        self.design_vm.open_design(design)
        self.window.show_workspace("design")
