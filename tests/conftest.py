"""Every test runs against its own data, config and model folders, headless and offline."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
# One torch thread per test process: the run has a worker per core, and two workers' torch thread pools spinning on
# two cores made generation-heavy files 20-60 % slower. CLI subprocesses inherit it; server replicas set their own.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import tqdm  # noqa: E402

# tqdm starts a process-wide monitor thread once a bar runs 10 s (a slow model build under load): it outlives the
# test that happened to be running, and the leak check would blame that test.
tqdm.tqdm.monitor_interval = 0


# Files that share one expensive session fixture run on one xdist worker, so it is built once per run, not once per
# worker: the real Ray Serve server (tests/fixtures/fleet_server.py) takes 12-16 s to start and keeps Ray's
# processes busy beside the other worker. tests/app/test_test_scheduling.py checks the list stays complete.
SAME_WORKER = {
    "ray-server": (
        "tests/app/test_fleet_server.py",
        "tests/app/test_fleet_client.py",
        "tests/ui/test_fleet_settings_ui.py",
        "tests/app/test_generation_backend_contract.py",
    ),
}


# Files of one or two long tests (measured with --durations): sent out first, with the Ray group. Ordered by their
# test count, as xdist orders files, they came last, and a 20 s soak left one worker running alone at the end.
LONG_FIRST = (
    "tests/ui/test_kiosk_soak.py",
    "tests/ui/test_kiosk_day.py",
    "tests/app/test_full_size_single_file.py",
    "tests/ui/test_startup.py",
    "tests/app/test_data_privacy.py",
    "tests/app/test_data_lock.py",
)


def pytest_collection_modifyitems(config, items):
    """Under xdist, the order files are handed out in: the Ray group, the long ones, then the rest by test count
    (most first, xdist's own rule). Every worker sorts the same way, so their collections stay identical."""
    if not hasattr(config, "workerinput"):
        return
    files = [item.nodeid.split("::", 1)[0] for item in items]
    count: dict[str, int] = {}
    for file in files:
        count[file] = count.get(file, 0) + 1
    grouped = {file for group in SAME_WORKER.values() for file in group}

    def rank(pair) -> tuple:
        file = pair[0]
        return (0 if file in grouped else 1 if file in LONG_FIRST else 2, -count[file], file)

    items[:] = [item for _file, item in sorted(zip(files, items), key=rank)]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last test of the run that uses the real generation server, the server stops (Ray's processes
    would otherwise keep a fifth of a core busy until the run ends). After each file, once its fixtures are gone,
    what still lives (modules, session fixtures, caches) is frozen out of the collector's walks (app/gc_pauses.py):
    what the next tests make is collected as before, so a test's check for objects of its own still sees them all."""
    if nextitem is None or nextitem.path != item.path:
        from app.gc_pauses import freeze_what_lives

        freeze_what_lives()
    session = item.session
    last = getattr(session, "_last_fleet_test", None)
    if last is None:
        users = [i for i in session.items if _uses_fleet_server(i)]
        last = session._last_fleet_test = users[-1].nodeid if users else ""
    if item.nodeid == last:
        from tests.fixtures.fleet_server import stop_early

        stop_early()


def _uses_fleet_server(item) -> bool:
    """By name, or (a fixture that asks for it at run time) by the `fleet_server` mark."""
    return "fleet_server" in getattr(item, "fixturenames", ()) or item.get_closest_marker("fleet_server") is not None


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadFileScheduling

    config.option.loadscopereorder = False  # the order is pytest_collection_modifyitems's

    class SharedFixtureScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = nodeid.split("::", 1)[0]
            for group, files in SAME_WORKER.items():
                if file in files:
                    return group
            return super()._split_scope(nodeid)

    return SharedFixtureScheduling(config, log)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)  # the leak check below looks at how the test itself went
    return report


