"""Screenshots of every workspace, for looking at (not part of the suite: its name is not test_*).

    scripts/screenshots.sh [OUT]     # default /tmp/sm6-shots: <workspace>-<W>x<H>-<theme>.png

Each shot is the real window with real content: the tiny model installed, designs in the library (one made by
the model), a description, its token, a funded sandbox wallet. Desktop at 1280×800 and 1920×1080 in both themes,
and the kiosk at 1280×800.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.kiosk import DESKTOP, KIOSK
from tests.fixtures.designs import add_plain_design
from tests.fixtures.wallet_setup import PASSWORD
from tests.ui.studio_helpers import close_app, open_app, settle
from tests.ui.token_helpers import token_ready
from tests.ui.waits import laid_out
from ui.theme import apply_theme

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/sm6-shots"))
DESCRIPTION = (
    "A pearl-white SM6 with rose-gold trim, drawn at dusk on the Busan waterfront: the light catches the chrome "
    "line along the doors and the long bonnet, and the wheels pick up the harbour's warm glow."
)
CASES = [
    ((1280, 800), "dark", DESKTOP),
    ((1280, 800), "light", DESKTOP),
    ((1920, 1080), "dark", DESKTOP),
    ((1920, 1080), "light", DESKTOP),
    ((1280, 800), "light", KIOSK),
]


def _fill_library(app) -> None:
    library = app.services.library
    colours = [(190, 196, 214), (40, 44, 60), (150, 30, 40), (220, 220, 230), (30, 90, 140), (200, 160, 90)]
    for i, colour in enumerate(colours * 2):
        add_plain_design(library, f"SM6 study {i + 1}: {['pearl', 'night', 'ruby'][i % 3]} body", colour=colour)


@pytest.mark.parametrize(("size", "theme", "policy"), CASES, ids=[f"{s[0]}-{t}-{p.name}" for s, t, p in CASES])
def test_every_workspace(qtbot, qapp, tiny_sd15, size, theme, policy):
    OUT.mkdir(parents=True, exist_ok=True)
    apply_theme(qapp, theme, policy)
    app = open_app(qtbot, size, policy=policy)
    tag = f"{size[0]}x{size[1]}-{theme}" + ("-kiosk" if policy is KIOSK else "")

    def shot(name: str) -> None:
        laid_out(qtbot, app.window)
        app.window.grab().save(str(OUT / f"{name}-{tag}.png"))

    try:
        app.start_background_work()
        _fill_library(app)
        vm = app.design_vm
        vm.prompt = "pearl white SM6 with rose-gold trim at dusk"
        vm.width = vm.height = 64
        vm.steps = 2
        assert vm.generate()
        settle(qtbot, app)
        app.window.show_workspace("design")
        shot("design")

        design = vm.current_design
        app.services.library.save_description(design.id, "en", DESCRIPTION)
        app.describe_vm.set_design(design)
        app.window.show_workspace("describe")
        qtbot.waitUntil(lambda: not app.describe_vm.loading, timeout=30_000)
        shot("describe")

        app.window.show_workspace("token")
        app.token_vm.set_design(design)
        token_ready(qtbot, app.token_view)
        shot("token")

        wallet = app.wallet_vm
        qtbot.waitUntil(lambda: wallet.page == "onboarding", timeout=60_000)
        if policy is DESKTOP:
            account = app.services.chain.create_account("Studio wallet", PASSWORD).result(60)
            wallet.account_added(account)
            qtbot.waitUntil(lambda: wallet.page == "locked", timeout=60_000)
            wallet.unlock(PASSWORD)
            qtbot.waitUntil(lambda: wallet.overview is not None, timeout=60_000)
            wallet.faucet()
            qtbot.waitUntil(lambda: wallet.overview.balance > 0, timeout=60_000)
        app.window.show_workspace("wallet")
        shot("wallet")

        app.window.show_workspace("library")
        qtbot.waitUntil(lambda: app.library_view.model.rowCount() >= 13, timeout=30_000)
        qtbot.wait(400)  # thumbnails arrive off the UI thread; this is a picture for people, not a test
        shot("library")

        if policy is DESKTOP:
            app.window.show_workspace("settings")
            shot("settings")
    finally:
        close_app(app)
        apply_theme(qapp, "dark")
