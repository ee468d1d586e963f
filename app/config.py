"""User settings: a small TOML file in the user config dir, written atomically.

Read through app.settings_file (which never raises); a wrong type or an out-of-range value falls back to that
field's default with a logged reason, when loaded and again when saved."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field, fields
from pathlib import Path

import tomli_w

from app import i18n, paths, settings_file
from app.chain.settings import ChainSettings
from app.curation.settings import CurationSettings
from app.description.models import DescribeSettings
from app.fleet.settings import FleetSettings
from app.fsutil import atomic_write_text
from app.generation.settings import DEVICES, GenerationSettings  # noqa: F401 - DEVICES is re-exported
from app.messages import Message, Msg
from app.safety.settings import SafetySettings
from app.settings_checks import fix_fields, kind, type_problem
from app.showroom.settings import KioskSettings
from app.token.publish_settings import PublishSettings

log = logging.getLogger(__name__)

SOME_SETTINGS_RESET = Msg(
    "settings.some_reset",
    "Some settings in {path} could not be used and their defaults are in use: {names}. Saving the settings writes "
    "valid values.",
)

THEMES = ("system", "light", "dark")


@dataclass
class Settings:
    theme: str = "system"
    language: str = "system"  # "system" follows the computer; "en" or "ko" (app/i18n.py)
    data_dir: str = ""  # empty: the platform's usual folder (see app.paths.data_dir)
    generation: GenerationSettings = field(default_factory=GenerationSettings)
    describe: DescribeSettings = field(default_factory=DescribeSettings)
    publish: PublishSettings = field(default_factory=PublishSettings)
    chain: ChainSettings = field(default_factory=ChainSettings)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    safety: SafetySettings = field(default_factory=SafetySettings)
    curation: CurationSettings = field(default_factory=CurationSettings)
    fleet: FleetSettings = field(default_factory=FleetSettings)  # where designs are generated (app/fleet)

    def validated(self, reasons: list[str] | None = None) -> "Settings":
        """Every section checked; bad values reset to defaults (fixed in place, and returned for chaining)."""
        top = fix_fields("", self, choices={"theme": THEMES, "language": i18n.CHOICES}, reasons=reasons)
        self.theme, self.language, self.data_dir = top.theme, top.language, top.data_dir
        for name, cls in _SECTIONS.items():
            section = getattr(self, name)
            if not isinstance(section, cls):
                if reasons is not None:
                    reasons.append(f"{name}: {kind(section)} where a table belongs; using the defaults")
                section = cls()
            setattr(self, name, section.validated(reasons))
        return self


_SECTIONS = {
    "generation": GenerationSettings,
    "describe": DescribeSettings,
    "publish": PublishSettings,
    "chain": ChainSettings,
    "kiosk": KioskSettings,
    "safety": SafetySettings,
    "curation": CurationSettings,
    "fleet": FleetSettings,
}


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    warning: str = ""  # a plain sentence for a visible warning; empty when the file was fine
    details: str = ""  # behind "Show details"
    kept_as: Path | None = None  # where an unreadable file was kept
    warning_msg: Message | None = None  # `warning` by id, for a front end to translate


def settings_path() -> Path:
    return paths.config_dir() / "settings.toml"


def _from_dict(cls, data: dict, section: str, reasons: list[str]):
    kwargs = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        default = getattr(cls(), f.name)
        where = f"{section}.{f.name}" if section else f.name
        if dataclasses.is_dataclass(default):
            if isinstance(value, dict):
                kwargs[f.name] = _from_dict(type(default), value, where, reasons)
            else:
                reasons.append(f"{where}: {kind(value)} where a table belongs; using the defaults")
        elif (problem := type_problem(value, default)) is not None:
            reasons.append(f"{where}: {problem}; using {default!r}")
        else:
            kwargs[f.name] = value
    return cls(**kwargs)


def read_settings(path: Path | None = None, *, set_aside: bool = True) -> LoadedSettings:
    """The settings, and what to tell the person when the file could not be used as it is. Never raises.

    `set_aside=False` leaves an unreadable file where it is (for `doctor`, which only reports)."""
    path = path or settings_path()
    read = settings_file.read(path, set_aside=set_aside)
    reasons: list[str] = []
    settings = _from_dict(Settings, read.data, "", reasons).validated(reasons)
    if read.problem:
        return LoadedSettings(settings, read.problem, read.details, read.kept_as, read.problem_msg)
    if reasons:
        log.warning("Settings in %s reset to defaults: %s", path, "; ".join(reasons))
        names = [r.split(":", 1)[0] for r in reasons]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        warning = SOME_SETTINGS_RESET(path=path, names=shown)
        return LoadedSettings(settings, str(warning), "\n".join(reasons), warning_msg=warning)
    return LoadedSettings(settings)


def load_settings(path: Path | None = None) -> Settings:
    return read_settings(path).settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    text = tomli_w.dumps(dataclasses.asdict(settings.validated()))
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # holds nothing for others to read
    atomic_write_text(path, text)
