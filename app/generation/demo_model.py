"""The demo model: an SD 1.x-shaped pipeline with random weights, built from configs on this machine.

It lets a newcomer walk the whole flow (design, refine, library) without a multi-gigabyte download. Its images are
abstract colour fields, and it is labelled as such everywhere. The same builder makes the tests' tiny models, so
they load through exactly the code path users' models take.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.fsutil import atomic_write_text
from app.generation.registry import DEMO_MARKER

DEMO_DIR_NAME = "sm6-demo"


@dataclass(frozen=True)
class TinySpec:
    unet_channels: tuple[int, ...] = (32, 64)
    down_blocks: tuple[str, ...] = ("DownBlock2D", "CrossAttnDownBlock2D")
    up_blocks: tuple[str, ...] = ("CrossAttnUpBlock2D", "UpBlock2D")
    layers_per_block: int = 2
    sample_size: int = 32
    cross_attention_dim: int = 32
    text_layers: int = 2
    vae_channels: tuple[int, ...] = (16, 16, 32, 32)  # four blocks: latents are 1/8 of the image, like real SD


DEMO_SPEC = TinySpec()


def _seeded(seed: int, factory, *args, **kwargs):
    import torch

    torch.manual_seed(seed)  # per component, so the same spec always writes the same weights
    return factory(*args, **kwargs).eval()


def tiny_clip_config(hidden: int, layers: int, act: str = "quick_gelu", projection_dim: int = 32):
    from transformers import CLIPTextConfig

    # eos_token_id 2, as in the published SD configs: pooling then picks the first end token (argmax of ids).
    return CLIPTextConfig(
        vocab_size=49408,
        max_position_embeddings=77,
        hidden_size=hidden,
        intermediate_size=hidden * 2,
        num_hidden_layers=layers,
        num_attention_heads=4,
        hidden_act=act,
        projection_dim=projection_dim,
        bos_token_id=0,
        eos_token_id=2,
        pad_token_id=1,
    )


def tiny_vae(channels: tuple[int, ...] = DEMO_SPEC.vae_channels):
    from diffusers import AutoencoderKL

    return _seeded(
        1,
        AutoencoderKL,
        block_out_channels=channels,
        down_block_types=("DownEncoderBlock2D",) * len(channels),
        up_block_types=("UpDecoderBlock2D",) * len(channels),
        latent_channels=4,
        layers_per_block=1,
        norm_num_groups=8,
        sample_size=64,
    )


def _soften_decoder(vae) -> None:
    """Replace each 3×3 decoder kernel by its spatial mean: random weights then paint soft colour fields instead of
    pixel noise, which is what a newcomer should see from a model that knows nothing."""
    import torch

    with torch.no_grad():
        for module in vae.decoder.modules():
            if isinstance(module, torch.nn.Conv2d) and module.kernel_size == (3, 3):
                module.weight.copy_(module.weight.mean(dim=(2, 3), keepdim=True).expand_as(module.weight))


def tiny_unet(spec: TinySpec = DEMO_SPEC, in_channels: int = 4):
    """An SD 1.x-shaped UNet of `spec`'s size (random weights); 9 input channels make an inpainting UNet."""
    from diffusers import UNet2DConditionModel

    return UNet2DConditionModel(
        in_channels=in_channels,
        out_channels=4,
        block_out_channels=spec.unet_channels,
        down_block_types=spec.down_blocks,
        up_block_types=spec.up_blocks,
        layers_per_block=spec.layers_per_block,
        sample_size=spec.sample_size,
        cross_attention_dim=spec.cross_attention_dim,
    )


def build_sd15_pipeline_dir(
    out_dir: Path, spec: TinySpec = DEMO_SPEC, marker: dict | None = None, soft_decoder: bool = False
) -> Path:
    """Write a complete diffusers folder (safetensors weights) for a small SD 1.x-architecture pipeline."""
    from app.generation.pipelines import quiet_libraries

    quiet_libraries()
    from diffusers import PNDMScheduler, StableDiffusionPipeline
    from transformers import CLIPTextModel, CLIPTokenizer

    configs = paths.resource("sd_configs", "sd15")
    unet = _seeded(0, tiny_unet, spec)
    pipe = StableDiffusionPipeline(
        vae=tiny_vae(spec.vae_channels),
        text_encoder=_seeded(2, CLIPTextModel, tiny_clip_config(spec.cross_attention_dim, spec.text_layers)),
        tokenizer=CLIPTokenizer.from_pretrained(configs / "tokenizer"),
        unet=unet,
        scheduler=PNDMScheduler.from_pretrained(configs, subfolder="scheduler"),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    if soft_decoder:
        _soften_decoder(pipe.vae)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pipe.save_pretrained(out_dir, safe_serialization=True)
    if marker is not None:
        atomic_write_text(out_dir / DEMO_MARKER, json.dumps(marker, indent=2))
    return out_dir


def demo_model_dir() -> Path:
    return paths.user_models_dir() / DEMO_DIR_NAME


def install_demo_model() -> Path:
    """Build the demo model into the user models folder once; later calls return the existing folder."""
    target = demo_model_dir()
    if (target / DEMO_MARKER).is_file():
        return target
    staging = target.with_name(target.name + ".partial")
    if staging.exists():
        import shutil

        shutil.rmtree(staging)
    build_sd15_pipeline_dir(
        staging,
        DEMO_SPEC,
        soft_decoder=True,
        marker={
            "demo": True,
            "note": "Random weights built from a config on this machine. Produces abstract images; "
            "import a real Stable Diffusion model for real designs.",
        },
    )
    staging.rename(target)  # the marker inside makes a half-built folder impossible to mistake for a finished one
    return target
