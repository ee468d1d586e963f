"""Loading a registered model into diffusers pipelines: txt2img, img2img and inpaint, with or without a ControlNet,
all sharing one set of weights (`from_pipe`), built on first use and kept with the model.

A 9-channel inpainting checkpoint loads as its inpaint pipeline and every mode runs through it (guided.py gives it a
full mask for txt2img and img2img). Everything here runs on the engine's worker thread; torch and diffusers are
imported on first use only.
"""

from __future__ import annotations

import logging
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import paths
from app.errors import ModelError
from app.gc_pauses import collect, freeze_long_lived_once
from app.generation import compiled_unet
from app.generation import messages as msgs
from app.generation.devices import DeviceChoice
from app.generation.pinned import pin_execution_device, unpinned_class
from app.generation.preview import find_taesd, load_taesd
from app.generation.registry import ModelInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadOptions:
    device: DeviceChoice
    attention_slicing: bool = False
    vae_tiling: bool = False
    cpu_offload: bool = False
    channels_last: bool = False  # CUDA only
    compile_unet: bool = False  # CUDA only

    @property
    def key(self) -> tuple:
        return (
            self.device.device,
            self.device.dtype_name,
            self.attention_slicing,
            self.vae_tiling,
            self.cpu_offload,
            self.channels_last,
            self.compile_unet,
        )


MODES = ("txt2img", "img2img", "inpaint")

# (family is SDXL, with a ControlNet) -> the diffusers class of each mode
_CLASS_NAMES = {
    (False, False): ("StableDiffusionPipeline", "StableDiffusionImg2ImgPipeline", "StableDiffusionInpaintPipeline"),
    (False, True): (
        "StableDiffusionControlNetPipeline",
        "StableDiffusionControlNetImg2ImgPipeline",
        "StableDiffusionControlNetInpaintPipeline",
    ),
    (True, False): (
        "StableDiffusionXLPipeline",
        "StableDiffusionXLImg2ImgPipeline",
        "StableDiffusionXLInpaintPipeline",
    ),
    (True, True): (
        "StableDiffusionXLControlNetPipeline",
        "StableDiffusionXLControlNetImg2ImgPipeline",
        "StableDiffusionXLControlNetInpaintPipeline",
    ),
}


def is_inpainting(model: ModelInfo) -> bool:
    return getattr(model, "variant", "") == "inpainting"


