"""The shared generation server (`sm6-studio serve`): settings, and starting the Ray Serve application.

Ray is imported here only inside functions, and the deployments (app/fleet/deployments.py) only once a server
starts, so importing this module (the CLI's parser, the translation tools) costs nothing. The HTTP ingress binds to
127.0.0.1 unless the operator names another host, and is reached from dealerships only through TLS at a reverse
proxy. Ray's own ports (GCS, raylet, object store) listen on every interface even with its node address set to
127.0.0.1 (checked with `ss`; the dashboard stays off): they must be firewalled (docs/DEPLOYMENT.md), and `serve`
says so at every start.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app import paths
from app.messages import Msg

log = logging.getLogger(__name__)

BUSY = Msg("serve.busy", "The generation server is busy. Try again in a moment.")
REPLICA_GONE = Msg("serve.replica_gone", "The generation server stopped this job unexpectedly. Try again.")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
STOP_WAIT_S = 3.0


@dataclass(frozen=True)
class ServeSettings:
    """The `[serve]` table of the server's settings.toml, overridden by `sm6-studio serve` flags."""

    host: str = "127.0.0.1"
    port: int = 8000
    replicas: int = 1  # Generator replicas, each one job at a time
    gpus_per_replica: float = -1.0  # -1: 1 when CUDA is there, else 0
    max_queued: int = 8  # jobs waiting beyond the running ones; more are refused "busy"
    min_replicas: int = 0  # autoscaling when max_replicas > replicas: between min (0 = replicas) and max
    max_replicas: int = 0
    rate_per_minute: float = 30.0  # jobs per minute per token
    data_dir: str = ""  # tokens.json and audit.jsonl live in <data>/serve; "" = the app's data folder
    keepalive_s: float = 5.0  # a stream's longest silence (a waiting or loading job repeats a line this often)
    ray_address: str = "local"  # "local": Ray on this machine only; "auto": join the cluster `ray start` made here

    @classmethod
    def from_file(cls, path: Path | None = None) -> "ServeSettings":
        """The [serve] table (unknown or mistyped keys are ignored with a log line, never fatal)."""
        path = path or paths.config_dir() / "settings.toml"
        try:
            table = tomllib.loads(path.read_text("utf-8")).get("serve", {})
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return cls()
        defaults, values = cls(), {}
        known = {f.name for f in fields(cls)}
        for key, value in table.items() if isinstance(table, dict) else ():
            default = getattr(defaults, key, None)
            if key not in known:
                log.warning("[serve] %s is not a setting: ignored", key)
            elif isinstance(default, str) and isinstance(value, str):
                values[key] = value
            elif isinstance(default, int) and _number(value) and value == int(value) and value >= 0:
                values[key] = int(value)
            elif isinstance(default, float) and _number(value):
                values[key] = float(value)
            else:
                log.warning("[serve] %s = %r ignored", key, value)
        return cls(**values)

    def with_flags(self, **flags: Any) -> "ServeSettings":
        return replace(self, **{k: v for k, v in flags.items() if v is not None})

    def resolved(self) -> "ServeSettings":
        """GPUs per replica decided (1 when this machine has CUDA), data folder made concrete."""
        gpus = self.gpus_per_replica
        if gpus < 0:
            gpus = 1.0 if _cuda_count() > 0 else 0.0
        return replace(self, gpus_per_replica=gpus, data_dir=self.data_dir or str(paths.data_dir()))

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cuda_count() -> int:
    try:
        import torch

        return torch.cuda.device_count()
    except Exception:  # noqa: BLE001 - no torch, no driver: no GPU
        return 0


def generator_options(settings: ServeSettings) -> dict[str, Any]:
    """Ray Serve options of the Generator deployment: replicas (or autoscaling), GPUs, the queue bound."""
    actor: dict[str, Any] = {
        "num_gpus": settings.gpus_per_replica,
        "num_cpus": 0 if not settings.gpus_per_replica else 1,
    }
    options: dict[str, Any] = {
        "max_ongoing_requests": 1,
        "max_queued_requests": max(1, settings.max_queued),
        # on stop or redeploy a running job is cut after this (its kiosk retries it by job key), not waited for
        "graceful_shutdown_timeout_s": STOP_WAIT_S,
        "graceful_shutdown_wait_loop_s": 0.5,
        "ray_actor_options": actor,
    }
    if settings.max_replicas > settings.replicas:
        options["autoscaling_config"] = {
            "min_replicas": settings.min_replicas or settings.replicas,
            "initial_replicas": settings.replicas,
            "max_replicas": settings.max_replicas,
            "target_ongoing_requests": 1,
        }
    else:
        options["num_replicas"] = max(1, settings.replicas)
    return options


def build_app(settings: ServeSettings, generation: dict[str, Any] | None = None):
    """The Ray Serve application: the ingress bound to its Generator deployment. `generation`: the server's
    [generation] settings as a dict (device, decoder, memory options), read by the caller (the CLI)."""
    from app.fleet.deployments import Generator, Ingress

    settings = settings.resolved()
    generator = Generator.options(**generator_options(settings)).bind(generation)
    options = asdict(settings)
    stop = {"graceful_shutdown_timeout_s": STOP_WAIT_S, "graceful_shutdown_wait_loop_s": 0.5}
    return Ingress.options(ray_actor_options={"num_cpus": 0}, **stop).bind(generator, options)


def start_ray(
    *,
    address: str = "local",
    temp_dir: str | None = None,
    num_cpus: int | None = None,
    env: dict[str, str] | None = None,
) -> None:
    """Ray on this machine, its node address 127.0.0.1 and no dashboard; `address="auto"` joins the cluster that
    `ray start --head` made on this machine instead (several GPU boxes: docs/DEPLOYMENT.md)."""
    import ray

    if ray.is_initialized():
        return
    kwargs: dict[str, Any] = {"address": address, "log_to_driver": False, "configure_logging": False}
    if address == "local":
        kwargs.update(include_dashboard=False, _node_ip_address="127.0.0.1")
    if temp_dir:
        kwargs["_temp_dir"] = temp_dir
    if num_cpus is not None:
        kwargs["num_cpus"] = num_cpus
    if env:
        kwargs["runtime_env"] = {"env_vars": env}
    ray.init(**kwargs)


def serve_app(
    settings: ServeSettings, generation: dict[str, Any] | None = None, *, name: str = "sm6", route_prefix: str = "/"
) -> str:
    """Start (or update) the application; its base URL."""
    from ray import serve

    serve.start(http_options={"host": settings.host, "port": settings.port})
    serve.run(build_app(settings, generation), name=name, route_prefix=route_prefix)
    return settings.url + (route_prefix.rstrip("/") if route_prefix != "/" else "")


def stop_app(name: str) -> None:
    from ray import serve

    serve.delete(name)


def shutdown() -> None:
    import ray
    from ray import serve

    try:
        serve.shutdown()
    finally:
        ray.shutdown()
