"""The shared generation server (`sm6-studio serve`): settings, and starting the Ray Serve application.

Ray is imported here only inside functions, and the deployments (app/fleet/deployments.py) only once a server
starts, so importing this module (the CLI's parser, the translation tools) costs nothing. The HTTP ingress binds to
127.0.0.1 unless the operator names another host, and is reached from dealerships only through TLS at a reverse
proxy. Ray's own ports (GCS, raylet, object store) listen on every interface whatever its node address (Ray 2.60,
checked with `ss`), so `start_ray` always runs Ray with its token authentication, the token in an owner-only file
of the server's data folder (a wrong or missing token is refused: docs/DEPLOYMENT.md), and the guide has them
firewalled as well.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app import paths
from app.generation.request import MAX_PASS
from app.messages import Msg

log = logging.getLogger(__name__)

BUSY = Msg("serve.busy", "The generation server is busy. Try again in a moment.")
REPLICA_GONE = Msg("serve.replica_gone", "The generation server stopped this job unexpectedly. Try again.")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
HEAD_NODE = "node:__internal_head__"  # a resource only Ray's head node has
RAY_AUTH_OFF = Msg(
    "serve.ray_auth_off",
    "Ray's token authentication is turned off (RAY_AUTH_MODE={mode}). The generation server does not start without "
    "it: anyone who reaches Ray's ports could run code on this machine.",
)
STOP_WAIT_S = 3.0


@dataclass(frozen=True)
class ServeSettings:
    """The `[serve]` table of the server's settings.toml, overridden by `sm6-studio serve` flags."""

    host: str = "127.0.0.1"
    port: int = 8000
    replicas: int = 1  # Generator replicas, each one pass at a time
    gpus_per_replica: float = -1.0  # -1: 1 when CUDA is there, else 0
    max_queued: int = 8  # jobs waiting beyond the running ones; more are refused "busy"
    min_replicas: int = 0  # autoscaling when max_replicas > replicas: between min (0 = replicas) and max
    max_replicas: int = 0
    rate_per_minute: float = 30.0  # jobs per minute per token
    data_dir: str = ""  # tokens.json and audit.jsonl live in <data>/serve; "" = the app's data folder
    keepalive_s: float = 5.0  # a stream's longest silence (a waiting or loading job repeats a line this often)
    ray_address: str = "local"  # "local": Ray on this machine only; "auto": join the cluster `ray start` made here
    cpus_per_replica: float = 0.0  # 0: a GPU replica 1; a CPU replica its share of the machine's cores
    models_dir: str = ""  # "": the app's models folders (SM6_BUNDLED_MODELS_DIR, the models folder of settings)
    # Images a replica denoises together in one pass (app/generation/shared_pass.py): the jobs waiting for it
    # share its GPU's work. 1: every image its own pass, byte for byte what a desktop makes of the same request.
    images_per_pass: int = 1

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


