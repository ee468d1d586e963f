"""Cheap step previews: latents to RGB with a fixed linear map (costs well under a millisecond per step), or
TAESD (a tiny VAE decoder) when its weights are installed in models/taesd or models/taesdxl. The same TAESD is the
fast final decoder (fast_decode.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PIL import Image

log = logging.getLogger(__name__)

# Least-squares fits of SD's 4 latent channels to RGB, as used by AUTOMATIC1111 and InvokeAI.
LATENT_RGB_FACTORS = {
    "sd15": [[0.298, 0.207, 0.208], [0.187, 0.286, 0.173], [-0.158, 0.189, 0.264], [-0.184, -0.271, -0.473]],
    "sdxl": [
        [0.3816, 0.4930, 0.5320],
        [-0.3753, 0.1631, 0.1739],
        [0.1770, 0.3588, -0.2048],
        [-0.4350, -0.2644, -0.4289],
    ],
}
LATENT_RGB_FACTORS["sd2"] = LATENT_RGB_FACTORS["sd15"]


class LatentPreviewer:
    """Turns the latents of the first image in a batch into a small RGB preview."""

    def __init__(self, arch: str, taesd=None) -> None:
        self._factors_np = np.asarray(LATENT_RGB_FACTORS.get(arch, LATENT_RGB_FACTORS["sd15"]), dtype=np.float32)
        self._factors = None
        self._taesd = taesd
        self._pending = None  # (pinned host tensor, CUDA event) of a preview still being copied

    @property
    def uses_taesd(self) -> bool:
        return self._taesd is not None

    def __call__(self, latents) -> Image.Image | None:
        """The preview of these latents; on a GPU, the previous step's preview (or None) so the GPU never waits."""
        import torch

        with torch.no_grad():
            rgb = self._taesd_rgb(latents) if self._taesd is not None else self._linear_rgb(latents)
            if rgb.device.type != "cuda":
                return Image.fromarray(rgb.cpu().numpy(), "RGB")
            return self._async_copy(rgb)

    def _linear_rgb(self, latents):
        import torch

        sample = latents[0].float()
        if self._factors is None or self._factors.device != sample.device:
            self._factors = torch.from_numpy(self._factors_np).to(sample.device)
        return ((torch.einsum("chw,cr->hwr", sample, self._factors) + 1.0) * 127.5).clamp(0, 255).to(torch.uint8)

    def _taesd_rgb(self, latents):
        import torch

        decoded = self._taesd.decode(latents[:1].to(self._taesd.dtype)).sample[0]  # [-1, 1], full image size
        return ((decoded.float().clamp(-1, 1) + 1.0) * 127.5).permute(1, 2, 0).to(torch.uint8)

    def _async_copy(self, rgb) -> Image.Image | None:
        # Reading a GPU tensor at once would stall the CPU until the step finishes, which stops it queueing the
        # next step's kernels (the UNet's Python overhead then adds to every step). Copy in the background and
        # hand out the previous copy once it has landed instead: the preview lags one step, the GPU never idles.
        import torch

        ready = None
        pending = self._pending
        if pending is not None and pending[1].query():
            ready = Image.fromarray(pending[0].numpy(), "RGB")
            pending = None
        if pending is None:
            host = torch.empty(rgb.shape, dtype=torch.uint8, pin_memory=True)
            host.copy_(rgb, non_blocking=True)
            event = torch.cuda.Event()
            event.record()
            self._pending = (host, event)
        return ready


def find_taesd(search_dirs: list[Path], arch: str) -> Path | None:
    """A TAESD (`taesd/`, or `taesdxl/` for SDXL) diffusers folder in one of the models folders."""
    name = "taesdxl" if arch == "sdxl" else "taesd"
    for d in search_dirs:
        candidate = d / name
        if (candidate / "config.json").is_file() and any(candidate.glob("*.safetensors")):
            return candidate
    return None


def load_taesd(folder: Path, device: str, dtype):
    from diffusers import AutoencoderTiny

    try:
        taesd = AutoencoderTiny.from_pretrained(folder, torch_dtype=dtype, local_files_only=True).to(device).eval()
        _check_decodes(taesd)
    except Exception as exc:  # a broken TAESD only costs the previews; a request that decodes with it says so
        log.warning("TAESD in %s could not be loaded, using the fast approximation: %s", folder, exc)
        return None
    if device == "cpu":
        import torch

        # TAESD is all 3×3 convolutions at up to full image size; oneDNN runs them about a third faster in
        # channels_last on a CPU (tests/benchmarks/bench_turbo.py). Always so, so the same latents give the same pixels.
        taesd.to(memory_format=torch.channels_last)
    return taesd


def _check_decodes(taesd) -> None:
    """ValueError unless this TAESD turns SD's 4 latent channels into finite RGB at 8× their size. Its config.json
    can load and still fail every step's preview (an upsampling mode torch lacks), give a picture of another size,
    or ask for an upscale that allocates gigabytes; the scale is checked first, so the probe below stays 8×8."""
    import torch

    config = taesd.config
    scale = config.upsampling_scaling_factor ** (len(config.num_decoder_blocks) - 1)
    if scale != 8:
        raise ValueError(f"decodes at {scale!r}× the latents' size, not 8×")
    with torch.inference_mode():
        probe = taesd.decode(torch.zeros(1, 4, 1, 1, device=taesd.device, dtype=taesd.dtype)).sample
    finite = bool(torch.isfinite(probe).all())
    if tuple(probe.shape) != (1, 3, 8, 8) or not finite:
        raise ValueError(f"decodes 1×4×1×1 latents to {tuple(probe.shape)}, finite: {finite}")
