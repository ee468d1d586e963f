"""The `sm6-studio` console entry point. Qt is imported only when the window is asked for."""

from __future__ import annotations

import sys


def _open_window(args) -> int:
    from app.kiosk import policy_for
    from ui.application import run_app

    return run_app(policy_for(args.kiosk))  # the one hand-over: from here on views see only the Policy


def main() -> int:
    from app import crash_log
    from app.cli import main as cli_main

    crash_log.configure_logging(console=False)  # the window adds the terminal; the command line never does
    return cli_main(sys.argv[1:], open_window=_open_window)


if __name__ == "__main__":
    sys.exit(main())