@pytest.fixture(autouse=True)
def no_leaks(request):
    """Fails a test that leaves widgets alive, QTimers running or threads going (tests/fixtures/leaks.py).

    Set up before, and torn down after, every other function fixture: what they close does not count as leaked.
    """
    from tests.fixtures.leaks import Snapshot

    before = Snapshot.take()
    yield
    leaks = before.leaks()
    report = getattr(request.node, "report_call", None)
    if leaks and report is not None and report.passed:  # a failed test's leftovers follow from its failure
        pytest.fail(f"{request.node.name} left things behind:\n  " + "\n  ".join(leaks), pytrace=False)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Fresh user folders per test, and the repository's models/ folder hidden, so tests see only what they make."""
    dirs = {
        "SM6_DATA_DIR": tmp_path / "data",
        "SM6_CONFIG_DIR": tmp_path / "config",
        "SM6_MODELS_DIR": tmp_path / "user-models",
        "SM6_BUNDLED_MODELS_DIR": tmp_path / "models",
        "XDG_DATA_HOME": tmp_path / "xdg-data",
        "XDG_CACHE_HOME": tmp_path / "xdg-cache",
    }
    for name, path in dirs.items():
        monkeypatch.setenv(name, str(path))
    return dirs


@pytest.fixture(scope="session")
def tiny_sd15_master(tmp_path_factory) -> Path:
    """A tiny SD 1.x diffusers folder built from configs once per session (random weights, ~1 MB)."""
    from tests.fixtures.tiny_models import build_tiny_sd15

    return build_tiny_sd15(tmp_path_factory.mktemp("tiny") / "tiny-sd15")


@pytest.fixture
def models_dir(isolated_dirs) -> Path:
    path = isolated_dirs["SM6_BUNDLED_MODELS_DIR"]
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def tiny_sd15(tiny_sd15_master, models_dir) -> Path:
    """The tiny model installed in this test's models/ folder, as a user would drop it there."""
    return Path(shutil.copytree(tiny_sd15_master, models_dir / "tiny-sd15"))


@pytest.fixture(scope="session")
def tiny_guidance_masters(tmp_path_factory) -> dict[str, Path]:
    """Tiny ControlNets (SD 1.x and SDXL) and a 9-channel inpainting SD 1.x folder, built once per session."""
    from tests.fixtures.tiny_guidance import build_tiny_controlnet, build_tiny_inpainting_sd15

    root = tmp_path_factory.mktemp("tiny-guidance")
    return {
        "controlnet": build_tiny_controlnet(root / "tiny-controlnet"),
        "controlnet_sdxl": build_tiny_controlnet(root / "tiny-controlnet-xl", arch="sdxl"),
        # the same weights as "controlnet", as one original-layout file (with its .config sidecar beside it)
        "controlnet_single": build_tiny_controlnet(root / "single", single_file=True, name="tiny-controlnet-file"),
        "inpainting": build_tiny_inpainting_sd15(root / "tiny-sd15-inpainting"),
    }


@pytest.fixture
def tiny_controlnet(tiny_guidance_masters, models_dir) -> Path:
    """The tiny SD 1.x ControlNet folder in this test's models/controlnet/ folder."""
    return Path(shutil.copytree(tiny_guidance_masters["controlnet"], models_dir / "controlnet" / "tiny-controlnet"))


@pytest.fixture
def tiny_controlnet_sdxl(tiny_guidance_masters, models_dir) -> Path:
    """A tiny SDXL ControlNet folder in models/controlnet/: of another family than the SD 1.x models."""
    src = tiny_guidance_masters["controlnet_sdxl"]
    return Path(shutil.copytree(src, models_dir / "controlnet" / "tiny-controlnet-xl"))


@pytest.fixture
def tiny_controlnet_file(tiny_guidance_masters, models_dir) -> Path:
    """The tiny SD 1.x ControlNet as one original-layout .safetensors in models/controlnet/ (sidecar config beside)."""
    src = tiny_guidance_masters["controlnet_single"]
    target = models_dir / "controlnet"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src.with_name(src.stem + ".config"), target / (src.stem + ".config"))
    return Path(shutil.copy2(src, target / src.name))


