"""The composition root of the core: settings, library, model registry and generation backend, wired once.

The window and the command line both start here, so they share one behaviour: the data folder is owned by one
process at a time (app.data_lock) and kept owner-only (app.privacy) for as long as the services are open.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from app import data_lock, paths, privacy
from app.chain.service import ChainService
from app.changes import ChangeFeed, SettingsChanged, settings_sections
from app.config import Settings, read_settings
from app.config import save_settings as write_settings
from app.errors import UserFacingError
from app.executors import run
from app.fsutil import remove_leftover_temps
from app.generation.backend import GenerationBackend
from app.generation.engine import Engine
from app.generation.registry import ModelRegistry
from app.generation.switching import SwitchingBackend
from app.kiosk import DESKTOP, Policy
from app.library.saver import LibrarySaver
from app.library.store import Library
from app.safety.service import ContentSafety
from app.token.publish import Outbox
from app.token.publisher import Publisher, outbox_path

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    library: Library
    registry: ModelRegistry
    backend: GenerationBackend
    publisher: Publisher | None = None
    chain: ChainService | None = None
    safety: ContentSafety | None = None  # the prompt filter and picture check (always at the kiosk; app/safety)
    folder_lock: data_lock.DataLock | None = None
    settings_warning: str = ""  # a settings file that could not be used as it was: say so where the person looks
    demo_built: bool = False  # no model was installed, so the demo model was built for this run
    # What every core operation changed, for every front end to redraw just that (app/changes.py). The library,
    # the publisher and the chain service publish on it; `save_settings` does for the settings.
    changes: ChangeFeed = field(default_factory=ChangeFeed)
    kiosk: bool = False  # the kiosk's server-only policy binds this process (app/kiosk.py `obeys_server_only`)
    place: "Place | None" = field(default=None, repr=False)  # where the backend was last told to generate
    # the temp files of writes a crash cut short, looked for once the folder is ours (app/fsutil.py): their count
    tidied: Future | None = field(default=None, repr=False)
    _closed: bool = False

    @property
    def engine(self) -> GenerationBackend:
        """The generation backend under the name front ends and tests have long used."""
        return self.backend

    def save_settings(self, new: Settings, path: Path | None = None) -> frozenset[str]:
        """Write `new` to settings.toml (OSError when it cannot be), use it from now on, and say which parts changed
        (SettingsChanged on the feed, only when something did). Returns those parts."""
        write_settings(new, path)
        return self.use_settings(new)

    def use_settings(self, new: Settings) -> frozenset[str]:
        """Use `new`, already written to settings.toml (the Settings form writes its own file), and say which parts
        changed. Readers of `services.settings` see it at their next read."""
        sections = settings_sections(self.settings, new)
        self.settings = new
        if "fleet" in sections:
            self.follow_generation_place()
        if sections:
            self.changes.publish(SettingsChanged(sections, new))
        return sections

    def follow_generation_place(self) -> bool | None:
        """Generate where the settings (and the token in the keyring) now say, without a restart. None: nothing
        that matters changed; True: new jobs go there now; False: once the jobs queued or running have ended."""
        place = generation_place(self.settings.fleet, self.kiosk)
        switch = getattr(self.backend, "switch", None)
        if place == self.place or switch is None:
            return None
        self.place = place
        log.info("Generating %s from now on", "on the server" if place.server else "on this computer")
        return switch(lambda: backend_at(place, self.registry, self.library, lambda: self.settings))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if self.tidied is not None and not self.tidied.cancel():
                wait([self.tidied], timeout=10)  # a walk of the folders: done before the folder is let go
            self.backend.shutdown()  # waits for the designs already handed to the saver: before the library closes
            if self.chain is not None:
                self.chain.close()
            if self.publisher is not None:
                self.publisher.close()
            self.library.close()
        finally:
            if self.folder_lock is not None:
                self.folder_lock.release()
            privacy.owner_only_end()


def open_services(
    need_model: bool = False,
    model_id: str = "",
    settings: Settings | None = None,
    *,
    lock_wait_s: float = 0.0,
    on_lock_wait: Callable[[int | None], None] | None = None,
    policy: Policy = DESKTOP,
) -> Services:
    """Open the data folder and everything on it.

    Raises data_lock.FolderInUse (a StorageError) when another process owns the folder and does not let go
    within `lock_wait_s` seconds; `on_lock_wait(pid)` is called once when waiting starts. `need_model`: build the
    demo model when no model at all is installed (never when installed models are merely unusable: that the
    person must hear about). `policy` (app/kiosk.py): at a kiosk, staff may have said to generate on the server
    only (`fleet.kiosk_server_only`)."""
    warning = ""
    if settings is None:
        loaded = read_settings()
        settings, warning = loaded.settings, loaded.warning
    data_dir = paths.data_dir()
    privacy.owner_only_begin()
    folder_lock = None
    try:
        folder_lock = data_lock.hold(data_dir, lock_wait_s, on_lock_wait)
        # Installs from before this guarantee left the databases and their folders readable by everyone.
        privacy.tighten(data_dir, privacy.DATA_ENTRIES)
        privacy.tighten(paths.config_dir(), privacy.CONFIG_ENTRIES)
        services = _open(data_dir, settings, need_model, model_id, policy.obeys_server_only)
    except BaseException:
        if folder_lock is not None:
            folder_lock.release()
        privacy.owner_only_end()
        raise
    services.folder_lock = folder_lock
    services.settings_warning = warning
    services.tidied = run("disk", _remove_leftovers, data_dir, paths.config_dir())
    return services


def _remove_leftovers(*folders: Path) -> int:
    """With the data folder ours, no write of another process is in progress there: the temp files found are what
    crashes and power cuts left (each may be a whole design), and they go."""
    removed = sum(remove_leftover_temps(folder) for folder in folders)
    if removed:
        log.info("removed %d temp files that interrupted writes left", removed)
    return removed


def _open(data_dir, settings: Settings, need_model: bool, model_id: str, kiosk: bool = False) -> Services:
    changes = ChangeFeed()
    library = Library.open(data_dir, changes)
    try:
        # A read-only library means a data folder the app may not change: show what waits, queue nothing.
        outbox = Outbox(outbox_path(data_dir), read_only=True if library.is_read_only else None)
    except BaseException:
        library.close()
        raise
    registry = ModelRegistry()
    registry.scan()
    demo_built = False
    if need_model and not model_id and not registry.models and not settings.fleet.uses_server(kiosk):
        from app.generation.demo_model import install_demo_model

        install_demo_model()
        registry.scan()
        demo_built = True
    services = Services(
        settings,
        library,
        registry,
        backend=None,
        demo_built=demo_built,
        changes=changes,  # type: ignore[arg-type]
        kiosk=kiosk,
    )
    # The engine reads settings per job, so a change saved in Settings applies to the next generation; a change of
    # place switches the backend (follow_generation_place).
    services.place = generation_place(settings.fleet, kiosk)
    services.backend = generation_backend(registry, library, lambda: services.settings, kiosk, services.place)
    services.publisher = Publisher(outbox, lambda: services.settings.publish, changes=changes)
    services.chain = ChainService(data_dir, lambda: services.settings.chain, changes=changes)
    services.safety = ContentSafety(lambda: services.settings.safety)
    return services


@dataclass(frozen=True)
class Place:
    """Where designs are generated, with all that makes a backend there: two equal places need no switch."""

    server: bool = False
    url: str = ""
    allow_local_fallback: bool = False
    timeout_s: float = 30.0
    token: str = field(default="", repr=False)  # a secret: never in a log line


def generation_place(fleet, kiosk: bool = False) -> Place:
    """The place settings.fleet names (the kiosk policy may force the server), with the server's token."""
    if not fleet.uses_server(kiosk):
        return Place()
    from app.fleet.settings import FleetTokenStore

    token = FleetTokenStore().get().key or ""  # none: the server refuses, and the client says how to set one
    return Place(True, fleet.url, fleet.allow_local_fallback, fleet.timeout_s, token)


