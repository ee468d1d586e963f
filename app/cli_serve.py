"""`sm6-studio serve`: the shared generation server kiosks without a GPU send their work to (Ray Serve), and
`sm6-studio serve tokens issue NAME | list | revoke NAME`, the kiosks' tokens.

The server runs until Ctrl+C, saying its address and device, then one line per request as the audit log records it
(who generated what). Ray is imported only when the server starts: the token commands and `--help` stay quick.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from app import paths
from app.cli_messages import helps
from app.errors import UserFacingError
from app.messages import Msg

HELP = Msg("serve.help", "run the shared generation server that kiosks without a GPU generate on (Ray Serve)")
HELP_HOST = Msg("serve.help_host", "address to listen on (default 127.0.0.1; put TLS in front for any other)")
HELP_PORT = Msg("serve.help_port", "port to listen on (default 8000)")
HELP_REPLICAS = Msg("serve.help_replicas", "how many generators run at once (each one pass at a time)")
HELP_GPUS = Msg("serve.help_gpus", "GPUs per generator (default: 1 when this computer has CUDA, else 0)")
HELP_MAX_QUEUED = Msg("serve.help_max_queued", "jobs that may wait beyond the running ones; more are told to retry")
HELP_RATE = Msg("serve.help_rate", "jobs a minute each token may start")
HELP_MIN = Msg("serve.help_min_replicas", "autoscaling: the fewest generators kept running (default: --replicas)")
HELP_MAX = Msg("serve.help_max_replicas", "autoscaling: the most generators started when jobs wait (0: no autoscaling)")
HELP_CPUS = Msg("serve.help_cpus", "CPU cores per generator (default: 1 with a GPU, else a share of this computer's)")
HELP_PER_PASS = Msg(
    "serve.help_images_per_pass",
    "images a generator denoises together, from the jobs waiting for it (default 1: each image on its own)",
)
HELP_RAY_ADDRESS = Msg(
    "serve.help_ray_address", "join a Ray cluster (its head's address, or auto) instead of starting Ray here"
)
HELP_TOKENS = Msg("serve.help_tokens", "issue, list or revoke the kiosks' tokens")
HELP_ISSUE = Msg("serve.help_issue", "make a token for a kiosk (shown once)")
HELP_LIST = Msg("serve.help_list", "list the tokens by name")
HELP_REVOKE = Msg("serve.help_revoke", "revoke a kiosk's token: its next request is refused")
HELP_NAME = Msg("serve.help_name", "the token's name: the kiosk or dealership it is for")

ISSUED = Msg(
    "serve.token_issued",
    "Token for {name}, shown only this once: enter it in that kiosk's Settings → Generation → Token.",
)
REVOKED_DONE = Msg("serve.token_revoked_done", "Revoked the token {name}: its next request is refused.")
NO_TOKENS = Msg("serve.no_tokens", "No tokens yet. Issue one with `sm6-studio serve tokens issue NAME`.")
TOKEN_VALID = Msg("serve.token_valid", "{name} · issued {created}")
TOKEN_REVOKED = Msg("serve.token_revoked", "{name} · issued {created} · revoked {revoked}")
NO_RAY = Msg(
    "serve.no_ray",
    "The generation server needs Ray Serve, which this installation lacks. Install it with "
    "`pip install sm6-studio[server]`.",
)
NOT_NEGATIVE = Msg("serve.not_negative", "{flag} must be 0 or more.")
PER_PASS_RANGE = Msg("serve.images_per_pass_range", "--images-per-pass must be between 1 and {most}.")
STARTING = Msg("serve.starting", "Starting the generation server…")
STARTED = Msg("serve.started", "Generation server on {url} ({device}). Press Ctrl+C to stop.")
NOT_LOOPBACK = Msg(
    "serve.not_loopback",
    "Listening on {host}: dealerships must reach it through TLS (a reverse proxy, see the deployment guide).",
)
# Measured with `ss`: Ray's GCS, raylet and object store listen on every interface whatever its node address, so
# the operator is told every time, not only when the HTTP port is opened.
RAY_PORTS = Msg(
    "serve.ray_ports",
    "Ray's own ports (GCS, raylet, object store) listen on every network interface of this machine. They accept "
    "only Ray's token ({token}); firewall them as well, so that only this machine and its cluster reach them (see "
    "the deployment guide).",
)
STOPPED = Msg("serve.stopped", "The generation server stopped.")
REQUEST_LINE = Msg("serve.request_line", "{token}: {outcome} · {model} · {seconds} s")
OUTCOMES = {
    "finished": Msg("serve.outcome.finished", "finished"),
    "cancelled": Msg("serve.outcome.cancelled", "cancelled"),
    "failed": Msg("serve.outcome.failed", "failed"),
    "busy": Msg("serve.outcome.busy", "refused: busy"),
    "rate_limited": Msg("serve.outcome.rate_limited", "refused: too many requests"),
    "replayed": Msg("serve.outcome.replayed", "sent again"),
    "cut": Msg("serve.outcome.cut", "cut off"),
}


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("serve", help=helps(HELP))
    parser.add_argument("--host", default=None, help=helps(HELP_HOST))
    parser.add_argument("--port", type=int, default=None, help=helps(HELP_PORT))
    parser.add_argument("--replicas", type=int, default=None, help=helps(HELP_REPLICAS))
    parser.add_argument("--gpus-per-replica", type=float, default=None, help=helps(HELP_GPUS))
    parser.add_argument("--max-queued", type=int, default=None, help=helps(HELP_MAX_QUEUED))
    parser.add_argument("--rate", type=float, default=None, help=helps(HELP_RATE))
    parser.add_argument("--min-replicas", type=int, default=None, help=helps(HELP_MIN))
    parser.add_argument("--max-replicas", type=int, default=None, help=helps(HELP_MAX))
    parser.add_argument("--cpus-per-replica", type=float, default=None, help=helps(HELP_CPUS))
    parser.add_argument("--images-per-pass", type=int, default=None, help=helps(HELP_PER_PASS))
    parser.add_argument("--ray-address", default=None, help=helps(HELP_RAY_ADDRESS))
    serve_sub = parser.add_subparsers(dest="serve_command")
    tokens = serve_sub.add_parser("tokens", help=helps(HELP_TOKENS))
    actions = tokens.add_subparsers(dest="tokens_action", required=True)
    actions.add_parser("issue", help=helps(HELP_ISSUE)).add_argument("name", help=helps(HELP_NAME))
    actions.add_parser("list", help=helps(HELP_LIST))
    actions.add_parser("revoke", help=helps(HELP_REVOKE)).add_argument("name", help=helps(HELP_NAME))


def run(args: argparse.Namespace) -> int:
    from app.fleet.server import ServeSettings
    from app.generation.request import MAX_PASS

    per_pass = getattr(args, "images_per_pass", None)
    if per_pass is not None and not 1 <= per_pass <= MAX_PASS:
        raise UserFacingError(PER_PASS_RANGE(most=MAX_PASS))
    for flag in ("replicas", "max_queued", "rate", "min_replicas", "max_replicas", "cpus_per_replica"):
        if (getattr(args, flag, None) or 0) < 0:
            raise UserFacingError(NOT_NEGATIVE(flag="--" + flag.replace("_", "-")))

    settings = ServeSettings.from_file().with_flags(
        host=args.host,
        port=args.port,
        replicas=args.replicas,
        gpus_per_replica=args.gpus_per_replica,
        max_queued=args.max_queued,
        rate_per_minute=args.rate,
        min_replicas=args.min_replicas,
        max_replicas=args.max_replicas,
        cpus_per_replica=args.cpus_per_replica,
        images_per_pass=per_pass,
        ray_address=args.ray_address,
    )
    data = Path(settings.data_dir) if settings.data_dir else paths.data_dir()
    if getattr(args, "serve_command", None) == "tokens":
        return _tokens(args, data)
    return _serve(settings)


def _tokens(args: argparse.Namespace, data: Path) -> int:
    from app.fleet.tokens import TokenStore

    store = TokenStore(data / "serve" / "tokens.json")
    if args.tokens_action == "issue":
        token = store.issue(args.name)
        print(ISSUED(name=args.name.strip()))
        print(token)
    elif args.tokens_action == "revoke":
        store.revoke(args.name)
        print(REVOKED_DONE(name=args.name.strip()))
    else:
        infos = store.list()
        if not infos:
            print(NO_TOKENS())
        for info in infos:
            created = datetime.fromtimestamp(info.created).astimezone()
            if info.valid:
                print(TOKEN_VALID(name=info.name, created=created))
            else:
                revoked = datetime.fromtimestamp(info.revoked or 0).astimezone()
                print(TOKEN_REVOKED(name=info.name, created=created, revoked=revoked))
    return 0


def _serve(settings) -> int:
    from app.config import load_settings
    from app.fleet import server
    from app.fleet.audit import AuditLog

    try:
        import ray  # noqa: F401 - only to say plainly that it is missing
    except ImportError:
        raise UserFacingError(NO_RAY()) from None
    settings = settings.resolved()
    print(STARTING(), flush=True)
    if settings.host not in server.LOOPBACK:
        print(NOT_LOOPBACK(host=settings.host), flush=True)
    server.start_ray(address=settings.ray_address, data_dir=settings.data_dir)
    try:
        url = server.serve_app(settings, dataclasses.asdict(load_settings().generation))
        print(STARTED(url=url, device=_device(url)), flush=True)
        print(RAY_PORTS(token=os.environ.get("RAY_AUTH_TOKEN_PATH") or "RAY_AUTH_TOKEN"), flush=True)
        _follow(AuditLog(Path(settings.data_dir) / "serve" / "audit.jsonl"))
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    print(STOPPED())
    return 0


def _device(url: str) -> str:
    import httpx2

    try:
        return str(httpx2.get(f"{url}/health", timeout=60).json().get("device", "?"))
    except (httpx2.HTTPError, ValueError):
        return "?"


def _follow(audit) -> None:
    """Print each new audit entry as one line, until Ctrl+C."""
    offset = audit.end()
    while True:
        time.sleep(1.0)
        entries, offset = audit.read_from(offset)
        for entry in entries:
            print(request_line(entry), flush=True)


def request_line(entry: dict) -> str:
    """One audit entry as the line `serve` prints."""
    outcome = OUTCOMES.get(str(entry.get("outcome")))
    return str(
        REQUEST_LINE(
            token=entry.get("token", "?"),
            outcome=outcome() if outcome else str(entry.get("outcome")),
            model=entry.get("model") or "—",
            seconds=entry.get("seconds", 0),
        )
    )
