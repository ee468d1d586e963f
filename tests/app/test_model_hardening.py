"""One malformed model costs only itself: the scan lists it with a plain reason, `doctor` and `generate` say why,
Import model refuses it, and every other model still loads and generates."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from app import cli, paths
from app.config import GenerationSettings
from app.errors import ModelError, RequestError
from app.generation import events as ev
from app.generation.hashing import HashCache
from app.generation.importer import import_model, validate_import
from app.generation.registry import ModelRegistry
from app.library.store import Library
from app.services import local_backend
from tests.app.bad_models import (
    ALL_CASES,
    DEEP,
    DIFFUSERS_CASES,
    FILESYSTEM_CASES,
    SAFETENSORS_CASES,
    skeleton,
    write_sd15_file,
)
from tests.app.engine_helpers import Recorder, quick_request

CASE_IDS = [case[0] for case in ALL_CASES]
RAW_WORDS = ("Traceback", "Error:", "Errno", "Exception", "line 1 column", "invalid literal", "object has no attribute")


def assert_plain(message: str) -> None:
    """A sentence for a person: no exception text, no control characters, printable on any UTF-8 console."""
    assert message and len(message) < 600, message
    assert not any(word in message for word in RAW_WORDS), message
    assert all(ch.isprintable() for ch in message), repr(message)
    message.encode("utf-8")  # a name that is not UTF-8 must not make the reason unprintable


def listed(models_dir: Path) -> dict[Path, object]:
    return {m.path: m for m in ModelRegistry([models_dir]).scan()}


@pytest.fixture
def sound_file(models_dir) -> Path:
    return write_sd15_file(models_dir / "sound.safetensors")


@pytest.mark.parametrize("case", ALL_CASES, ids=CASE_IDS)
def test_scan_lists_a_malformed_model_with_its_reason_and_keeps_the_others(models_dir, sound_file, case):
    _, make, words = case
    bad = make(models_dir)
    models = listed(models_dir)
    assert models[sound_file].usable and models[sound_file].arch == "sd15"
    model = models[bad]
    assert not model.usable and model.arch is None
    assert words in model.error, model.error
    assert_plain(model.error)
    assert_plain(model.id)


@pytest.mark.parametrize("case", ALL_CASES, ids=CASE_IDS)
def test_doctor_lists_a_malformed_model_with_its_reason(models_dir, sound_file, case, capsys):
    _, make, words = case
    bad = make(models_dir)
    reason = listed(models_dir)[bad].error

    assert cli.main(["doctor"]) in (0, 1)

    out = capsys.readouterr().out
    assert reason in out and words in out
    assert "sound.safetensors: SD 1.x" in out


@pytest.mark.parametrize("case", ALL_CASES, ids=CASE_IDS)
def test_import_refuses_a_malformed_model_with_its_reason_and_copies_nothing(tmp_path, case):
    _, make, words = case
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    bad = make(downloads)
    with pytest.raises(ModelError) as refused:
        validate_import(bad)
    assert words in refused.value.message
    assert_plain(refused.value.message)
    with pytest.raises(ModelError):
        import_model(bad)
    folder = paths.user_models_dir()
    assert not folder.exists() or list(folder.iterdir()) == []


SOME_OF_EACH = [*SAFETENSORS_CASES[::6], *DIFFUSERS_CASES[::5], *FILESYSTEM_CASES]


def test_with_malformed_models_beside_it_a_sound_model_still_generates(tiny_sd15, models_dir, tmp_path):
    folders = [models_dir]
    for index, (_, make, _) in enumerate(SOME_OF_EACH):
        folders.append(tmp_path / f"more-models-{index}")  # one folder each: the makers reuse their names
        folders[-1].mkdir()
        make(folders[-1])
    with _engine_on(folders, tmp_path) as (registry, engine, rec):
        assert [m.id for m in registry.usable()] == ["tiny-sd15"]
        assert len(registry.models) >= 1 + len(SOME_OF_EACH)  # two links that loop are two entries
        done = rec.wait_job(engine.submit(quick_request()).id)
        assert isinstance(done, ev.JobFinished), done
        for model in registry.models:
            if not model.usable:
                with pytest.raises(RequestError) as refused:
                    engine.submit(quick_request(model_id=model.id))
                assert refused.value.message == model.error


@pytest.mark.parametrize(
    "layers", [{"time_cond_proj_dim": 16}, {"class_embed_type": "timestep"}], ids=["guidance-projection", "classes"]
)
def test_a_model_whose_config_asks_for_layers_its_weights_lack_is_refused_at_load_in_words(
    tiny_sd15, models_dir, tmp_path, layers
):
    # diffusers only warns and leaves those layers without values; the first job then failed inside the UNet.
    config = json.loads((tiny_sd15 / "unet" / "config.json").read_text())
    (tiny_sd15 / "unet" / "config.json").write_text(json.dumps({**config, **layers}))
    with _engine_on([models_dir], tmp_path) as (_registry, engine, rec):
        done = rec.wait_job(engine.submit(quick_request(steps=1)).id)
        assert isinstance(done, ev.JobFailed), done
        assert done.msg.id == "model.weights_missing" and "its unet has layers" in done.message, done.message
        assert_plain(done.message)


@pytest.mark.parametrize("sample_size", [None, [1, 2]], ids=["null", "list"])
def test_a_model_whose_config_fails_only_when_its_pipelines_are_made_is_refused_in_words(
    tiny_sd15, models_dir, tmp_path, sample_size
):
    # The registry accepts it (sample_size is the default picture size) and its weights load; diffusers then
    # compares it with a number while making the img2img pipeline.
    config = json.loads((tiny_sd15 / "unet" / "config.json").read_text())
    (tiny_sd15 / "unet" / "config.json").write_text(json.dumps({**config, "sample_size": sample_size}))
    with _engine_on([models_dir], tmp_path) as (_registry, engine, rec):
        done = rec.wait_job(engine.submit(quick_request(steps=1)).id)
        assert isinstance(done, ev.JobFailed), done
        assert done.msg.id == "model.load_failed", done.message
        assert_plain(done.message)


@contextlib.contextmanager
def _engine_on(folders: list[Path], tmp_path: Path):
    """(registry, engine, its event recorder) over the models in `folders`, with a library; shut after the block."""
    registry = ModelRegistry(folders)
    registry.scan()
    library = Library.open(tmp_path / "data")
    engine = local_backend(registry, library, GenerationSettings)
    rec = Recorder()
    engine.subscribe(rec)
    try:
        yield registry, engine, rec
    finally:
        engine.shutdown()
        library.close()


# --- files the operating system will not let us read --------------------------------------------------------------


@contextlib.contextmanager
def as_unprivileged_user():
    """Root reads everything, so drop to `nobody` for the block (effective uid only, restored after)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    b"{}".decode("utf-8-sig")  # codecs load lazily, from a folder `nobody` cannot read here: load it first
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def shared_dir():
    """A folder `nobody` may enter (pytest's own tmp folders are root-only)."""
    path = Path(tempfile.mkdtemp(prefix="sm6-perm-"))
    path.chmod(0o755)
    yield path
    open_to_all(path)
    shutil.rmtree(path)