@dataclass
class LoadedModel:
    model: ModelInfo
    options: LoadOptions
    txt2img: Any  # the pipeline the weights were loaded into (the inpaint one for an inpainting checkpoint)
    img2img: Any
    execution_device: str
    taesd: Any = None  # AutoencoderTiny for nicer live previews, when the user installed one
    pipes: dict = field(default_factory=dict)  # (mode, ControlNet key or None) -> pipeline sharing the weights
    controlnets: dict = field(default_factory=dict)  # (id, sha256) -> ControlNetModel (controlnets.py)
    vae_full_precision: bool = False  # its VAE overflowed fp16 once: it decodes in fp32 from then on (vae_precision.py)

    @property
    def inpainting(self) -> bool:
        return is_inpainting(self.model)

    def pipeline(self, mode: str, controlnet: Any = None, controlnet_key: tuple | None = None):
        """The pipeline for `mode` ("txt2img" | "img2img" | "inpaint"), with `controlnet` (a loaded ControlNetModel,
        cached under `controlnet_key`) or without; built from the loaded weights on first use."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if self.inpainting:
            mode = "inpaint"  # a 9-channel UNet cannot run the other pipelines: guided.py gives it a full mask
        if controlnet is not None and controlnet_key is None:
            controlnet_key = ("object", id(controlnet))  # held in the cache beside the pipeline, so the id stays its
        key = (mode, controlnet_key if controlnet is not None else None)
        pipe = self.pipes.get(key)
        if pipe is None:
            pipe = self._build(mode, controlnet)
            self.pipes[key] = pipe
        return pipe

    def _build(self, mode: str, controlnet: Any):
        import diffusers

        base = self.txt2img
        names = _CLASS_NAMES[(self.model.arch == "sdxl", controlnet is not None)]
        cls = getattr(diffusers, names[MODES.index(mode)])
        if controlnet is None and unpinned_class(type(base)) is cls:
            return base
        extra = {"controlnet": controlnet} if controlnet is not None else {}
        # from_pipe casts every shared component to float32 unless told the dtype: the GPU would silently run fp32.
        pipe = cls.from_pipe(base, dtype=self.options.device.torch_dtype, **extra)
        pipe.set_progress_bar_config(disable=True)
        if controlnet is not None and self.options.cpu_offload and self.options.device.device == "cuda":
            pipe.enable_model_cpu_offload()  # the ControlNet joins the offload chain
        return pin_unless_offloaded(pipe, self.options)

    def forget_controlnets(self) -> None:
        """Drop the loaded ControlNets and the pipelines built with them (another ControlNet is about to load)."""
        self.pipes = {k: v for k, v in self.pipes.items() if k[1] is None}
        self.controlnets = {}

    def release(self, wait_s: float | None = None) -> None:
        """Drop the weights; `wait_s`: how long to wait for the collection when another thread owns them."""
        router = compiled_unet.router_of(getattr(self.txt2img, "unet", None))
        if router is not None:
            compiled_unet.forget(router)
        self.txt2img = None
        self.img2img = None
        self.taesd = None
        self.pipes = {}
        self.controlnets = {}
        free_memory(wait_s)


def pipeline_classes(arch: str, inpainting: bool = False):
    """The class the weights load into, and the img2img class (the same inpaint one for an inpainting model)."""
    import diffusers

    names = _CLASS_NAMES[(arch == "sdxl", False)]
    if inpainting:
        cls = getattr(diffusers, names[2])
        return cls, cls
    return getattr(diffusers, names[0]), getattr(diffusers, names[1])


def quiet_libraries() -> None:
    """Our own progress and messages replace the libraries' console progress bars and advice."""
    import diffusers
    import transformers

    diffusers.utils.logging.set_verbosity_error()
    diffusers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    # Even a disabled tqdm bar starts tqdm's monitor thread, which then wakes every 10 s for the process's life.
    from tqdm import std

    std.tqdm.monitor_interval = 0


def freeze_libraries() -> None:
    """torch, diffusers and transformers live as long as the process: kept out of every later full collection's walk
    (app/gc_pauses.py), once they are imported."""
    freeze_long_lived_once("generation libraries")


def load_model(model: ModelInfo, options: LoadOptions, preview_dirs: list[Path] | None = None) -> LoadedModel:
    if not model.usable:
        raise ModelError(model.error_msg or model.error or msgs.MODEL_UNUSABLE(model=model.id))
    # The hub must never be reached: users' weights and our shipped configs are all local.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    quiet_libraries()
    txt2img_cls, _img2img_cls = pipeline_classes(model.arch or "sd15", is_inpainting(model))
    freeze_libraries()  # before the weights, which a model switch frees
    dtype = options.device.torch_dtype
    try:
        if model.format == "single":
            pipe = txt2img_cls.from_single_file(
                str(model.path),
                config=str(model.config_dir),
                local_files_only=True,
                dtype=dtype,
                **_no_safety_checker(model.arch),
            )
        else:
            pipe = txt2img_cls.from_pretrained(
                str(model.path),
                local_files_only=True,
                use_safetensors=True,
                dtype=dtype,
                **_no_safety_checker(model.arch),
            )
    except MemoryError as exc:
        raise ModelError(msgs.LOAD_OUT_OF_MEMORY(model=model.label)) from exc
    except Exception as exc:
        raise ModelError(
            msgs.LOAD_FAILED(model=model.label, arch=model.arch_label),
            details=traceback.format_exc(),
        ) from exc
    _check_weights_loaded(pipe, model)
    pipe.set_progress_bar_config(disable=True)
    execution_device = _place(pipe, options)
    pin_unless_offloaded(pipe, options)
    own_cpu_weights(pipe.components.values())
    taesd_dir = find_taesd(preview_dirs or [], model.arch or "sd15")
    taesd = load_taesd(taesd_dir, execution_device, options.device.torch_dtype) if taesd_dir else None
    if taesd is not None:
        own_cpu_weights([taesd])
    loaded = LoadedModel(model, options, pipe, None, execution_device, taesd)
    loaded.pipes[("inpaint" if loaded.inpainting else "txt2img", None)] = pipe
    try:  # diffusers reads the parts' configs again here (a sample_size that is not a number fails only now)
        loaded.img2img = loaded.pipeline("img2img")
    except Exception as exc:
        loaded.release()
        raise ModelError(
            msgs.LOAD_FAILED(model=model.label, arch=model.arch_label), details=traceback.format_exc()
        ) from exc
    return loaded


