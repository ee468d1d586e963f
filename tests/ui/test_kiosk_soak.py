"""Twenty visitors through the kiosk's guided flow, one after another, with the tiny model and the sandbox chain: some
press Back, switch to Korean, type a wrong address first or walk away. After every visit nothing of anyone shows or
stays within reach, and every visitor who submitted has exactly one token. `scripts/bench.sh kiosk` runs the same
visitors 500 times over and adds memory (too few visitors here to say anything about memory)."""

from __future__ import annotations

from tests.fixtures.kiosk import widget_kinds
from tests.fixtures.kiosk_visitors import CrashWatch, VisitorDriver
from tests.ui.kiosk_flow_helpers import WAIT_MS, Kiosk

VISITORS = 20
WARM_UP = 5  # the first visitors fill what is made once (each screen's first layout, the staff panel's parts)


def test_twenty_visitors_each_see_only_their_own_work_and_get_exactly_one_token(qtbot, qapp, tiny_sd15):
    kiosk = Kiosk(qtbot, qapp)
    watch = CrashWatch(kiosk.window).install()
    try:
        wait = lambda ready, _what: qtbot.waitUntil(ready, timeout=WAIT_MS)  # noqa: E731
        driver = VisitorDriver(kiosk.controller, kiosk.loop, wait)
        driver.open_for_the_day()
        for number in range(1, VISITORS + 1):
            driver.visitor(number)
            if number == WARM_UP:
                before = widget_kinds()
        after = widget_kinds()
        assert after == before, f"the visitors left {after - before} (and took {before - after})"
        assert driver.privacy_violations == []
        assert driver.mint_problems() == []
        assert watch.problems == []
        walked, submitted = [v for v in driver.visits if not v.submitted], [v for v in driver.visits if v.submitted]
        assert [v.walks_away_at for v in walked] == ["design", "describe", "preview", "submit"]  # 3, 8, 13, 18
        assert len(submitted) == 16 and {v.back_at for v in submitted} == {"describe", "preview", "submit", None}
        assert any(v.korean for v in submitted) and any(v.korean_midway for v in submitted)
    finally:
        watch.uninstall()
        kiosk.close()
