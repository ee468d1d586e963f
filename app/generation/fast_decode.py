"""TAESD as the final decoder: a request with decoder "taesd" ends with the tiny autoencoder instead of the model's
VAE (on 2 CPU cores the VAE alone takes 2.7 × a UNet step at 512²; TAESD a small fraction of one). The picture is a
little softer; the request records the decoder, so Verify decodes the same way.

TAESD is found as the step previews find it (app/generation/preview.py: models/taesd, models/taesdxl for SDXL) and is
loaded with the model (`LoadedModel.taesd`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from app.errors import RequestError
from app.generation.preview import find_taesd
from app.messages import Msg

TAESD_MISSING = Msg(
    "generation.taesd.missing",
    "This design was finished with the fast decoder (TAESD); put TAESD in the models folder to reproduce it.",
)


def taesd_available(search_dirs: list[Path], arch: str) -> bool:
    """Whether a TAESD for this model family (`taesd/`, or `taesdxl/` for SDXL) is installed."""
    return find_taesd(search_dirs, arch or "sd15") is not None


def taesd_folder_name(arch: str) -> str:
    return "taesdxl" if arch == "sdxl" else "taesd"


def require_taesd(search_dirs: list[Path], model) -> None:
    """RequestError in words, before anything runs, for a request made with TAESD where none is installed."""
    if not taesd_available(search_dirs, model.arch or "sd15"):
        raise missing_error(model)


def missing_error(model) -> RequestError:
    arch = model.arch or "sd15"
    return RequestError(TAESD_MISSING(), f"no usable {taesd_folder_name(arch)} folder for {model.label} ({arch})")


def decode_pixels(loaded, latents) -> np.ndarray:
    """The latents of a batch as float RGB pixels in [0, 1], shaped (batch, height, width, 3): what a diffusers
    pipeline's output_type="np" gives, so the caller's NaN check and rounding stay the same as with the VAE.

    TAESD takes the UNet's latents as they are: diffusers' AutoencoderTiny has scaling_factor 1.0 (its decoder
    learned the scaled latent space), and its decode returns [-1, 1]."""
    import torch

    taesd = loaded.taesd
    if taesd is None:
        raise missing_error(loaded.model)
    # inference_mode (not only no_grad) skips autograd's bookkeeping on every intermediate; TAESD is never compiled,
    # so the compiled-UNet caveat in the runner does not apply here.
    with torch.inference_mode():
        decoded = taesd.decode(latents.to(device=taesd.device, dtype=taesd.dtype)).sample.float()
        # clamp would turn infinity into white: a broken result must show as one, not as a picture
        finite = bool(torch.isfinite(decoded).all())
        pixels = (decoded / 2 + 0.5).clamp(0, 1).permute(0, 2, 3, 1).cpu().numpy()
    if not finite:
        pixels[...] = np.nan
    return pixels


def decode_latents(loaded, latents, addons: tuple[str, ...] = ()) -> Image.Image:
    """The first image of these latents decoded by TAESD; the runner's EmptyImage when the model computed NaN."""
    pixels = decode_pixels(loaded, latents[:1])
    if not np.isfinite(pixels).all():
        raise empty_image(loaded, addons, "TAESD decoding")
    return to_pil(pixels[0])


def empty_image(loaded, addons: tuple[str, ...] = (), where: str = "the output of"):
    """The EmptyImage for NaN from `loaded` with `addons` (the ControlNet and LoRAs applied, by name) on top."""
    from app.generation import messages as msgs
    from app.generation.runner import EmptyImage  # imported late: the runner imports this module when it decodes

    device = loaded.options.device
    if device.dtype_name == "float16":  # some models cannot run in half precision: say how to avoid it
        message = msgs.EMPTY_IMAGE_HALF_PRECISION()
    elif addons:  # weights a person added on top are likelier to be what broke than the model they ran on
        message = msgs.EMPTY_IMAGE_WITH_ADDONS(addons=", ".join(addons))
    else:
        message = msgs.EMPTY_IMAGE()
    on_top = f" with {', '.join(addons)}" if addons else ""
    details = f"NaN or infinite values in {where} {loaded.model.label}{on_top} ({device.label}, {device.dtype_name})"
    return EmptyImage(message, details)


def to_pil(pixels: np.ndarray) -> Image.Image:
    """The same rounding diffusers' numpy_to_pil applies, so TAESD's pixels are kept exactly as the VAE's would be."""
    return Image.fromarray((pixels * 255).round().astype("uint8"), "RGB")
