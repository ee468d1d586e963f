"""What the showroom's core tells staff, as message ids (app/messages.py): the staff PIN, kiosk mode, exports."""

from __future__ import annotations

from app.messages import Msg

PIN_FORM = Msg("staff.pin_form", "A staff PIN is 4 to 8 digits (0–9), nothing else.")
PINS_DIFFER = Msg("staff.pins_differ", "The two PINs are not the same. Type the new PIN in both fields again.")
WRONG_PIN = Msg("staff.wrong_pin", "That PIN is not right. {tries} more tries, then the staff panel locks for a while.")
WRONG_PIN_LAST_TRY = Msg("staff.wrong_pin_last_try", "That PIN is not right. One more wrong try locks the staff panel.")
LOCKED_OUT = Msg("staff.locked_out", "Too many wrong PINs. Try again in {time}.")
NO_PIN_SET = Msg(
    "staff.no_pin_set",
    "No staff PIN is set on this kiosk. On the computer, start `sm6-studio --no-kiosk` and set one in Settings, "
    "under Kiosk.",
)
PIN_FIRST = Msg(
    "kiosk.pin_first",
    "Set a staff PIN first: without one, nobody could open the staff panel to leave kiosk mode.",
)
NOT_KEPT_WITHOUT_PIN = Msg(
    "kiosk.not_kept_without_pin",
    "Kiosk mode is on for this run only: no staff PIN is set, so it is not kept for the next start. Set a PIN in "
    "Settings, under Kiosk, to keep it.",
)
SETTINGS_NOT_SAVED = Msg(
    "kiosk.settings_not_saved",
    "Kiosk mode could not be saved for the next start ({reason}); it is on for this run.",
)
EXPORT_FAILED = Msg("staff.export_failed", "The submissions could not be written to {folder}: {reason}.")
HELP_NO_KIOSK = Msg(
    "kiosk.help_no_kiosk", "open the desktop window and turn kiosk mode off (for staff without the staff panel)"
)
EXIT_NOT_SAVED = Msg(
    "kiosk.exit_not_saved",
    "Kiosk mode could not be turned off ({reason}), so the kiosk stays as it is. Check the settings folder, then "
    "try again.",
)
