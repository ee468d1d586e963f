"""The `sm6-studio` console entry point. Qt is imported only when the window is asked for."""

from __future__ import annotations

import sys


def _open_window(args) -> int:
    import logging

    from app.config import read_settings, save_settings
    from app.showroom import mode
    from ui.application import run_app

    policy, note = mode.opening_policy(args, read_settings, save_settings)  # the flags and the saved setting
    if note is not None:
        logging.getLogger(__name__).warning("%s", note.english())
        print(f"sm6-studio: {note}", file=sys.stderr, flush=True)
    code = run_app(policy)  # the one hand-over: from here on views see only the Policy
    if mode.take_desktop_restart():  # staff left kiosk mode: the window closed cleanly, now the desktop one
        _restart_as_desktop()
    return code


def _restart_as_desktop() -> None:
    """Start this program again in place (the same process id, so a watchdog sees it running), without --kiosk."""
    import logging
    import os

    argv = desktop_restart_argv()
    logging.shutdown()
    os.execv(argv[0], argv)


def desktop_restart_argv() -> list[str]:
    """This process's own command line without the kiosk flags, for os.execv."""
    from app.showroom.mode import desktop_argv

    if getattr(sys, "frozen", False):  # an installed package: the program itself, then its arguments
        return [sys.executable, *desktop_argv(sys.argv)[1:]]
    # python, then the script (or -m module) and its arguments
    return [sys.executable, *desktop_argv(list(getattr(sys, "orig_argv", [sys.executable, *sys.argv])))[1:]]


def main() -> int:
    from app import crash_log
    from app.cli import main as cli_main

    crash_log.configure_logging(console=False)  # the window adds the terminal; the command line never does
    return cli_main(sys.argv[1:], open_window=_open_window)


if __name__ == "__main__":
    sys.exit(main())