def open_to_all(folder: Path) -> None:
    for entry in folder.rglob("*"):
        entry.chmod(0o755 if entry.is_dir() else 0o644)


def _unreadable_file(folder: Path) -> Path:
    path = write_sd15_file(folder / "locked.safetensors")
    path.chmod(0o000)
    return path


def _unreadable_folder(folder: Path) -> Path:
    path = skeleton(folder / "locked-folder")
    open_to_all(path)
    path.chmod(0o000)
    return path


def _unreadable_part(folder: Path) -> Path:
    path = skeleton(folder / "locked-part")
    open_to_all(path)
    (path / "unet").chmod(0o000)
    return path


def _unreadable_weights(folder: Path) -> Path:
    path = skeleton(folder / "locked-weights")
    open_to_all(path)
    (path / "vae" / "model.safetensors").chmod(0o000)
    return path


@pytest.mark.parametrize("make", [_unreadable_file, _unreadable_folder, _unreadable_part, _unreadable_weights])
def test_a_model_that_cannot_be_read_is_listed_with_a_permissions_reason(shared_dir, make):
    models = shared_dir / "models"
    models.mkdir(mode=0o755)
    sound = write_sd15_file(models / "sound.safetensors")
    open_to_all(shared_dir)
    bad = make(models)
    registry = ModelRegistry([models], hash_cache=HashCache(shared_dir / "cache.json"))
    with as_unprivileged_user():
        found = {m.path: m for m in registry.scan()}
        with pytest.raises(ModelError) as refused:
            validate_import(bad)
    assert found[sound].usable
    assert not found[bad].usable and "not allowed to read" in found[bad].error and "permissions" in found[bad].error
    assert_plain(found[bad].error)
    assert "not allowed to read" in refused.value.message


