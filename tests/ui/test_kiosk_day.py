"""A short kiosk day through the real window: after a few visitors, each further visitor (generate, describe, preview,
mint through the Mint dialog) leaves exactly as many live widgets, of each kind, as there were before. Counts, not
memory, so it is exact and not flaky; `python -m tests.benchmarks kiosk` soaks the kiosk's guided flow."""

from __future__ import annotations

import asyncio
import gc

from tests.fixtures.kiosk import KioskDay, open_kiosk, widget_kinds
from tests.ui.studio_helpers import OPEN, close_app
from ui.wallet.mint_dialog import MintDialog

WARM_UP = 3  # the first visitors fill what is made once: the token view's pages, the wallet's panel, caches
VISITORS = 7


def test_each_kiosk_visitor_leaves_no_widget_behind(qtbot, qapp, tiny_sd15):
    controller, loop = open_kiosk(qapp)
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    try:
        day = KioskDay(controller, loop, image_side=64, steps=3)
        day.open_for_the_day()
        for _ in range(WARM_UP):
            day.visitor()
        per_token = (controller.token_view.traits_box,)  # a chip per trait: as many as this visitor's token has
        gc.collect()
        # What is alive now (torch, diffusers, the window) is no visitor's garbage: later collections skip it. Each full
        # collection otherwise walks the whole heap, about 0.4 s a visitor; the MintDialog check below walks it all.
        gc.freeze()
        try:
            before = widget_kinds(per_token)
            for number in range(WARM_UP + 1, WARM_UP + VISITORS + 1):
                day.visitor()
                after = widget_kinds(per_token)
                assert after == before, f"visitor {number} left {after - before} (and took {before - after})"
        finally:
            gc.unfreeze()
        assert len({token for _visitor, token in day.minted}) == WARM_UP + VISITORS  # each visitor got a token
        assert len({visitor for visitor, _token in day.minted}) == WARM_UP + VISITORS
        assert controller.mint_dialog is None
        gc.collect()
        assert not [o for o in gc.get_objects() if type(o) is MintDialog]  # not even a dead Python wrapper
        assert not controller.services.engine.jobs()
    finally:
        close_app(controller)
        loop.close()
        asyncio.set_event_loop(None)