@pytest.fixture
def tiny_inpainting(tiny_guidance_masters, models_dir) -> Path:
    """The tiny 9-channel inpainting model installed in this test's models/ folder."""
    return Path(shutil.copytree(tiny_guidance_masters["inpainting"], models_dir / "tiny-sd15-inpainting"))


@pytest.fixture(scope="session")
def tiny_lora_masters(tmp_path_factory) -> Path:
    """A folder of LoRA files for the tiny SD 1.x model, written once per session (tests/fixtures/tiny_lora.py)."""
    from tests.fixtures.tiny_lora import build_tiny_lora

    root = tmp_path_factory.mktemp("tiny-lora")
    build_tiny_lora(root / "tiny-style.safetensors", layout="kohya", seed=0)
    build_tiny_lora(root / "tiny-diffusers-style.safetensors", layout="diffusers", seed=1)
    build_tiny_lora(root / "lcm-lora-tiny.safetensors", layout="kohya", seed=2, lcm=True)
    build_tiny_lora(root / "tiny-xl-style.safetensors", arch="sdxl", layout="kohya", seed=3)
    return root


@pytest.fixture
def tiny_lora(tiny_lora_masters, models_dir) -> Path:
    """A kohya-layout LoRA for the tiny SD 1.x model in this test's models/lora/ folder; the session's other LoRA
    files (a diffusers-layout one, an LCM-LoRA, an SDXL one) lie beside it in `tiny_lora_masters` to copy in."""
    target = models_dir / "lora"
    target.mkdir(exist_ok=True)
    return Path(shutil.copy2(tiny_lora_masters / "tiny-style.safetensors", target / "tiny-style.safetensors"))


@pytest.fixture
def kubo_node():
    """A Kubo RPC node plus pinning service on 127.0.0.1 (tests/fixtures/kubo_server.py), stopped after the test."""
    from tests.fixtures.kubo_server import FakeKubo

    fake = FakeKubo()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def kubo_node_down():
    """The same, not running yet: its port refuses connections until `start()`."""
    from tests.fixtures.kubo_server import FakeKubo

    fake = FakeKubo()
    fake.start()
    fake.stop()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture(scope="session")
def anvil_binary():
    """The pinned anvil binary (`npm ci` in tests/chain when missing); skipped only where Node.js is missing."""
    from tests.fixtures.anvil import AnvilUnavailable, installed_binary

    try:
        return installed_binary()
    except AnvilUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def make_anvil(anvil_binary, tmp_path):
    """Start an Anvil (127.0.0.1 only) with the given options (tests.fixtures.anvil.Anvil); all stop after the test."""
    from tests.fixtures.anvil import Anvil

    started = []

    def make(**options):
        node = Anvil(anvil_binary, tmp_path / f"anvil-{len(started)}", **options)
        started.append(node)
        return node.start()

    yield make
    for node in started:
        node.stop()


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server on 127.0.0.1 in a temporary folder (tests/fixtures/postgres.py), for the session."""
    from tests.fixtures.postgres import PostgresServer

    server = PostgresServer.start_new()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_conninfo(postgres_server):
    """A fresh database on the session's PostgreSQL server; dropped after the test."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url.rsplit("/", 1)[1])


def pytest_collection_finish(session):
    """The libraries most files load, imported, then frozen out of Python's full collections: with them a full
    collection walks 440,000 objects, a quarter of a second, and every engine's shutdown runs one (measured with
    gc.callbacks: 30 % of tests/app/test_engine.py's time)."""
    from app.generation.pipelines import freeze_libraries, quiet_libraries

    quiet_libraries()  # as the engine does before its first load: no advice printed outside a test
    from diffusers import StableDiffusionPipeline  # noqa: F401  diffusers' lazy modules, loaded
    from transformers import CLIPTextModel  # noqa: F401

    freeze_libraries()  # the engine's own moment, here once for the whole run: no test's objects are frozen with it


from tests.fixtures.fleet_server import fleet_server  # noqa: E402,F401 - a real Ray Serve generation server (issue 20)
