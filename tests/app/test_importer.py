"""Importing models: checked before anything is copied, copied atomically, and never half-visible to the registry."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from collections import namedtuple
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from app import paths
from app.errors import ModelError
from app.generation import importer
from app.generation.importer import ImportCancelled, ImportJob, import_model, validate_import
from app.generation.registry import ModelRegistry
from tests.app.test_registry import SD15_KEYS


def write_sd15_file(path: Path, padding_mb: int = 0) -> Path:
    """A single-file checkpoint with the keys that identify SD 1.5; `padding_mb` makes it big enough to cancel."""
    tensors = {k: torch.zeros(shape) for k, shape in SD15_KEYS.items()}
    if padding_mb:
        tensors["model.diffusion_model.padding"] = torch.zeros(padding_mb * 1024 * 1024 // 4)
    save_file(tensors, str(path))
    return path


@pytest.fixture
def outside(tmp_path) -> Path:
    """Where the user keeps downloads, away from every models folder."""
    path = tmp_path / "Downloads"
    path.mkdir()
    return path


def visible_models(dest: Path) -> list[str]:
    return [m.id for m in ModelRegistry([dest]).scan()]


def leftovers(dest: Path) -> list[str]:
    return sorted(p.name for p in dest.iterdir()) if dest.exists() else []


def test_copies_a_diffusers_folder_that_the_registry_then_finds(tiny_sd15_master, outside):
    source = Path(shutil.copytree(tiny_sd15_master, outside / "my-sm6-model"))
    (source / "unet" / "diffusion_pytorch_model.bin").write_bytes(b"pickled twin")  # skipped: never loaded
    (source / ".cache").mkdir()
    (source / ".cache" / "junk").write_bytes(b"x")
    seen: list[tuple[int, int]] = []

    target = import_model(source, mode="copy", progress=lambda done, total: seen.append((done, total)))

    assert target == paths.user_models_dir() / "my-sm6-model"
    assert leftovers(paths.user_models_dir()) == ["my-sm6-model"]
    assert not (target / "unet" / "diffusion_pytorch_model.bin").exists()
    assert not (target / ".cache").exists()
    models = ModelRegistry([paths.user_models_dir()]).scan()
    assert [(m.id, m.arch, m.usable) for m in models] == [("my-sm6-model", "sd15", True)]
    total = seen[-1][1]
    assert seen[0] == (0, total) and seen[-1] == (total, total) and total > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_copies_a_single_safetensors_file(outside):
    source = write_sd15_file(outside / "sm6-dream.safetensors")
    info = validate_import(source)
    assert (info.arch, info.format) == ("sd15", "single")

    target = import_model(source)

    assert target.read_bytes() == source.read_bytes()
    assert visible_models(paths.user_models_dir()) == ["sm6-dream.safetensors"]
    assert source.exists()  # a copy, the original stays


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda d: (d / "old.ckpt").write_bytes(b"\x80\x02pickle") and d / "old.ckpt", "pickled checkpoint"),
        (lambda d: d / "nowhere.safetensors", "does not exist"),
        (lambda d: (d / "notes.txt").write_text("hi") and d / "notes.txt", "not a model file"),
        (lambda d: (d / "plain-folder").mkdir() or d / "plain-folder", "no model_index.json"),
    ],
    ids=["pickled", "missing", "not-a-model", "folder-without-index"],
)
def test_refuses_what_cannot_be_used_and_copies_nothing(outside, make, reason):
    source = make(outside)
    with pytest.raises(ModelError, match=reason):
        import_model(source)
    assert leftovers(paths.user_models_dir()) == []


def test_pickled_refusal_says_the_way_out(outside):
    source = outside / "classic.ckpt"
    source.write_bytes(b"\x80\x02")
    with pytest.raises(ModelError) as info:
        validate_import(source)
    assert ".safetensors" in info.value.message and "run arbitrary code" in info.value.message


def test_refuses_a_truncated_safetensors_file(outside):
    good = write_sd15_file(outside / "full.safetensors")
    cut = outside / "cut.safetensors"
    cut.write_bytes(good.read_bytes()[:-64])
    with pytest.raises(ModelError, match="truncated"):
        import_model(cut)
    assert leftovers(paths.user_models_dir()) == []


def test_refuses_an_incomplete_folder_and_a_truncated_weight_inside_one(tiny_sd15_master, outside):
    incomplete = Path(shutil.copytree(tiny_sd15_master, outside / "incomplete"))
    shutil.rmtree(incomplete / "vae")
    with pytest.raises(ModelError, match="incomplete"):
        import_model(incomplete)

    damaged = Path(shutil.copytree(tiny_sd15_master, outside / "damaged"))
    weights = next((damaged / "unet").glob("*.safetensors"))
    weights.write_bytes(weights.read_bytes()[:-1000])
    with pytest.raises(ModelError, match="damaged"):
        import_model(damaged)
    assert leftovers(paths.user_models_dir()) == []


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_cancel_mid_copy_leaves_nothing_the_registry_could_see(tiny_sd15_master, outside, kind):
    if kind == "file":
        source = write_sd15_file(outside / "big.safetensors", padding_mb=4)
    else:
        source = Path(shutil.copytree(tiny_sd15_master, outside / "big-folder"))
    cancel = threading.Event()
    dest = paths.user_models_dir()

    def on_progress(done: int, total: int) -> None:
        if done > 0:
            # Mid-copy the only thing on disk is the hidden partial, which the registry ignores.
            assert visible_models(dest) == []
            assert all(name.startswith(".") and name.endswith(".partial") for name in leftovers(dest))
            cancel.set()

    with pytest.raises(ImportCancelled):
        import_model(source, progress=on_progress, cancel=cancel, chunk_size=64 * 1024)
    assert leftovers(dest) == []


def test_name_clash_is_refused_and_the_existing_model_is_kept(outside):
    source = write_sd15_file(outside / "sm6.safetensors")
    dest = paths.user_models_dir()
    dest.mkdir(parents=True)
    existing = write_sd15_file(dest / "sm6.safetensors", padding_mb=1)  # a different model of the same name
    before = existing.read_bytes()
    with pytest.raises(ModelError, match="already in"):
        import_model(source)
    assert existing.read_bytes() == before
    assert leftovers(dest) == ["sm6.safetensors"]

    with pytest.raises(ModelError, match="nothing to import"):
        import_model(existing, dest_dir=dest)


def test_link_mode_points_at_the_original(tiny_sd15_master, outside, tmp_path):
    source = Path(shutil.copytree(tiny_sd15_master, outside / "linked-model"))
    dest = tmp_path / "elsewhere"

    target = import_model(source, mode="link", dest_dir=dest)

    assert target.is_symlink() and target.resolve() == source.resolve()
    assert visible_models(dest) == ["linked-model"]


def test_link_failure_suggests_copy(outside, monkeypatch):
    source = write_sd15_file(outside / "m.safetensors")

    def no_symlinks(*_args, **_kwargs):
        raise OSError(errno.EPERM, "A required privilege is not held by the client")

    monkeypatch.setattr(importer.os, "symlink", no_symlinks)
    with pytest.raises(ModelError, match="Copy into SM6 Studio"):
        import_model(source, mode="link")
    assert leftovers(paths.user_models_dir()) == []


def test_too_little_free_space_is_refused_before_copying(outside, monkeypatch):
    source = write_sd15_file(outside / "m.safetensors")
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(importer.shutil, "disk_usage", lambda _p: Usage(10**9, 10**9, 10))
    with pytest.raises(ModelError, match="Not enough disk space"):
        import_model(source)
    assert leftovers(paths.user_models_dir()) == []


def test_disk_filling_up_mid_copy_removes_the_partial(outside, monkeypatch):
    source = write_sd15_file(outside / "m.safetensors")

    def full_disk(src, dst, on_chunk, cancel, chunk_size):
        Path(dst).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importer, "_copy_file", full_disk)
    with pytest.raises(ModelError, match="Not enough disk space"):
        import_model(source)
    assert leftovers(paths.user_models_dir()) == []


def test_stale_partials_from_a_crash_are_cleaned_up_on_the_next_import(outside):
    dest = paths.user_models_dir()
    dest.mkdir(parents=True)
    stale = dest / ".crashed.safetensors.abc.partial"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    import_model(write_sd15_file(outside / "m.safetensors"))
    assert leftovers(dest) == ["m.safetensors"]


def test_import_job_runs_off_the_calling_thread_and_reports_by_polling(outside):
    source = write_sd15_file(outside / "polled.safetensors", padding_mb=2)
    job = ImportJob(source, chunk_size=64 * 1024).start()
    assert job.wait(30)
    assert job.error is None and job.result == paths.user_models_dir() / "polled.safetensors"
    done, total = job.progress()
    assert done == total == source.stat().st_size

    cancelled = ImportJob(write_sd15_file(outside / "other.safetensors", padding_mb=2), chunk_size=1024)
    cancelled.cancel()  # before it even starts: still nothing left behind
    assert cancelled.start().wait(30)
    assert isinstance(cancelled.error, ImportCancelled) and cancelled.result is None
    assert leftovers(paths.user_models_dir()) == ["polled.safetensors"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_or_a_device_inside_a_folder_is_left_out_instead_of_hanging_the_copy(
    tiny_sd15_master, outside, tmp_path
):
    source = Path(shutil.copytree(tiny_sd15_master, outside / "odd-files"))
    os.mkfifo(source / "unet" / "pipe")  # reading it waited for a writer for ever
    os.mkfifo(source / "extra.safetensors")  # so did checking its header
    os.symlink("/dev/zero", source / "vae" / "zeros")  # never ends
    dest = tmp_path / "models"
    done = threading.Event()
    result: list = []

    def run() -> None:
        try:
            result.append(import_model(source, dest_dir=dest))
        finally:
            done.set()

    threading.Thread(target=run, daemon=True).start()
    if not done.wait(20):
        # unblock the stuck reader so the test process can end
        for fifo in (source / "unet" / "pipe", source / "extra.safetensors"):
            with open(fifo, "wb", opener=lambda p, f: os.open(p, f | os.O_NONBLOCK)):
                pass
        pytest.fail("the import hung on a FIFO")
    (target,) = result
    assert not (target / "unet" / "pipe").exists() and not (target / "extra.safetensors").exists()
    assert not (target / "vae" / "zeros").exists()
    assert visible_models(dest) == ["odd-files"]


def test_a_file_that_grows_while_copied_is_copied_as_it_was_listed(outside, tmp_path, monkeypatch):
    source = write_sd15_file(outside / "growing.safetensors")
    size = source.stat().st_size
    real_copy = importer._copy_file

    def on_chunk_growing(src, dst, on_chunk, cancel, chunk_size):
        def grow(n: int) -> None:  # a download still being written to: more behind each chunk read
            if src.stat().st_size < size + 5 * chunk_size:  # the old copy followed it to its end (if it had one)
                with src.open("ab") as fh:
                    fh.write(b"\0" * chunk_size)
            on_chunk(n)

        return real_copy(src, dst, grow, cancel, chunk_size)

    monkeypatch.setattr(importer, "_copy_file", on_chunk_growing)
    target = import_model(source, dest_dir=tmp_path / "models", chunk_size=4096)
    assert target.stat().st_size == size
