"""The composition root of the core: settings, library, model registry and engine, wired once.

The window and the command line both start here, so they share one behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import paths
from app.chain.service import ChainService
from app.config import Settings, load_settings
from app.generation.engine import Engine
from app.generation.registry import ModelRegistry
from app.library.store import Library
from app.token.publish import Outbox
from app.token.publisher import Publisher, outbox_path


@dataclass
class Services:
    settings: Settings
    library: Library
    registry: ModelRegistry
    engine: Engine
    publisher: Publisher | None = None
    chain: ChainService | None = None

    def close(self) -> None:
        self.engine.shutdown()
        if self.chain is not None:
            self.chain.close()
        if self.publisher is not None:
            self.publisher.close()
        self.library.close()


def open_services(need_model: bool = False, model_id: str = "", settings: Settings | None = None) -> Services:
    settings = settings or load_settings()
    data_dir = paths.data_dir()
    library = Library.open(data_dir)
    try:
        outbox = Outbox(outbox_path(data_dir))
    except BaseException:
        library.close()
        raise
    registry = ModelRegistry()
    registry.scan()
    if need_model and not model_id and not registry.usable():
        from app.generation.demo_model import install_demo_model

        install_demo_model()
        registry.scan()
    services = Services(settings, library, registry, engine=None)  # type: ignore[arg-type]
    # The engine reads settings per job, so a change saved in Settings applies to the next generation.
    services.engine = Engine(registry, library, lambda: services.settings.generation)
    services.publisher = Publisher(outbox, lambda: services.settings.publish)
    services.chain = ChainService(data_dir, lambda: services.settings.chain)
    return services