def replica_cpus(settings: ServeSettings, cores: float) -> float:
    """The cores each Generator replica is given (and runs torch's threads on). A replica on a GPU needs one; one
    on the CPU gets its share of `cores` (Ray's CPUs), as many replicas as may run at once sharing them: Ray would
    otherwise run each on one thread (OMP_NUM_THREADS=1), a quarter of the speed of the desktop app on 4 cores."""
    if settings.cpus_per_replica > 0:
        return settings.cpus_per_replica
    if settings.gpus_per_replica:
        return 1.0
    most = max(settings.replicas, settings.max_replicas, 1)
    return float(max(1, int(cores) // most))


def generator_options(settings: ServeSettings, cores: float = 1.0) -> dict[str, Any]:
    """Ray Serve options of the Generator deployment: replicas (or autoscaling), GPUs and cores, the queue bound."""
    actor: dict[str, Any] = {"num_gpus": settings.gpus_per_replica, "num_cpus": replica_cpus(settings, cores)}
    options: dict[str, Any] = {
        # a replica takes in as many jobs as one pass can hold: the ones waiting inside it share the next pass
        "max_ongoing_requests": max(1, min(MAX_PASS, settings.images_per_pass)),
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
            "target_ongoing_requests": options["max_ongoing_requests"],  # a full pass per replica, then more
        }
    else:
        options["num_replicas"] = max(1, settings.replicas)
    return options


def build_app(settings: ServeSettings, generation: dict[str, Any] | None = None):
    """The Ray Serve application: the ingress bound to its Generator deployment. `generation`: the server's
    [generation] settings as a dict (device, decoder, memory options), read by the caller (the CLI)."""
    import ray

    from app.fleet.deployments import Generator, Ingress

    settings = settings.resolved()
    options = generator_options(settings, ray.cluster_resources().get("CPU", 1.0))
    threads = int(options["ray_actor_options"]["num_cpus"])
    per_pass = options["max_ongoing_requests"]
    generator = Generator.options(**options).bind(generation, threads, settings.models_dir, per_pass)
    stop = {"graceful_shutdown_timeout_s": STOP_WAIT_S, "graceful_shutdown_wait_loop_s": 0.5}
    # On the head node, where staff issue tokens and read the audit log, whichever machines the replicas run on.
    ingress_actor = {"num_cpus": 0, "resources": {HEAD_NODE: 0.001}}
    return Ingress.options(ray_actor_options=ingress_actor, **stop).bind(generator, asdict(settings))


def ray_token_file(data_dir: str | Path) -> Path:
    """Ray's authentication token for this server, made on first use: owner-only, in the server's data folder
    (Ray's own default, ~/.ray/auth_token, is readable by every account of the machine)."""
    path = Path(data_dir) / "serve" / "ray_auth_token"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    os.chmod(path, 0o600)
    return path


def require_ray_auth(data_dir: str | Path) -> Path | None:
    """Ray's token authentication on, for this process and the Ray it starts or joins: the token of the environment
    when the operator gave one (a cluster's, copied to every machine), else this server's own file. UserFacingError
    when it was turned off."""
    from app.errors import UserFacingError

    mode = os.environ.get("RAY_AUTH_MODE", "token")
    if mode.lower() != "token":
        raise UserFacingError(RAY_AUTH_OFF(mode=mode))
    os.environ["RAY_AUTH_MODE"] = "token"
    path = None
    if not (os.environ.get("RAY_AUTH_TOKEN") or os.environ.get("RAY_AUTH_TOKEN_PATH")):
        path = ray_token_file(data_dir)
        os.environ["RAY_AUTH_TOKEN_PATH"] = str(path)
    if "ray" in sys.modules:  # Ray read its configuration when it was imported: it must read the mode again
        from ray._raylet import Config  # what ray.init itself calls after turning token mode on (Ray 2.60)

        Config.initialize("")
    return path


def start_ray(
    *,
    address: str = "local",
    temp_dir: str | None = None,
    num_cpus: int | None = None,
    env: dict[str, str] | None = None,
    data_dir: str | Path | None = None,
) -> None:
    """Ray on this machine with no dashboard; `address="auto"` (or a head's address) joins the cluster that
    `ray start --head` made instead (several GPU boxes: docs/DEPLOYMENT.md). With `data_dir`, Ray's token
    authentication is required (require_ray_auth); the tests' own Ray goes without it only when told to."""
    import ray

    if ray.is_initialized():
        return
    if data_dir is not None:
        require_ray_auth(data_dir)
    kwargs: dict[str, Any] = {"address": address, "log_to_driver": False, "configure_logging": False}
    if address == "local":
        # Ray starts its workers at niceness 15, for a laptop's background jobs; here the generators are the
        # machine's work, and at 15 anything else running starved them (a test box: 10 % of a core).
        kwargs.update(include_dashboard=False, _system_config={"worker_niceness": 0})
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
