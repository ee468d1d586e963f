"""The build description a package carries (resources/build.json): what doctor and the About box say about it."""

from __future__ import annotations

import json
import logging

import pytest

from app import build_info, i18n
from app.build_info import BuildInfo

PACKAGED_CPU = {
    "flavor": "cpu",
    "version": "0.1.0",
    "torch": "2.13.0+cpu",
    "cuda": "",
    "packager": "PyInstaller 6.22.3",
    "platform": "linux-x86_64",
    "built": "2026-12-07T06:44:16+00:00",
    "commit": "2c531b8f1431",
}
PACKAGED_CUDA = {**PACKAGED_CPU, "flavor": "cuda", "torch": "2.14.1+cu128", "cuda": "12.8"}


def _write(tmp_path, content) -> object:
    path = tmp_path / "build.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_a_packaged_cpu_build_says_so_with_its_packager_and_day(tmp_path):
    info = build_info.read(_write(tmp_path, PACKAGED_CPU))

    assert info == BuildInfo(**PACKAGED_CPU)
    assert info.packaged
    assert build_info.describe(info) == "CPU build · PyInstaller package · built 2026-12-07"


def test_a_packaged_cuda_build_names_its_cuda(tmp_path):
    info = build_info.read(_write(tmp_path, PACKAGED_CUDA))

    assert build_info.describe(info) == "CUDA 12.8 build · PyInstaller package · built 2026-12-07"


def test_no_file_means_run_from_source(tmp_path):
    info = build_info.read(tmp_path / "build.json")

    assert info.flavor == "source" and not info.packaged
    assert build_info.describe(info) == "Run from source"


def test_this_checkout_runs_from_source():
    build_info.current.cache_clear()
    try:
        assert build_info.current().flavor == "source"
        assert build_info.current() is build_info.current()  # read once
    finally:
        build_info.current.cache_clear()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        b"\xff\xfe\x00garbage",
        "[1, 2, 3]",
        "[" * 100_000,  # would overflow the C stack if the decoder saw it
        {**PACKAGED_CPU, "flavor": "rocm"},
        {**PACKAGED_CPU, "flavor": None},
        {**PACKAGED_CPU, "torch": 2.13},
        {**PACKAGED_CPU, "version": ["0.1.0"]},
        {**PACKAGED_CPU, "commit": "x" * 10_000},
        {**PACKAGED_CPU, "packager": "PyInstaller\n\x1b[31mred"},
        {**PACKAGED_CPU, "padding": "x" * (build_info.MAX_BYTES + 1)},  # too large to be what the build wrote
    ],
    ids=[
        "not-json",
        "not-utf8",
        "a-list",
        "deep",
        "unknown-flavor",
        "no-flavor",
        "number",
        "list",
        "huge-field",
        "control-chars",
        "huge-file",
    ],
)
def test_a_damaged_or_hostile_file_gives_an_unknown_build_and_a_log_line(tmp_path, caplog, content):
    with caplog.at_level(logging.WARNING, logger="app.build_info"):
        info = build_info.read(_write(tmp_path, content))

    assert info.flavor == "unknown" and not info.packaged
    assert build_info.describe(info) == "Unknown build (its description cannot be read; see the log)"
    assert build_info.note(info, cuda_usable=False, nvidia_present=True) is None
    assert "build description" in caplog.text


def test_a_folder_where_the_file_should_be_gives_an_unknown_build(tmp_path, caplog):
    (tmp_path / "build.json").mkdir()
    with caplog.at_level(logging.WARNING, logger="app.build_info"):
        assert build_info.read(tmp_path / "build.json").flavor == "unknown"
    assert "cannot be read" in caplog.text


def test_a_day_that_is_no_date_is_left_out(tmp_path):
    info = build_info.read(_write(tmp_path, {**PACKAGED_CPU, "built": "yesterday", "packager": ""}))

    assert build_info.describe(info) == "CPU build"


def test_a_cpu_build_on_a_computer_with_an_nvidia_gpu_suggests_the_cuda_build():
    cpu = BuildInfo(**PACKAGED_CPU)

    note = build_info.note(cpu, nvidia_present=True)
    assert note is not None and note.id == "build.note.cpu_build_has_gpu"
    assert "CUDA build" in str(note)
    assert build_info.note(cpu, nvidia_present=False) is None


def test_a_cuda_build_without_a_usable_gpu_says_it_runs_on_the_cpu():
    cuda = BuildInfo(**PACKAGED_CUDA)

    note = build_info.note(cuda, cuda_usable=False)
    assert note is not None and "runs on the CPU" in str(note)
    assert build_info.note(cuda, cuda_usable=True) is None
    assert build_info.note(cuda, cuda_usable=None) is None  # not known yet: nothing said
    assert build_info.note(build_info.SOURCE, cuda_usable=False, nvidia_present=True) is None


def test_an_nvidia_driver_is_found_by_its_marker_file(tmp_path):
    marker = tmp_path / "nvidia" / "version"
    assert not build_info.nvidia_gpu_present([marker])
    marker.parent.mkdir()
    marker.write_text("NVRM version: 570.86\n")
    assert build_info.nvidia_gpu_present([tmp_path / "absent", marker])
    assert not build_info.nvidia_gpu_present([])
    assert isinstance(build_info.nvidia_gpu_present(), bool)  # this machine: whatever it has, cheaply and safely


def test_the_build_line_and_note_are_said_in_korean(tmp_path):
    info = build_info.read(_write(tmp_path, PACKAGED_CUDA))
    i18n.set_language("ko")
    try:
        line = build_info.describe(info)
        note = str(build_info.note(info, cuda_usable=False))
    finally:
        i18n.set_language("en")
    assert "빌드" in line and "2026-12-07" in line and "12.8" in line
    assert "CPU" in note and "build" not in note


def _doctor_rows(monkeypatch, info: BuildInfo) -> dict[str, str]:
    from app import doctor

    monkeypatch.setattr(build_info, "current", lambda: info)  # as if this copy had been packaged so
    sections, _problems = doctor.collect()
    title, rows = sections[0]
    assert title == "SM6 Design Studio"
    assert [name for name, _ in rows][:2] == ["version", "build"]  # the build right under the version
    return dict(rows)


def test_doctor_says_which_build_runs_here(monkeypatch):
    rows = _doctor_rows(monkeypatch, BuildInfo(**PACKAGED_CUDA))
    assert rows["build"] == "CUDA 12.8 build · PyInstaller package · built 2026-12-07"
    import torch

    if torch.cuda.is_available():
        assert "note" not in rows
    else:
        assert rows["note"] == str(build_info.CUDA_BUILD_NO_GPU())


def test_doctor_says_run_from_source_in_a_checkout(monkeypatch):
    rows = _doctor_rows(monkeypatch, build_info.SOURCE)
    assert rows["build"] == "Run from source" and "note" not in rows
