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
    layers_per_block: int = 1
    cross_attention_dim: int = 32
    text_layers: int = 2
    vae_channels: tuple[int, ...] = (16, 32, 32, 32)  # four blocks: the VAE scales by 8 like real SD
    seed: int = 6


DEMO_SPEC = TinySpec()


def build_sd15_pipeline_dir(out_dir: Path, spec: TinySpec = DEMO_SPEC, marker: dict | None = None) -> Path:
    """Write a complete diffusers folder (safetensors weights) for a small SD 1.x-architecture pipeline."""
    import torch

    from app.generation.pipelines import quiet_libraries

    quiet_libraries()
    from diffusers import AutoencoderKL, DPMSolverMultistepScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(spec.seed)
    n = len(spec.unet_channels)
    unet = UNet2DConditionModel(
        block_out_channels=spec.unet_channels,
        layers_per_block=spec.layers_per_block,
        sample_size=32,
        in_channels=4,
        out_channels=4,
        down_block_types=("DownBlock2D",) + ("CrossAttnDownBlock2D",) * (n - 1),
        up_block_types=("CrossAttnUpBlock2D",) * (n - 1) + ("UpBlock2D",),
        cross_attention_dim=spec.cross_attention_dim,
        attention_head_dim=8,
        norm_num_groups=min(32, spec.unet_channels[0]),
    )
    vae = AutoencoderKL(
        block_out_channels=spec.vae_channels,
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * len(spec.vae_channels),
        up_block_types=("UpDecoderBlock2D",) * len(spec.vae_channels),
        latent_channels=4,
        norm_num_groups=min(32, spec.vae_channels[0]),
        sample_size=256,
    )
    text_encoder = CLIPTextModel(CLIPTextConfig(
        vocab_size=49408, hidden_size=spec.cross_attention_dim, intermediate_size=spec.cross_attention_dim * 4,
        num_hidden_layers=spec.text_layers, num_attention_heads=4, max_position_embeddings=77,
        bos_token_id=49406, eos_token_id=49407, pad_token_id=49407, projection_dim=spec.cross_attention_dim,
    ))
    tokenizer = CLIPTokenizer.from_pretrained(str(paths.resource("sd_configs", "sd15", "tokenizer")))
    scheduler = DPMSolverMultistepScheduler.from_pretrained(str(paths.resource("sd_configs", "sd15")), subfolder="scheduler")
    pipe = StableDiffusionPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet, scheduler=scheduler,
        safety_checker=None, feature_extractor=None, requires_safety_checker=False,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    pipe.save_pretrained(str(out_dir), safe_serialization=True)
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
    build_sd15_pipeline_dir(staging, DEMO_SPEC, marker={
        "demo": True,
        "note": "Random weights built from a config on this machine. Produces abstract images; "
                "import a real Stable Diffusion model for real designs.",
    })
    staging.rename(target)  # the marker inside makes a half-built folder impossible to mistake for a finished one
    return target
