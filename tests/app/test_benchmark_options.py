"""`scripts/bench.sh NAME [options]`: options reach the benchmark named, and a wrong name or part is said plainly
before anything is built (the curation benchmark takes minutes)."""

from __future__ import annotations

import pytest

from tests.benchmarks.__main__ import main


def test_an_unknown_benchmark_is_named_with_the_choices(capsys):
    assert main(["curation", "nope"]) == 2
    said = capsys.readouterr().err
    assert "'nope'" in said and "curation" in said


def test_an_unknown_curation_part_is_refused_before_anything_is_built(capsys, monkeypatch):
    from tests.benchmarks import bench_curation

    monkeypatch.setattr(bench_curation, "bench_root", lambda: pytest.fail("nothing is built for a wrong part"))
    with pytest.raises(SystemExit) as stopped:
        main(["curation", "--only", "gallery,sorting"])
    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert "sorting" in said and "gallery, scoring, duplicates, import" in said


def test_wrong_fleet_replicas_are_refused_before_the_server_starts(capsys, monkeypatch):
    from tests.benchmarks import bench_fleet

    monkeypatch.setattr(bench_fleet, "bench_root", lambda: pytest.fail("nothing is built for wrong options"))
    with pytest.raises(SystemExit) as stopped:
        main(["fleet", "--kiosks", "2", "--replicas", "1,two"])
    assert stopped.value.code == 2
    assert "'1,two'" in capsys.readouterr().err
