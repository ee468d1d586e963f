"""Running jobs on a loaded model: denoising passes of one or more images (`generate_rows`; which images share a
pass is shared_pass.py's), with step previews, cancel, and the PNG with its provenance. Keeping the image (the
library) is the caller's: each is handed over on the `disk` executor, one at a time in the order they were made,
while the next pass denoises. What shapes the picture beyond the prompt (views,
masks, ControlNet, loaded pictures, LoRAs) is decided in guided.py."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable

import numpy as np
from PIL import Image

from app.errors import ModelError, RequestError
from app.generation import compiled_unet, guided, pngmeta, vae_precision
from app.generation import messages as msgs
from app.generation.generated import GeneratedImage, LazyPng
from app.generation.guided import Addons
from app.generation.pipelines import LoadedModel
from app.generation.presets import PresetBook
from app.generation.preview import LatentPreviewer
from app.generation.request import GenerationRequest
from app.generation.schedulers import make_scheduler, scheduler_label

if TYPE_CHECKING:
    from app.generation.pictures import PictureSource

StepCallback = Callable[[int, int, int, object], None]  # image index, step, steps, preview image or None
ImageCallback = Callable[[GeneratedImage], Any]  # on a disk worker, one at a time; its result is what run() returns
# a design id -> its image (a file, or its bytes as the generation server holds them), None when it is gone
SourceImages = Callable[[str], "Path | str | BinaryIO | None"]


class Cancelled(Exception):
    """Raised from the step callback: it unwinds the pipeline at once, skipping the remaining steps and the decode."""


class EmptyImage(ModelError):
    """The model computed NaN or infinity: the image would be black. Nothing of it is kept."""


class _PassOver(Exception):
    """Raised from the step callback once every row of a pass has failed or been stopped: nothing left to denoise."""


@dataclass(frozen=True)
class Row:
    """One image of a denoising pass: its seed and prompts, whether its person stopped it, where its steps go."""

    seed: int
    positive: str
    negative: str
    cancelled: Callable[[], bool]
    on_step: Callable[[int, int, object], None]  # step, steps, preview image or None


def quiet(step: int, steps: int, preview: object) -> None:
    """The steps of a copy that only fills a pass: nobody is told about them."""


SOURCE_UNREADABLE = msgs.SOURCE_UNREADABLE
SOURCE_GONE = msgs.SOURCE_GONE
MAX_SOURCE_PIXELS = 4 * 2048 * 2048  # a starting image is resized to at most 2048²; bigger is not a design of ours


class JobRunner:
    def __init__(
        self,
        loaded: LoadedModel,
        presets: PresetBook,
        sources: SourceImages | None = None,
        previews: bool = True,
        addons: Addons | None = None,
        picture_source: PictureSource | None = None,
    ) -> None:
        self.loaded = loaded
        self.picture_source = picture_source
        self.presets = presets
        self.sources = sources
        self.previewer = LatentPreviewer(loaded.model.arch or "sd15", loaded.taesd) if previews else None
        self.addons = addons or Addons()  # the request's ControlNet and LoRAs as the engine resolved them
        self._planned: tuple[GenerationRequest, guided.Inputs] | None = None

    def run(
        self,
        request: GenerationRequest,
        cancel: threading.Event,
        on_step: StepCallback,
        on_image: ImageCallback | None = None,
    ) -> list:
        """Generate every variation, one to a pass; each is packaged as a PNG with its provenance and handed to
        `on_image` on a disk worker while the next one denoises. Returns what `on_image` returned for each (the
        GeneratedImages themselves without it), once every hand-off has ended. Raises Cancelled after a Stop (the
        images made before it are handed over) and EmptyImage for a model that computed NaN."""
        from app.generation.shared_pass import Member, run_members

        member = Member(request, cancel, on_step, on_image)
        run_members(self, [member])
        if member.error is not None:
            raise member.error
        if member.cut:
            raise Cancelled
        return member.results()

    def hand_over(self, request, composed, image: Image.Image, img2img: bool, made: dict, on_image):
        generated = self.package(request, composed, image, img2img, **made)
        return on_image(generated) if on_image is not None else generated

    def apply_loras(self) -> None:
        """The request's LoRAs on the model's weights (none: any earlier ones come off)."""
        from app.generation.loras import apply_loras

        apply_loras(self.loaded, list(self.addons.loras))

    def package(
        self,
        request: GenerationRequest,
        composed,
        image: Image.Image,
        img2img: bool,
        seed: int,
        index: int,
        seconds: float,
        asked_steps: int,
    ) -> GeneratedImage:
        """The image as it is kept: a PNG carrying A1111 parameters, our request and details, and the AI-made mark.
        The metadata is settled now; the PNG is encoded when first read (a live frame that is not kept never is)."""
        model = self.loaded.model
        parent = request.source_design_id if request.source == "design" else None
        png = functools.partial(
            pngmeta.encode_png,
            image,
            parameters=pngmeta.a1111_parameters(
                positive=" ".join(filter(None, (composed.positive, guided.lora_tags(self.addons)))),
                negative=composed.negative,
                steps=request.steps,
                sampler=request.scheduler,
                cfg=request.guidance,
                seed=seed,
                width=image.width,
                height=image.height,
                model_name=model.label,
                model_hash=model.short_hash,
                denoise=request.strength if img2img else None,
                controlnet=guided.a1111_control(request, self.addons),
                lora_hashes=[(info.label, info.sha256 or "") for info, _weight in self.addons.loras],
            ),
            request=request.to_dict(),
            extra=self._meta(request, seed, index, seconds, asked_steps),
        )
        return GeneratedImage(
            png=LazyPng(png),
            request=request,
            seed=seed,
            index=index,
            prompt_final=composed.positive,
            negative_final=composed.negative,
            model_name=model.label,
            model_hash=model.sha256 or "",
            device=self.loaded.options.device.label,
            parent_id=parent,
            seconds=seconds,
            pixels=image,
        )

    def generate_rows(
        self, request: GenerationRequest, rows: list["Row"], init_image: Image.Image | None
    ) -> list["Image.Image | EmptyImage | None"]:
        """The rows' images denoised together in one pass: each row's own prompt and seed, the rest of `request`
        shared. Per row: the image, the EmptyImage it came out as, or None when its person stopped it. The pass
        ends early once no row is left to finish."""
        import torch

        inputs, pipe, control_strength = self._prepare(request, init_image)
        from app.generation import fast_decode

        # what was applied on top of the model, by name, for a broken result to point at
        addons = ((request.control_model,) if control_strength is not None else ()) + tuple(n for n, _ in request.loras)
        pipe.scheduler = make_scheduler(request.scheduler, dict(self.loaded.txt2img.scheduler.config))
        generators = [torch.Generator("cpu").manual_seed(row.seed) for row in rows]
        done: dict[int, EmptyImage | None] = {}  # rows that will not be finished: failed, or stopped
        previewer = self.previewer
        # With TAESD as the final decoder the finished picture comes as soon as a last-step preview would (which
        # costs the same decode again: 1.2 × for a one-step image on a CPU); with the VAE the preview is worth it.
        taesd = request.decoder == "taesd"
        last_preview = not taesd
        on_cpu = self.loaded.execution_device == "cpu"
        if not last_preview and on_cpu and previewer is not None and previewer.uses_taesd:
            # Speed was asked for, and on a CPU each TAESD preview costs as much as the final decode (a 4-step live
            # frame took 3 × as long): the other steps get the linear map's preview, which costs under a millisecond.
            previewer = LatentPreviewer(self.loaded.model.arch or "sd15")

        full_vae = not taesd and vae_precision.in_full_precision(self.loaded, pipe)
        final: list = []  # the last step's latents, for decoding again when the VAE overflows half precision

        def step_end(pipeline, step_index, _timestep, tensors):
            steps = getattr(pipeline, "num_timesteps", request.steps) or request.steps
            latents = tensors["latents"]
            if step_index == steps - 1 and not taesd and vae_precision.can_retry(self.loaded):
                final[:] = [latents.detach().clone()]
            # Damaged weights turn the latents into NaN at once. Checking the first and the last step only costs two
            # GPU syncs per pass, and stops a broken model early instead of after every step.
            if step_index in (0, steps - 1):
                finite = torch.isfinite(latents.flatten(1)).all(dim=1).tolist()
                for index, ok in enumerate(finite):
                    if not ok:
                        done.setdefault(index, fast_decode.empty_image(self.loaded, addons))
            wanted = previewer is not None and (last_preview or step_index < steps - 1)
            for index, row in enumerate(rows):
                if index not in done:
                    row.on_step(step_index + 1, steps, previewer(latents[index : index + 1]) if wanted else None)
                    if row.cancelled():
                        done[index] = None
            if len(done) == len(rows):
                raise _PassOver
            return tensors

        one = len(rows) == 1  # a single image is asked for as diffusers' own examples do: one prompt, one generator
        kwargs = dict(
            prompt=rows[0].positive if one else [row.positive for row in rows],
            negative_prompt=(rows[0].negative or None) if one else [row.negative for row in rows],
            num_inference_steps=request.steps,
            guidance_scale=request.guidance,
            generator=generators[0] if one else generators,
            callback_on_step_end=step_end,
            callback_on_step_end_tensor_inputs=["latents"],
            # floats, so a NaN from the VAE shows before it becomes black pixels; latents for TAESD to decode
            output_type="latent" if taesd or full_vae else "np",
        )
        kwargs.update(guided.pipeline_kwargs(inputs, request, control_strength))
        try:
            # The pipeline runs under no_grad itself; an outer inference_mode would make a torch.compile'd UNet
            # fall back to eager speed (measured on an H200: 32.7 instead of 57 it/s).
            compiled_unet.begin_pass(pipe.unet)
            output = pipe(**kwargs).images
        except _PassOver:
            return [done[index] for index in range(len(rows))]
        made: list[Image.Image | EmptyImage | None] = []
        for index in range(len(rows)):
            if index in done:
                made.append(done[index])
            elif taesd:
                try:
                    picture = fast_decode.decode_latents(self.loaded, output[index : index + 1], addons)
                    made.append(guided.overlay(picture, inputs))
                except EmptyImage as exc:
                    made.append(exc)
            else:
                pixels = output[index : index + 1]
                if full_vae:
                    pixels = vae_precision.decode(pipe, pixels)
                if not np.isfinite(pixels).all() and final:  # latents that were finite (step_end checked them)
                    vae_precision.switch_to_full_precision(self.loaded, pipe)
                    pixels = vae_precision.decode(pipe, final[0][index : index + 1])
                if not np.isfinite(pixels).all():
                    made.append(fast_decode.empty_image(self.loaded, addons))
                else:  # the same rounding "pil" output applies, so the pixels are exactly what they were
                    made.append(guided.overlay(pipe.image_processor.numpy_to_pil(pixels)[0], inputs))
        return made

    def _prepare(self, request: GenerationRequest, init_image: Image.Image | None):
        """The inputs, the pipeline and the ControlNet strength (None: no ControlNet) for one image."""
        control = self.addons.control
        # At strength 0 a ControlNet adds nothing: the plain pipeline gives the same pixels without its cost.
        use_control = control is not None and request.control_strength > 0
        if self._planned is None or self._planned[0] is not request:  # the mask and hint serve every variation
            self._planned = (request, guided.plan(request, init_image, self.loaded.inpainting, use_control))
        inputs = self._planned[1]
        if not use_control:
            return inputs, self.loaded.pipeline(inputs.mode), None
        from app.generation.controlnets import controlnet_key, load_controlnet

        controlnet = load_controlnet(self.loaded, control)
        pipe = self.loaded.pipeline(inputs.mode, controlnet, controlnet_key(control))
        return inputs, pipe, request.control_strength

    def init_image(self, request: GenerationRequest) -> Image.Image | None:
        size = (request.width, request.height)
        if request.source == "base":
            from app.generation import base_art

            return base_art.render_base(*size, request.view)
        if request.source == "picture":
            from app.generation import pictures

            return (self.picture_source or pictures.default_store()).load(request.source_picture, size)
        if request.source == "design":
            path = self.sources(request.source_design_id) if self.sources and request.source_design_id else None
            if path is None:
                raise RequestError(SOURCE_GONE())
            return read_source_image(path, size)
        return None

    def _meta(self, request: GenerationRequest, seed: int, index: int, seconds: float, asked_steps: int) -> dict:
        model = self.loaded.model
        extra = {"steps_requested": asked_steps} if asked_steps != request.steps else {}
        return extra | {
            "seed": seed,
            "variation": index,
            "sampler": scheduler_label(request.scheduler),
            "model": {"name": model.label, "sha256": model.sha256, "arch": model.arch, "format": model.format},
            "device": self.loaded.options.device.label,
            "parent_id": request.source_design_id if request.source == "design" else None,
            "guidance": guided.guidance_meta(request, self.addons),
            "seconds": round(seconds, 3),
            "app": "SM6 Design Studio",
        }


def read_source_image(path, size: tuple[int, int]) -> Image.Image:
    """The starting design's pixels at `size`; RequestError about the design (never PIL's words or a file path)
    when its file is missing, is not an image, is truncated, empty or absurdly large."""
    try:
        with Image.open(path) as img:
            width, height = img.size
            if not (0 < width and 0 < height and width * height <= MAX_SOURCE_PIXELS):
                raise ValueError(f"image of {width}×{height} pixels")
            rgb = img.convert("RGB")  # decodes every byte, so a truncated file fails here
    except Exception as exc:  # noqa: BLE001 - any image decoder failure means the same thing to the person
        raise RequestError(SOURCE_UNREADABLE(), f"{path}: {exc.__class__.__name__}: {exc}") from exc
    return rgb if rgb.size == size else rgb.resize(size, Image.LANCZOS)
