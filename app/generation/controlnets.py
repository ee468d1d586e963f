"""Loading a registered ControlNet (a diffusers folder, or one .safetensors as lllyasviel's and most others publish
them) onto the loaded model's device and dtype; kept on the LoadedModel while it is the one in use.

Runs on the engine's worker thread; diffusers is imported on first use.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

from app import paths
from app.errors import ModelError
from app.generation.pipelines import LoadedModel, own_cpu_weights, quiet_libraries
from app.generation.registry import ModelInfo
from app.messages import Msg

log = logging.getLogger(__name__)

CONTROLNET_LOAD_FAILED = Msg(
    "generation.controlnet.load_failed",
    "The ControlNet {name} could not be loaded. Check that it is a complete ControlNet for {family} models, or "
    "generate without it.",
)
CONTROLNET_OUT_OF_MEMORY = Msg(
    "generation.controlnet.out_of_memory",
    "Not enough memory to load the ControlNet {name} beside the model. Generate without it, or turn on the "
    "low-memory options in Settings.",
)


def config_dir(info: ModelInfo) -> Path:
    """For a single file: a `<stem>.config/` folder beside it wins (non-standard shapes), then the registry's choice,
    then the shipped config of its family."""
    sidecar = info.path.with_name(info.path.stem + ".config")
    if (sidecar / "config.json").is_file():
        return sidecar
    if info.config_dir is not None:
        return Path(info.config_dir)
    return paths.resource("sd_configs", f"controlnet_{info.arch or 'sd15'}")


def load_controlnet(loaded: LoadedModel, info: ModelInfo):
    """The ControlNetModel for `info`, on the model's device and in its dtype; cached by (id, sha256). Loading
    another one first drops the previous (and the pipelines built with it): one ControlNet is held at a time."""
    key = controlnet_key(info)
    cached = loaded.controlnets.get(key)
    if cached is not None:
        return cached
    loaded.forget_controlnets()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    quiet_libraries()
    from diffusers import ControlNetModel

    dtype = loaded.options.device.torch_dtype
    try:
        if info.format == "single":
            controlnet = ControlNetModel.from_single_file(
                str(info.path), config=str(config_dir(info)), local_files_only=True, dtype=dtype
            )
        else:
            controlnet = ControlNetModel.from_pretrained(
                str(info.path), local_files_only=True, use_safetensors=True, dtype=dtype
            )
        controlnet.eval()
        if not (loaded.options.cpu_offload and loaded.execution_device == "cuda"):
            controlnet.to(loaded.execution_device)
        own_cpu_weights([controlnet])
    except MemoryError as exc:
        raise ModelError(CONTROLNET_OUT_OF_MEMORY(name=info.label)) from exc
    except Exception as exc:
        raise ModelError(
            CONTROLNET_LOAD_FAILED(name=info.label, family=info.arch_label), details=traceback.format_exc()
        ) from exc
    loaded.controlnets[key] = controlnet
    log.info("Loaded ControlNet %s for %s", info.label, loaded.model.label)
    return controlnet


def controlnet_key(info: ModelInfo) -> tuple[str, str]:
    return (info.id, info.sha256 or "")
