"""`sm6-studio kiosk-at-boot on|off|status`: the showroom kiosk starts when this account signs in, and again
whenever it stops (app/showroom/at_boot.py does it for each system).

"on" keeps kiosk mode on in the settings as `--kiosk` does, and refuses without a staff PIN: a computer must never
lock itself into a kiosk nobody can leave. "off" undoes both, PIN or not.
"""

from __future__ import annotations

import argparse
import copy
from typing import Any

from app.cli_messages import helps
from app.errors import UserFacingError
from app.fsutil import describe_os_error
from app.messages import Msg
from app.showroom import at_boot
from app.showroom.at_boot_files import program_command
from app.showroom.mode import with_enabled
from app.showroom.staff import pin_is_set

HELP = Msg("kiosk.at_boot.help", "start the showroom kiosk when this account signs in, and again whenever it stops")
HELP_ACTION = Msg("kiosk.at_boot.help_action", "on: start it at sign-in; off: no longer; status: say which")
PIN_FIRST = Msg(
    "kiosk.at_boot.pin_first",
    "Set a staff PIN first (in the app: Settings → Showroom kiosk → New staff PIN): without one, nobody could leave "
    "a kiosk that starts at every sign-in. Nothing was changed.",
)
SETTINGS_UNUSABLE = Msg(
    "kiosk.at_boot.settings_unusable",
    "Nothing was changed, because the settings file is not as the app wrote it: {problem}",
)
NOT_SAVED = Msg(
    "kiosk.at_boot.not_saved", "Kiosk mode could not be saved in the settings ({reason}). Nothing was changed."
)
MODE_LEFT = Msg(
    "kiosk.at_boot.mode_left",
    "Kiosk mode is left as the settings file has it, because that file is not as the app wrote it: {problem}",
)
MODE_ON = Msg(
    "kiosk.at_boot.mode_on", "Kiosk mode is on: the app opens as the kiosk. Staff leave it from the staff panel."
)
MODE_OFF = Msg("kiosk.at_boot.mode_off", "Kiosk mode is off: the app opens as the desktop window.")
MODE_NOT_OFF = Msg(
    "kiosk.at_boot.mode_not_off",
    "Kiosk mode could not be turned off ({reason}), so the app still opens as the kiosk: `sm6-studio --no-kiosk` "
    "turns it off.",
)
STATUS_MODE_ON = Msg("kiosk.at_boot.status_mode_on", "Kiosk mode: on (the app opens as the kiosk).")
STATUS_MODE_OFF = Msg("kiosk.at_boot.status_mode_off", "Kiosk mode: off (the app opens as the desktop window).")
STATUS_NO_PIN = Msg(
    "kiosk.at_boot.status_no_pin",
    "No staff PIN is set: set one in the app (Settings → Showroom kiosk) before `sm6-studio kiosk-at-boot on`.",
)


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("kiosk-at-boot", help=helps(HELP))
    parser.add_argument("action", choices=("on", "off", "status"), help=helps(HELP_ACTION))


def run(args: argparse.Namespace) -> int:
    from app.config import read_settings, save_settings

    loaded = read_settings(set_aside=False)  # a damaged file is the app's to report and keep aside, never ours
    problem = loaded.warning_msg or loaded.warning
    if args.action == "status":
        return _status(loaded.settings)
    settings = loaded.settings
    if args.action == "on":
        if problem:
            raise UserFacingError(SETTINGS_UNUSABLE(problem=problem), loaded.details)
        if not pin_is_set(settings.kiosk.pin_hash):
            raise UserFacingError(PIN_FIRST())
        return _on(settings, save_settings)
    print(at_boot.turn_off())  # first, whatever the settings: an uninstaller runs this before the program goes
    if problem:
        print(MODE_LEFT(problem=problem))
        return 0
    if settings.kiosk.enabled:
        off = copy.deepcopy(settings)
        off.kiosk = with_enabled(off.kiosk, False)
        try:
            save_settings(off)
        except OSError as exc:
            raise UserFacingError(MODE_NOT_OFF(reason=describe_os_error(exc)), str(exc)) from None
    print(MODE_OFF())
    return 0


def _on(settings, save_settings) -> int:
    before = settings.kiosk
    if not before.enabled:
        on = copy.deepcopy(settings)
        on.kiosk = with_enabled(on.kiosk, True)  # the same rule as `--kiosk` and Settings: a PIN first
        try:
            save_settings(on)
        except OSError as exc:
            raise UserFacingError(NOT_SAVED(reason=describe_os_error(exc)), str(exc)) from None
    try:
        state = at_boot.turn_on(program_command())
    except BaseException:
        if not before.enabled:
            try:
                save_settings(settings)  # nothing half-done: the app opens as it did
            except OSError:
                pass
        raise
    print(state.words)
    print(MODE_ON())
    return 0


def _status(settings) -> int:
    state = at_boot.status()
    print(state.words)
    print(STATUS_MODE_ON() if settings.kiosk.enabled else STATUS_MODE_OFF())
    if not pin_is_set(settings.kiosk.pin_hash):
        print(STATUS_NO_PIN())
    return 0