def generation_backend(
    registry: ModelRegistry,
    library: Library,
    settings: Callable[[], Settings],
    kiosk: bool = False,
    place: Place | None = None,
) -> SwitchingBackend:
    """Where designs are generated (settings.fleet): this computer, or the generation server — and, where staff
    allow it, this computer when the server cannot take a job. Either way finished images go to `library`. The
    backend can be switched to another place while the app runs (`Services.follow_generation_place`)."""
    place = place if place is not None else generation_place(settings().fleet, kiosk)
    backend = SwitchingBackend(lambda: backend_at(place, registry, library, settings))
    LibrarySaver(library).attach(backend)  # the sink stays with the switching backend, whichever runs the jobs
    return backend


def backend_at(place: Place, registry: ModelRegistry, library: Library, settings: Callable[[], Settings]):
    """The backend for `place`: the local engine, or the server's client (with the fallback where allowed)."""
    local = lambda: local_backend(registry, library, lambda: settings().generation)  # noqa: E731
    if not place.server:
        return local()
    from app.fleet.remote import RemoteBackend  # only a computer that uses a server loads the client
    from app.fleet.settings import FleetSettings, server_address

    try:
        url = server_address(FleetSettings(url=place.url))
    except UserFacingError as exc:  # the client says it again, in words, at the first job
        log.warning("The generation server's address cannot be used: %s", exc)
        url = place.url
    saver = LibrarySaver(library)
    remote = RemoteBackend(url, place.token, timeout_s=place.timeout_s, sources=saver.source_image)
    if place.allow_local_fallback:
        from app.fleet.fallback import FallbackBackend

        remote = FallbackBackend(remote, local)
    saver.attach(remote)
    return remote


def local_backend(registry: ModelRegistry, library: Library, settings: Callable) -> Engine:
    """Diffusers on this computer, saving every finished image to `library` (the saver is its image sink)."""
    saver = LibrarySaver(library)
    engine = Engine(registry, settings, sources=saver.source_image)
    saver.attach(engine)
    return engine
