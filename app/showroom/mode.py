"""Whether the app starts as a showroom kiosk, and how staff leave it.

Kiosk mode is a setting (`KioskSettings.enabled`), so a kiosk that restarts (a power cut, the watchdog) opens as a
kiosk again. `--kiosk` turns it on and keeps it, but only once a staff PIN is set: without one nobody could open the
staff panel to leave, so the flag then holds for that run alone. `--no-kiosk` is the way back for staff at a
keyboard (a forgotten PIN): the desktop window, with kiosk mode off.

Leaving kiosk mode is a restart, not a live switch: the policy (app/kiosk.py) is handed to every view, the theme and
the controller when they are built, and a kiosk hides whole workspaces, so the window is rebuilt from the start. The
staff panel asks for it (`request_desktop_restart`); the entry point restarts the process in place once the kiosk
window has closed cleanly (same process id, so a watchdog sees no crash).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Callable

from app.errors import InputError, UserFacingError
from app.fsutil import describe_os_error
from app.kiosk import Policy, policy_for
from app.messages import Message
from app.showroom import messages as msgs
from app.showroom.settings import KioskSettings
from app.showroom.staff import pin_is_set

_restart_requested = False


@dataclass(frozen=True)
class StartChoice:
    kiosk: bool  # open the kiosk (else the desktop window)
    save: KioskSettings | None = None  # the kiosk settings to keep for the next start; None: nothing changes
    note: Message | None = None  # what to tell whoever started it


def choose_start(kiosk_flag: bool, no_kiosk_flag: bool, settings: KioskSettings) -> StartChoice:
    if no_kiosk_flag:
        return StartChoice(False, replace(settings, enabled=False) if settings.enabled else None)
    if kiosk_flag:
        if settings.enabled:
            return StartChoice(True)
        if not pin_is_set(settings.pin_hash):
            return StartChoice(True, note=msgs.NOT_KEPT_WITHOUT_PIN())
        return StartChoice(True, replace(settings, enabled=True))
    return StartChoice(settings.enabled)  # enabled with a damaged PIN stays a kiosk: `--no-kiosk` is the way out


def keep_start_choice(choice: StartChoice, settings, save: Callable[[object], None]) -> Message | None:
    """Write what the flags changed into `settings` (app.config.Settings) through `save`; returns the note for
    whoever started the app (the choice's own, or that saving failed)."""
    if choice.save is None:
        return choice.note
    settings.kiosk = choice.save
    try:
        save(settings)
    except OSError as exc:
        return msgs.SETTINGS_NOT_SAVED(reason=describe_os_error(exc))
    return choice.note


def turn_off(settings, save: Callable[[object], None]) -> None:
    """Kiosk mode off for the next start: a copy of `settings` (app.config.Settings) saved through `save`.
    UserFacingError when it cannot be written (then a restart would open the kiosk again, so staff must know)."""
    new = copy.deepcopy(settings)
    new.kiosk = with_enabled(new.kiosk, False)
    try:
        save(new)
    except OSError as exc:
        raise UserFacingError(msgs.EXIT_NOT_SAVED(reason=describe_os_error(exc)), str(exc)) from None


def opening_policy(
    args, read_settings: Callable, save_settings: Callable[[object], None]
) -> tuple[Policy, Message | None]:
    """What the window opens as, from the command line (`--kiosk`, `--no-kiosk`) and the saved setting, keeping
    what the flags changed; and a note for whoever started it. The one place a front end's flags become a Policy.
    `read_settings` is app.config's (passed in: settings sit above the showroom's layer)."""
    loaded = read_settings(set_aside=False)  # a second launch must change nothing before it hands over
    choice = choose_start(bool(args.kiosk), bool(getattr(args, "no_kiosk", False)), loaded.settings.kiosk)
    # A file that could not be read as it was is left alone for the window to report, never overwritten here.
    note = choice.note if loaded.warning else keep_start_choice(choice, loaded.settings, save_settings)
    return policy_for(choice.kiosk), note


def with_enabled(settings: KioskSettings, enabled: bool) -> KioskSettings:
    """Kiosk mode on or off for the next start; InputError when it would be on with no staff PIN to leave it."""
    if enabled and not pin_is_set(settings.pin_hash):
        raise InputError(msgs.PIN_FIRST())
    return replace(settings, enabled=enabled)


def request_desktop_restart() -> None:
    """Staff left kiosk mode: once the window has closed, start again as the desktop window."""
    global _restart_requested
    _restart_requested = True


def take_desktop_restart() -> bool:
    """Whether a restart was asked for (and forget it)."""
    global _restart_requested
    asked, _restart_requested = _restart_requested, False
    return asked


def desktop_argv(argv: list[str]) -> list[str]:
    """The command line that started this process, without the flags that asked for a kiosk."""
    return [a for a in argv if a not in ("--kiosk", "--no-kiosk")]