def test_an_unreadable_models_folder_hides_only_its_own_models(shared_dir):
    locked, models = shared_dir / "locked-models", shared_dir / "models"
    locked.mkdir()
    models.mkdir()
    write_sd15_file(locked / "inside.safetensors")
    write_sd15_file(models / "sound.safetensors")
    open_to_all(shared_dir)
    locked.chmod(0o000)
    registry = ModelRegistry([locked, models], hash_cache=HashCache(shared_dir / "cache.json"))
    with as_unprivileged_user():
        found = registry.scan()
    assert [m.id for m in found] == ["sound.safetensors"]


# --- the hash cache: only a cache, whatever is in it --------------------------------------------------------------


HOSTILE_CACHES = {
    "deep-list": b"[" * DEEP + b"]" * DEEP,
    "deep-object": b'{"a":' * DEEP + b"1" + b"}" * DEEP,
    "deep-inside-entry": b'{"/m": ' + b"[" * DEEP + b"]" * DEEP + b"}",
    "not-utf8": b'{"\xff": 1}',
    "not-json": b'{"/m": {"size": ',
    "a-list": b"[1, 2, 3]",
    "text": b'"cache"',
    "empty": b"",
    "too-large": b" " * (17 * 1024 * 1024) + b"{}",
}


@pytest.mark.parametrize("content", HOSTILE_CACHES.values(), ids=HOSTILE_CACHES.keys())
def test_a_damaged_or_hostile_hash_cache_is_ignored_and_rebuilt(models_dir, sound_file, tmp_path, content):
    cache_file = tmp_path / "cache" / "model_hashes.json"
    cache_file.parent.mkdir()
    cache_file.write_bytes(content)
    registry = ModelRegistry([models_dir], hash_cache=HashCache(cache_file))
    (model,) = registry.scan()
    assert model.sha256 is None  # nothing was trusted
    hashed = registry.ensure_hash(model)
    assert hashed.sha256 == hashlib.sha256(sound_file.read_bytes()).hexdigest()
    rebuilt = json.loads(cache_file.read_text())
    assert [e["sha256"] for e in rebuilt.values()] == [hashed.sha256]
    assert ModelRegistry([models_dir], hash_cache=HashCache(cache_file)).scan()[0].sha256 == hashed.sha256


# What replaces the sound file's entry: the whole entry, or fields of it (its size and time match the file).
BAD_ENTRIES = {
    "number": 5,
    "text": "abc",
    "list": [1],
    "null": None,
    "empty": {},
    "hash-number": {"sha256": 5},
    "hash-not-hex": {"sha256": "not hex" * 9},
    "hash-upper": {"sha256": "A" * 64},
    "hash-short": {"sha256": "0" * 10},
    "size-text": {"size": "1"},
    "size-bool": {"size": True},
    "time-null": {"mtime_ns": None},
}


@pytest.mark.parametrize("bad", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_hash_cache_entries_of_the_wrong_shape_are_never_trusted(models_dir, sound_file, tmp_path, bad):
    stat = sound_file.stat()
    entry = bad
    if isinstance(bad, dict) and bad:
        entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": "0" * 64, **bad}
    cache_file = tmp_path / "cache.json"
    cache_file.write_text(json.dumps({str(sound_file.resolve()): entry}))
    registry = ModelRegistry([models_dir], hash_cache=HashCache(cache_file))
    (model,) = registry.scan()
    assert model.sha256 is None
    assert registry.ensure_hash(model).sha256 == hashlib.sha256(sound_file.read_bytes()).hexdigest()


def test_a_folder_where_the_hash_cache_should_be_costs_only_a_rehash(models_dir, sound_file, tmp_path):
    cache_file = tmp_path / "cache.json"
    cache_file.mkdir()
    registry = ModelRegistry([models_dir], hash_cache=HashCache(cache_file))
    (model,) = registry.scan()
    assert registry.ensure_hash(model).sha256 == hashlib.sha256(sound_file.read_bytes()).hexdigest()


# --- the command line ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", SAFETENSORS_CASES[:2] + DIFFUSERS_CASES[:2] + FILESYSTEM_CASES[:2], ids=lambda c: c[0])
def test_generate_with_a_malformed_model_says_why(models_dir, sound_file, case, capsys):
    _, make, words = case
    bad = listed_after(make, models_dir)
    assert cli.main(["generate", "a pearl white SM6", "--model", bad.id]) == 1
    err = capsys.readouterr().err
    assert bad.error in err and words in err and "Traceback" not in err


def listed_after(make, models_dir: Path):
    path = make(models_dir)
    return listed(models_dir)[path]
