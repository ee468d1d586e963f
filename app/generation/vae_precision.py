"""The VAE in full precision for a model whose VAE overflows half precision (A1111's known fix, done automatically).

On a GPU the engine runs fp16. Some VAEs (fine-tuned SD 1.x ones, SDXL's own without its `force_upcast`) overflow
fp16 inside the decoder: the latents are sound, but the pixels come out NaN and the person would get an empty image.
When that happens the same latents are decoded again with the VAE's decoder in fp32, and it stays in fp32 for as
long as the model is loaded: the UNet keeps its fp16 speed (the decoder runs once per image; the UNet once per step).

Once in fp32, the pipeline hands back latents and `decode` turns them into pixels exactly as diffusers' SD and SDXL
pipelines do, so a design and its Verify decode the same way. A model whose VAE still computes NaN in fp32 is
damaged, and the job fails as before."""

from __future__ import annotations

from typing import Any

import numpy as np


def in_full_precision(loaded, pipe) -> bool:
    """Whether this pass decodes through `decode`; the VAE is put back in fp32 first, since building another
    pipeline on the shared weights (`from_pipe` with the model's dtype) casts it back to fp16."""
    if not loaded.vae_full_precision:
        return False
    _to_fp32(pipe.vae)
    return True


def can_retry(loaded) -> bool:
    """Whether NaN pixels from latents that were finite may be the VAE's fp16 overflow: only in half precision."""
    return loaded.options.device.dtype_name != "float32" and not loaded.vae_full_precision


def switch_to_full_precision(loaded, pipe) -> None:
    loaded.vae_full_precision = True
    _to_fp32(pipe.vae)


def decode(pipe, latents) -> np.ndarray:
    """The latents as float RGB pixels in [0, 1], (batch, height, width, 3): what the pipeline's output_type="np"
    gives, from the VAE in whatever precision it is (fp32 here: the caller switched it)."""
    import torch

    vae = pipe.vae
    config = vae.config
    latents = latents.to(dtype=_dtype(vae))
    mean, std = getattr(config, "latents_mean", None), getattr(config, "latents_std", None)
    if mean is not None and std is not None:  # as the SDXL pipelines denormalise; SD 1.x VAEs have neither
        mean = torch.tensor(mean).view(1, 4, 1, 1).to(latents.device, latents.dtype)
        std = torch.tensor(std).view(1, 4, 1, 1).to(latents.device, latents.dtype)
        latents = latents * std / config.scaling_factor + mean
    else:
        latents = latents / config.scaling_factor
    with torch.no_grad():
        image = vae.decode(latents, return_dict=False)[0]
    watermark = getattr(pipe, "watermark", None)  # SDXL's invisible watermark, when its package is installed
    if watermark is not None:
        image = watermark.apply_watermark(image)
    return pipe.image_processor.postprocess(image, output_type="np", do_denormalize=[True] * image.shape[0])


def _to_fp32(vae: Any) -> None:
    """The decoding half only: the encoder takes the pipeline's fp16 pictures for img2img and masks, as before."""
    import torch

    if _dtype(vae) != torch.float32:
        for part in (vae.post_quant_conv, vae.decoder):
            if part is not None:  # some VAEs have no post-quant conv (use_post_quant_conv=False)
                part.to(dtype=torch.float32)


def _dtype(vae: Any):
    return next(vae.decoder.parameters()).dtype
