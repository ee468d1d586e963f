"""User settings: a small TOML file in the user config dir, written atomically.

Unknown or bad values fall back to defaults."""

from __future__ import annotations

import dataclasses
import logging
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

import tomli_w

from app import paths
from app.chain.settings import ChainSettings
from app.description.models import DescribeSettings
from app.fsutil import atomic_write_text
from app.token.publish_settings import PublishSettings

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
DEVICES = ("auto", "cuda", "mps", "cpu")


@dataclass
class GenerationSettings:
    device: str = "auto"
    attention_slicing: bool = False
    vae_tiling: bool = False
    cpu_offload: bool = False
    # CUDA only, measured by tests/benchmarks/bench_gpu.py: channels_last was slower on an H200 with SDPA;
    # torch.compile nearly doubles the step rate after a warm-up of about a minute per model and size.
    channels_last: bool = False
    compile_unet: bool = False
    live_previews: bool = True
    model_id: str = ""  # last used model; empty picks the first available


@dataclass
class Settings:
    theme: str = "system"
    data_dir: str = ""  # empty: the platform's usual folder (see app.paths.data_dir)
    generation: GenerationSettings = field(default_factory=GenerationSettings)
    describe: DescribeSettings = field(default_factory=DescribeSettings)
    publish: PublishSettings = field(default_factory=PublishSettings)
    chain: ChainSettings = field(default_factory=ChainSettings)

    def validated(self) -> "Settings":
        if self.theme not in THEMES:
            self.theme = "system"
        if self.generation.device not in DEVICES:
            self.generation.device = "auto"
        self.chain = self.chain.validated()
        return self


def settings_path() -> Path:
    return paths.config_dir() / "settings.toml"


def _from_dict(cls, data: dict):
    kwargs = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        default = getattr(cls(), f.name)
        if dataclasses.is_dataclass(default):
            if isinstance(value, dict):
                kwargs[f.name] = _from_dict(type(default), value)
        elif isinstance(value, type(default)):
            kwargs[f.name] = value
    return cls(**kwargs)


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        log.warning("Ignoring unreadable settings file %s: %s", path, exc)
        return Settings()
    return _from_dict(Settings, data).validated()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    atomic_write_text(path, tomli_w.dumps(dataclasses.asdict(settings.validated())))