def _check_weights_loaded(pipe, model: ModelInfo) -> None:
    """ModelError when a part's config asks for layers its weights do not have (a class embedding, a guidance
    projection): diffusers only warns and leaves them without values, and the first job fails inside the UNet."""
    for part, component in pipe.components.items():
        parameters = getattr(component, "parameters", None)
        if callable(parameters) and any(p.is_meta for p in parameters()):
            raise ModelError(msgs.WEIGHTS_MISSING(model=model.label, part=part))


def _place(pipe, options: LoadOptions) -> str:
    device = options.device.device
    if options.attention_slicing:
        pipe.enable_attention_slicing()
    if options.vae_tiling:
        pipe.vae.enable_tiling()
    if options.cpu_offload and device == "cuda":
        pipe.enable_model_cpu_offload()
        return "cuda"
    pipe.to(device)
    if device == "cuda" and (options.channels_last or options.compile_unet):
        import torch

        if options.channels_last:
            pipe.unet.to(memory_format=torch.channels_last)
        if options.compile_unet:
            compiled_unet.use_cache_folder(compiled_unet.cache_folder(paths.data_dir()))
            compiled_unet.install(pipe.unet, compiled_unet.inductor)
    return device


def pin_unless_offloaded(pipe, options: LoadOptions):
    """The pipeline answering its device without walking its modules each call (pinned.py), unless model CPU
    offload moves its weights between devices."""
    return pipe if options.cpu_offload and options.device.device == "cuda" else pin_execution_device(pipe)


def own_cpu_weights(components) -> int:
    """Copies every weight left on the CPU out of the model file's memory map into memory of our own; returns bytes.

    safetensors loads by mmap, so on the CPU (and with model CPU offload) a pipeline computes straight from the
    file's pages. Two things follow that a user would notice: a model file overwritten in place while loaded (a
    plain `cp` over it) kills the whole app with SIGBUS at the next step, and the pixels depend on where each tensor
    happens to sit in the file (CPU kernels take other paths for unaligned data), so the same weights as a folder and
    as a single file would not give the same image. A fresh allocation is 64-byte aligned and outlives the file.
    """
    import torch

    # A shared buffer must stay shared: the same copy goes into every module. The originals are held until the end
    # so that no id is reused by a new tensor while the walk is under way.
    buffers: dict[int, tuple[Any, Any]] = {}
    seen: set[int] = set()  # a tied parameter is one object in several modules: copy it once
    copied = 0
    with torch.no_grad():
        for component in components:
            if not isinstance(component, torch.nn.Module):
                continue
            for module in component.modules():
                for param in module._parameters.values():
                    if param is not None and param.device.type == "cpu" and id(param) not in seen:
                        seen.add(id(param))
                        param.data = param.detach().clone()
                        copied += param.nbytes
                for name, buffer in module._buffers.items():
                    if buffer is None or buffer.device.type != "cpu" or id(buffer) in seen:
                        continue
                    if id(buffer) not in buffers:
                        buffers[id(buffer)] = (buffer, buffer.clone())
                        seen.add(id(buffers[id(buffer)][1]))
                        copied += buffer.nbytes
                    module._buffers[name] = buffers[id(buffer)][1]
    return copied


def _no_safety_checker(arch: str | None) -> dict:
    # SD 1.x/2.x folders may declare a safety checker whose weights users rarely have; SDXL has none.
    return {} if arch == "sdxl" else {"safety_checker": None, "requires_safety_checker": False}


def free_memory(wait_s: float | None = None) -> None:
    collect(wait_s)  # on the window's UI thread where there is one (app/gc_pauses.py)
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except ImportError:
        pass
