"""The kiosk's settings, which only staff change (the staff panel, or Settings on a desktop before a kiosk is set up).

No secret is kept in the clear: the staff PIN is stored as a salted scrypt hash (app/showroom/staff.py)."""

from __future__ import annotations

from dataclasses import dataclass

from app.settings_checks import fix_fields

# What staff may set (the staff panel uses the same bounds).
KIOSK_LIMITS = {"still_there_after_s": (15, 900), "reset_after_s": (20, 1800), "wrong_pin_lockout_s": (10, 3600)}


@dataclass(frozen=True)
class KioskSettings:
    enabled: bool = False  # start in kiosk mode (full screen, the visitor's flow); `--kiosk` turns it on
    still_there_after_s: int = 60  # no input this long: "Still there?" with a countdown
    reset_after_s: int = 90  # no input this long: back to the attract screen, the visitor's work wiped from view
    pin_hash: str = ""  # "scrypt$<salt hex>$<hash hex>"; empty: no PIN set, the staff panel cannot be opened
    wrong_pin_lockout_s: int = 60  # after 5 wrong PINs in a row, no try is taken for this long

    def validated(self, reasons: list[str] | None = None) -> "KioskSettings":
        checked = fix_fields("kiosk", self, limits=KIOSK_LIMITS, reasons=reasons)
        if checked.reset_after_s <= checked.still_there_after_s:  # the countdown needs time to run
            if reasons is not None:
                reasons.append("kiosk.reset_after_s: not after still_there_after_s; using both defaults")
            checked = KioskSettings(checked.enabled, 60, 90, checked.pin_hash, checked.wrong_pin_lockout_s)
        return checked
