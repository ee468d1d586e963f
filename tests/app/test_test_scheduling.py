"""The test run's own arrangement: every file that uses the real generation server runs on the worker that already
started it (tests/conftest.py SAME_WORKER), so a new file cannot quietly add a second Ray start to every run."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAME_WORKER

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_that_uses_the_real_generation_server_runs_on_one_worker():
    using = {
        path.relative_to(ROOT).as_posix()
        for folder in ("tests/app", "tests/ui")
        for path in (ROOT / folder).glob("test_*.py")
        if "fleet_server" in path.read_text("utf-8")
    }
    using.discard("tests/app/test_test_scheduling.py")
    assert using == set(SAME_WORKER["ray-server"])


def test_the_long_files_sent_out_first_still_exist():
    from tests.conftest import LONG_FIRST

    assert [file for file in LONG_FIRST if not (ROOT / file).is_file()] == []


def test_the_libraries_are_frozen_out_of_the_collectors_walks():
    import gc
    import sys

    assert "diffusers" in sys.modules and "torch" in sys.modules  # loaded before the freeze, not by this test
    assert gc.get_freeze_count() > 200_000  # tests/conftest.py: a full collection no longer walks them
