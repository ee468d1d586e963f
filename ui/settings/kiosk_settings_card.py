"""Settings for the showroom kiosk, on a desktop before it becomes one: the staff PIN (typed twice), whether the app
starts as a kiosk, and the kiosk's idle timings.

Each change is saved at once, apart from the page's Save (like a key in the keyring beside it): a PIN half-saved
with other edits would leave staff unsure which PIN a kiosk takes. Kiosk mode can be turned on only once a PIN is
set, or the computer could lock itself into a kiosk nobody can leave.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.config import read_settings, save_settings
from app.errors import InputError
from app.fsutil import describe_os_error
from app.showroom.mode import with_enabled
from app.showroom.settings import KIOSK_LIMITS, KioskSettings
from app.showroom.staff import MAX_DIGITS, hash_pin, new_pin, pin_is_set
from ui.i18n import translate
from ui.settings.saved_at_once import caption, install_on_page
from ui.theme import repolish
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField

SaveKiosk = Callable[[KioskSettings], None]  # writes settings.toml with this kiosk section; OSError when it cannot

_TIMINGS = (  # field, what it is called (said again at each language change)
    ("still_there_after_s", lambda: translate("KioskSettingsCard", "“Still there?” after")),
    ("reset_after_s", lambda: translate("KioskSettingsCard", "Start over after")),
    ("wrong_pin_lockout_s", lambda: translate("KioskSettingsCard", "Lockout after 5 wrong PINs")),
)


class KioskSettingsCard(Card):
    def __init__(self, kiosk: KioskSettings, save: SaveKiosk, parent: QWidget | None = None) -> None:
        super().__init__(lambda: translate("KioskSettingsCard", "Showroom kiosk"), parent)
        self.kiosk = kiosk
        self._save = save
        self.note: tuple[str, object] | None = None  # ("ok"|"problem", what) or ("disk", reason), under the card
        self._build()
        self.retranslate()
        self.load(kiosk)

    def _build(self) -> None:
        self.explanation = caption()
        self.add_widget(self.explanation)
        self.pin_status = QLabel()
        self.pin_status.setTextFormat(Qt.TextFormat.PlainText)
        self.add_widget(self.pin_status)
        form = form_layout()
        self.pin = _pin_field()
        self.pin_again = _pin_field()
        self.pin_label, self.again_label = QLabel(), QLabel()
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.again_label, self.pin_again)
        row = QHBoxLayout()
        row.addStretch(1)
        self.set_pin_button = QPushButton()
        self.set_pin_button.clicked.connect(self.set_pin)
        self.pin_again.returnPressed.connect(self.set_pin)
        row.addWidget(self.set_pin_button)
        form.addRow(row)
        self.enabled_check = QCheckBox()
        self.enabled_check.toggled.connect(self._on_enabled_toggled)
        form.addRow(self.enabled_check)
        self.enabled_caption = caption()
        form.addRow(self.enabled_caption)
        # Saved in the [fleet] section (where designs are generated), at once like the rest of this card.
        self.server_only_check = QCheckBox()
        self.server_only_check.toggled.connect(self._on_server_only_toggled)
        form.addRow(self.server_only_check)
        self.server_only_caption = caption()
        form.addRow(self.server_only_caption)
        self._save_server_only: Callable[[bool], None] | None = None
        self.timing_fields: dict[str, NumberField] = {}
        self.timing_labels: dict[str, QLabel] = {}
        for name, what in _TIMINGS:  # one form with the PIN's rows, so every field lines up
            low, high = KIOSK_LIMITS[name]
            field = NumberField(what, low, high, unit=lambda: translate("KioskSettingsCard", "seconds"))
            field.editingFinished.connect(self._on_timing_edited)
            label = QLabel()
            label.setBuddy(field)
            self.timing_fields[name], self.timing_labels[name] = field, label
            form.addRow(label, field.row)
        self.add_layout(form)
        self.message = caption()
        self.message.hide()
        self.add_widget(self.message)

    def retranslate(self) -> None:
        super().retranslate()
        self.explanation.setText(
            translate(
                "KioskSettingsCard",
                "A kiosk is this app as a showroom screen for walk-up visitors: full screen, a guided visit, no "
                "settings or files. Staff open the staff panel with five taps on the logo (or Ctrl+Alt+Shift+S) "
                "and the staff PIN. Changes here are saved at once.",
            )
        )
        self.pin_label.setText(translate("KioskSettingsCard", "New staff PIN"))
        self.again_label.setText(translate("KioskSettingsCard", "Same PIN again"))
        self.pin.setPlaceholderText(translate("KioskSettingsCard", "4 to 8 digits"))
        self.pin_again.setPlaceholderText(translate("KioskSettingsCard", "4 to 8 digits"))
        self.pin.setAccessibleName(translate("KioskSettingsCard", "New staff PIN"))
        self.pin_again.setAccessibleName(translate("KioskSettingsCard", "Same PIN again"))
        self.enabled_check.setText(translate("KioskSettingsCard", "Start in kiosk mode"))
        self.enabled_caption.setText(
            translate(
                "KioskSettingsCard",
                "From the next start, full screen with no way out but the staff panel. Needs a staff PIN.",
            )
        )
        self.server_only_check.setText(translate("KioskSettingsCard", "Kiosks generate on the server only"))
        self.server_only_caption.setText(
            translate(
                "KioskSettingsCard",
                "In kiosk mode, every design is made on the generation server set under Generation, even when this "
                "computer is set to generate itself. Applies from the next start.",
            )
        )
        for name, what in _TIMINGS:
            self.timing_labels[name].setText(what())
        self._show_pin_state()
        self._show_note()

    # --- values --------------------------------------------------------------------------------

    def load(self, kiosk: KioskSettings) -> None:
        self.kiosk = kiosk
        self.enabled_check.blockSignals(True)
        self.enabled_check.setChecked(kiosk.enabled)
        self.enabled_check.blockSignals(False)
        for name, field in self.timing_fields.items():
            field.setValue(getattr(kiosk, name))
        self._show_pin_state()

    def _show_pin_state(self) -> None:
        has_pin = pin_is_set(self.kiosk.pin_hash)
        if has_pin:
            self.pin_status.setText(translate("KioskSettingsCard", "A staff PIN is set."))
            self.set_pin_button.setText(translate("KioskSettingsCard", "Change PIN"))
        else:
            self.pin_status.setText(translate("KioskSettingsCard", "No staff PIN is set yet."))
            self.set_pin_button.setText(translate("KioskSettingsCard", "Set PIN"))
        self.enabled_check.setEnabled(has_pin or self.kiosk.enabled)  # on without a PIN (an edited file): may go off

    def _store(self, kiosk: KioskSettings, done: str) -> bool:
        try:
            self._save(kiosk)
        except OSError as exc:
            self.note = ("disk", describe_os_error(exc))
            self._show_note()
            return False
        self.kiosk = kiosk
        self.note = ("ok", done)
        self._show_pin_state()
        self._show_note()
        return True

    # --- slots ---------------------------------------------------------------------------------

    def set_pin(self) -> None:
        try:
            pin = new_pin(self.pin.text(), self.pin_again.text())
        except InputError as exc:
            self.note = ("problem", exc.msg)
            self._show_note()
            self.pin.setFocus()
            return
        stored = replace(self.kiosk, pin_hash=hash_pin(pin))
        if self._store(stored, "pin"):
            self.pin.clear()
            self.pin_again.clear()

    def _on_enabled_toggled(self, on: bool) -> None:
        try:
            kiosk = with_enabled(self.kiosk, on)
        except InputError as exc:
            self.enabled_check.blockSignals(True)
            self.enabled_check.setChecked(False)
            self.enabled_check.blockSignals(False)
            self.note = ("problem", exc.msg)
            self._show_note()
            return
        if not self._store(kiosk, "on" if on else "off"):
            self.enabled_check.blockSignals(True)
            self.enabled_check.setChecked(self.kiosk.enabled)
            self.enabled_check.blockSignals(False)

    def use_server_only(self, on: bool, save: Callable[[bool], None]) -> None:
        """Show the kiosk's server policy (`fleet.kiosk_server_only`) as `on`; `save(on)` writes a change (OSError
        when it cannot)."""
        self._save_server_only = save
        self.server_only_check.blockSignals(True)
        self.server_only_check.setChecked(on)
        self.server_only_check.blockSignals(False)

    def _on_server_only_toggled(self, on: bool) -> None:
        if self._save_server_only is None:
            return
        try:
            self._save_server_only(on)
        except OSError as exc:
            self.server_only_check.blockSignals(True)
            self.server_only_check.setChecked(not on)
            self.server_only_check.blockSignals(False)
            self.note = ("disk", describe_os_error(exc))
        else:
            self.note = ("ok", "server_only_on" if on else "server_only_off")
        self._show_note()

    def _on_timing_edited(self) -> None:
        if not all(field.is_valid() for field in self.timing_fields.values()):
            return  # the field says what it takes, under it
        values = {name: int(field.value()) for name, field in self.timing_fields.items()}
        if values["reset_after_s"] <= values["still_there_after_s"]:
            self.note = ("problem", "order")
            self._show_note()
            return
        kiosk = replace(self.kiosk, **values)
        if kiosk != self.kiosk:
            self._store(kiosk, "timings")

    def _show_note(self) -> None:
        if self.note is None:
            self.message.hide()
            return
        kind, what = self.note
        words = {
            "pin": translate("KioskSettingsCard", "Staff PIN saved."),
            "on": translate("KioskSettingsCard", "The app starts in kiosk mode from the next start."),
            "off": translate("KioskSettingsCard", "The app starts as usual from the next start."),
            "timings": translate("KioskSettingsCard", "Kiosk timings saved."),
            "server_only_on": translate(
                "KioskSettingsCard", "From the next start, kiosks generate on the server only."
            ),
            "server_only_off": translate(
                "KioskSettingsCard", "From the next start, kiosks generate where Generation says."
            ),
            "order": translate("KioskSettingsCard", "Starting over must come later than “Still there?”."),
        }
        if kind == "disk":
            text = translate("KioskSettingsCard", "Not saved: {reason}").format(reason=str(what))
        else:
            text = str(what) if not isinstance(what, str) else words.get(what, "")
        self.message.setProperty("role", "caption" if kind == "ok" else "")  # a problem reads as body text
        repolish(self.message)
        self.message.setText(text)
        self.message.show()


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_DIGITS)
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}"))  # i18n: not shown
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return field


def install_showroom_card(page) -> KioskSettingsCard:
    """Put the kiosk card on the Settings page (its left column, above the stretch). Each change writes the page's
    last saved settings with the new kiosk section and tells the page and the window, as the page's Save does."""
    card = install_on_page(page, "kiosk", KioskSettingsCard)
    card.use_server_only(page._original.fleet.kiosk_server_only, lambda on: _save_server_only(page, on))
    return card


def _save_server_only(page, on: bool) -> None:
    """Write the kiosk's server policy into the file as it is now (like the card's other changes), and tell the page
    and the window. The page's own unsaved Generation edits keep it: they start from what the page saved last."""
    fresh = read_settings(page._settings_path, set_aside=False)
    new = fresh.settings if not fresh.warning else copy.deepcopy(page._original)
    new.fleet = replace(new.fleet, kiosk_server_only=on)
    save_settings(new, page._settings_path)
    page.sig_settings_changed.emit(new)
