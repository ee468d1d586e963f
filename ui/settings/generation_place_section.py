"""Settings → Generation: where designs are generated — this computer, or a shared generation server (its address,
this computer's token, whether this computer may step in when the server cannot, and a connection test).

The address and the fallback are saved with the page's Save; the token goes to the system keyring at once through
its own row (ui/widgets/secret_row.py), like every secret. Either applies without a restart (the controller switches
the backend, app/generation/switching.py); while a design is being made it applies after it, and the section says
so (`show_waiting`). The test runs on the network executor and says what it found in words: the server's device and
queue, or the problem.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.fleet.settings import SERVER, FleetSettings, FleetTokenStore, server_address
from ui.i18n import Retranslating, translate
from ui.settings.saved_at_once import caption
from ui.settings.service_address import checked_service_address
from ui.tasks import run_in_background
from ui.theme import SPACE_M, SPACE_S, SPACE_XL, SPACE_XS, repolish
from ui.widgets.error_banner import plain_words
from ui.widgets.form_layout import form_layout
from ui.widgets.secret_row import SecretRow

USES = ("local", "server")


def use_word(use: str) -> str:
    if use == "server":
        return translate("GenerationPlaceSection", "A generation server")
    return translate("GenerationPlaceSection", "This computer")


def status_words(status) -> str:
    """What a connection test found (a RemoteBackend ServerStatus), as one sentence."""
    if status.message is not None:  # unreachable, or there but refusing (a token, a reply it cannot read)
        return str(status.message)  # a core message: said in the person's language
    if not status.reachable:
        return translate("GenerationPlaceSection", "The server could not be reached.")
    if status.queued == 0:
        return translate(
            "GenerationPlaceSection", "Connected. The server generates on {device} and is free now."
        ).format(device=status.device)
    if status.queued == 1:
        return translate(
            "GenerationPlaceSection", "Connected. The server generates on {device}; 1 design is waiting."
        ).format(device=status.device)
    return translate(
        "GenerationPlaceSection", "Connected. The server generates on {device}; {count} designs are waiting."
    ).format(device=status.device, count=status.queued)


class GenerationPlaceSection(Retranslating, QWidget):
    def __init__(self, tokens: FleetTokenStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tokens = tokens or FleetTokenStore()
        self._result = None  # () -> (words, is_problem) of the last test, said again in a new language
        self._waiting = False  # a change of place waits for the design being made now
        self._build()
        self.retranslate()
        self.load(FleetSettings())

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_S)
        self.title = QLabel()
        self.title.setProperty("role", "emphasis")
        lay.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(0)
        self.use_group = QButtonGroup(self)
        self.use_buttons: dict[str, QPushButton] = {}
        for use in USES:
            button = self.use_buttons[use] = QPushButton()
            button.setCheckable(True)
            button.setProperty("segment", True)
            self.use_group.addButton(button)
            button.toggled.connect(self._show_use)
            row.addWidget(button, 1)
        lay.addLayout(row)
        self.server_box = QWidget()
        box = QVBoxLayout(self.server_box)
        box.setContentsMargins(0, SPACE_XS, 0, 0)
        box.setSpacing(SPACE_S)
        form = form_layout()
        self.url = QLineEdit()
        self.url_label = QLabel()
        self.url_label.setBuddy(self.url)
        form.addRow(self.url_label, self.url)
        self.token_row = SecretRow(
            self.tokens,
            lambda: translate("GenerationPlaceSection", "Paste this computer's token"),
            _describe_token,
            what=lambda: translate("GenerationPlaceSection", "generation server token"),
        )
        self.token_label = QLabel()
        self.token_label.setBuddy(self.token_row.input)
        form.addRow(self.token_label, self.token_row)
        box.addLayout(form)
        self.fallback_check = QCheckBox()
        box.addWidget(self.fallback_check)
        self.fallback_caption = caption()
        self.fallback_caption.setContentsMargins(SPACE_XL + SPACE_XS, 0, 0, SPACE_XS)
        box.addWidget(self.fallback_caption)
        test_row = QHBoxLayout()
        test_row.setSpacing(SPACE_M)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        self.test_result = caption()
        test_row.addWidget(self.test_result, 1)
        box.addLayout(test_row)
        lay.addWidget(self.server_box)
        self.when_caption = caption()
        lay.addWidget(self.when_caption)

    def retranslate(self) -> None:
        self.title.setText(translate("GenerationPlaceSection", "Where designs are generated"))
        for use, button in self.use_buttons.items():
            button.setText(use_word(use))
        self.url_label.setText(translate("GenerationPlaceSection", "Server address"))
        self.token_label.setText(translate("GenerationPlaceSection", "Token"))
        self.url.setPlaceholderText(translate("GenerationPlaceSection", "e.g. https://gen.example.com"))
        self.url.setAccessibleName(translate("GenerationPlaceSection", "Generation server address"))
        self.url.setToolTip(
            translate("GenerationPlaceSection", "The address the campaign's staff gave for its generation server")
        )
        self.fallback_check.setText(
            translate("GenerationPlaceSection", "Also use this computer when the server cannot be reached")
        )
        self.fallback_caption.setText(
            translate(
                "GenerationPlaceSection",
                "When the server is unreachable or busy, designs are made here instead, more slowly without a "
                "graphics card.",
            )
        )
        self.test_button.setText(translate("GenerationPlaceSection", "Test connection"))
        self.test_button.setToolTip(
            translate("GenerationPlaceSection", "Ask the server what it runs on and how many designs wait")
        )
        self.when_caption.setText(
            translate("GenerationPlaceSection", "Applies once the design being generated now is finished.")
        )
        self.when_caption.setVisible(self._waiting)
        self._show_result()

    def show_waiting(self, waiting: bool) -> None:
        """Say (or stop saying) that the place just saved applies only once the design being made now is finished:
        until then new designs are made where the running one is."""
        self._waiting = waiting
        self.when_caption.setVisible(waiting)

    # --- values --------------------------------------------------------------------------------

    def load(self, fleet: FleetSettings) -> None:
        self.use_buttons.get(fleet.use, self.use_buttons["local"]).setChecked(True)
        self.url.setText(fleet.url)
        self.fallback_check.setChecked(fleet.allow_local_fallback)
        self._show_use()

    def chosen_use(self) -> str:
        return next((use for use, button in self.use_buttons.items() if button.isChecked()), "local")

    def values(self, kept: FleetSettings) -> FleetSettings:
        """`kept` (what this section does not show) with the choices made here; ValueError (InputError) in words for
        an address that cannot be used, or none where the server is chosen."""
        use = self.chosen_use()
        url = self._address(required=use == "server")
        return replace(kept, use=use, url=url, allow_local_fallback=self.fallback_check.isChecked())

    def invalid_field(self) -> QLineEdit | None:
        try:
            self._address(required=self.chosen_use() == "server")
        except ValueError:
            return self.url
        return None

    def _address(self, required: bool) -> str:
        name = translate("GenerationPlaceSection", "generation server")
        url = checked_service_address(self.url.text(), SERVER, name)
        if required and not url:
            server_address(FleetSettings(url=url))  # raises the core's "no address" in words
        return url

    # --- test ----------------------------------------------------------------------------------

    def test_connection(self) -> None:
        try:
            url = self._address(required=True)
        except ValueError as exc:
            words = plain_words(exc)[0]
            self._result = lambda: (words, True)
            self._show_result()
            return
        typed, timeout = self.token_row.input.text().strip(), 10.0
        tokens = self.tokens
        self.test_button.setEnabled(False)
        self._result = lambda: (translate("GenerationPlaceSection", "Asking the server…"), False)
        self._show_result()

        def probe():
            from app.fleet.remote import RemoteBackend  # the client only where a server is tested or used

            backend = RemoteBackend(url, typed or tokens.get().key or "", timeout_s=timeout)
            try:
                return backend.check()
            finally:
                backend.shutdown(1.0)

        run_in_background(probe, self._on_tested, self._on_test_failed, self, executor="network")

    def _on_tested(self, status) -> None:
        self.test_button.setEnabled(True)
        self._result = lambda: (status_words(status), not status.reachable or status.message is not None)
        self._show_result()

    def _on_test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        fallback = lambda: translate("GenerationPlaceSection", "The test could not be run. Try again.")  # noqa: E731
        self._result = lambda: (plain_words(error, fallback())[0], True)
        self._show_result()

    def _show_result(self) -> None:
        if self._result is None:
            self.test_result.hide()
            return
        words, problem = self._result()
        self.test_result.setText(words)
        self.test_result.setProperty("role", "" if problem else "caption")  # a problem reads as body text
        repolish(self.test_result)
        self.test_result.show()

    def _show_use(self, *_args) -> None:
        self.server_box.setVisible(self.chosen_use() == "server")


def _describe_token(lookup) -> str:
    if lookup.source == "env":
        return translate("GenerationPlaceSection", "Using the token from SM6_FLEET_TOKEN ({masked}).").format(
            masked=lookup.masked
        )
    if lookup.source == "session":
        return translate(
            "GenerationPlaceSection",
            "Using the token you entered, for this session only ({masked}); it is forgotten at quit.",
        ).format(masked=lookup.masked)
    if lookup.source == "keyring":
        return translate("GenerationPlaceSection", "Using the token saved in the system keyring ({masked}).").format(
            masked=lookup.masked
        )
    return translate("GenerationPlaceSection", "No token saved. The server's staff issue one for each computer.")
