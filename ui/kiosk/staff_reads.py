"""What the staff panel reads from the services, always off the UI thread: the kiosk's health (model, device,
queue, disk) and today's submissions with their pictures and explorer links. Plain functions over `Services`
(app/services.py), so the panel itself calls no service."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import paths
from app.chain.networks import BUILT_IN, Network
from app.errors import UserFacingError
from app.messages import Message
from app.showroom.export import Submission, submissions_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Health:
    model: str  # the model's label; "" when none can be used
    model_problem: Message | str | None  # why not
    device: str  # "CPU", "CUDA · NVIDIA H100 …"
    queue: int  # generation jobs queued or running
    disk_free: int  # bytes free where the data folder is; -1 when unknown
    disk_total: int
    picture_problem: str | None = None  # the picture check: "" works here, else why not; None: unknown


def read_health(services) -> Health:
    """Runs on a worker: the device label may import torch, the disk may be slow."""
    backend = services.backend
    model, problem = "", None
    try:
        model = backend.model_for("").label
    except UserFacingError as exc:
        problem = exc.msg
    try:
        usage = shutil.disk_usage(paths.data_dir())
        free, total = usage.free, usage.total
    except OSError:
        free, total = -1, -1
    picture = None
    if services.safety is not None:
        try:
            picture = services.safety.classifier_problem()  # loads the classifier once: seconds, on this worker
        except Exception:  # noqa: BLE001 - a broken classifier is a health line, not a failed health check
            log.warning("the picture check could not be loaded", exc_info=True)
            picture = "failed to load"  # i18n: not shown (staff see a sentence; this is for the log)
    return Health(model, problem, backend.device_label(), len(backend.jobs()), free, total, picture)


def network_of(chain_id: int, in_use: Network) -> Network | None:
    if in_use.chain_id == chain_id:
        return in_use
    return next((n for n in BUILT_IN.values() if n.chain_id == chain_id), None)


def todays_submissions(services, records: list, day: date) -> list[Submission]:
    """The mint records of `day` as rows to export, each with its design's PNG and its explorer link."""
    in_use = services.settings.chain.selected_network()
    images = services.library.images  # content-addressed: a mint's content hash names its picture's file

    def link(record) -> str:
        network = network_of(record.chain_id, in_use)
        if network is None:
            return ""
        if record.token_id is not None:
            return network.token_url(record.token_id, record.contract)
        return network.tx_url(record.tx_hash) if record.tx_hash else ""

    def image(record) -> Path | None:
        digest = bytes(record.content_hash).hex()
        return images.path(digest) if images.has(digest) else None

    return submissions_of(records, day, link, image)
