"""Write the offline diffusers config folders in resources/sd_configs/.

`from_single_file(path, config=DIR, local_files_only=True)` needs a diffusers-layout
folder of JSON configs and tokenizer files; without one it goes to the Hugging Face hub.
The model configs below are the published ones of stable-diffusion-v1-5,
stable-diffusion-2-1 (768, v-prediction) and stable-diffusion-xl-base-1.0, minus the
safety checker and feature extractor (null in model_index.json, so nothing is loaded
for them); the inpainting folders are those of stable-diffusion-inpainting and
stable-diffusion-xl-1.0-inpainting-0.1 (the same parts, a UNet taking 9 channels:
latents, mask, masked-image latents), and the ControlNet folders hold the config.json of
lllyasviel/control_v11p_sd15_canny and diffusers/controlnet-canny-sdxl-1.0 (for
`ControlNetModel.from_single_file(path, config=DIR)`). No hub can give us tokenizer files,
so the CLIP vocab.json and merges.txt are rebuilt from the BPE list in the open-clip-torch
wheel, exactly as OpenAI CLIP's SimpleTokenizer builds its tables.

Rerunnable: the output is the same bytes every time.

    python packaging/build_sd_configs.py [--out resources/sd_configs]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "resources" / "sd_configs"

OPEN_CLIP_PIN = "open-clip-torch==3.3.0"
OPEN_CLIP_WHEEL = "open_clip_torch-3.3.0-py3-none-any.whl"
BPE_MEMBER = "open_clip/bpe_simple_vocab_16e6.txt.gz"

SOT, EOT = "<|startoftext|>", "<|endoftext|>"
# SD 1.x pads with EOT (openai/clip-vit-large-patch14); SD 2.x and SDXL's second
# tokenizer pad with "!" (id 0), which equals open_clip's zero padding.
PAD_EOT, PAD_BANG = EOT, "!"

DOWN_4 = ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"]
UP_4 = ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"]
SD_BETAS = {"beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear"}


def wheel_cache() -> Path:
    return Path(os.environ.get("SM6_WHEEL_CACHE") or REPO_ROOT / ".cache" / "wheels")


def ensure_open_clip_wheel(cache: Path | None = None) -> Path:
    """The pinned wheel, fetched with pip (no deps: its own deps would pull another torch)."""
    cache = cache or wheel_cache()
    wheel = cache / OPEN_CLIP_WHEEL
    if not wheel.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", OPEN_CLIP_PIN, "-d", str(cache)],
            check=True,
        )
    return wheel


def read_bpe_lines(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        data = zf.read(BPE_MEMBER)
    return gzip.decompress(data).decode("utf-8").split("\n")


def bytes_to_unicode() -> dict[int, str]:
    # GPT-2 / CLIP byte table: printable bytes map to themselves, the rest to U+0100 onwards.
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def clip_vocab_and_merges(bpe_lines: list[str]) -> tuple[dict[str, int], list[str]]:
    """The tables of OpenAI CLIP's SimpleTokenizer (49,408 tokens, 48,894 merges)."""
    merges = bpe_lines[1 : 49152 - 256 - 2 + 1]
    byte_tokens = list(bytes_to_unicode().values())
    vocab = byte_tokens + [t + "</w>" for t in byte_tokens]
    vocab += ["".join(m.split()) for m in merges]
    vocab += [SOT, EOT]
    encoder = {tok: i for i, tok in enumerate(vocab)}
    assert len(encoder) == 49408, len(encoder)
    return encoder, merges


def dump_json(obj) -> bytes:
    # diffusers' own layout (ConfigMixin.to_json_string): sorted keys, two-space indent.
    return (json.dumps(obj, indent=2, sort_keys=True) + "\n").encode("utf-8")


def tokenizer_files(vocab: dict[str, int], merges: list[str], pad: str) -> dict[str, bytes]:
    special = {"bos_token": SOT, "eos_token": EOT, "pad_token": pad, "unk_token": EOT}
    config = {
        **special,
        "add_prefix_space": False,
        "clean_up_tokenization_spaces": True,
        "do_lower_case": True,
        "errors": "replace",
        "model_max_length": 77,
        # Prompt text never yields special ids: without this, pad "!" becomes an added
        # token and "wow!!!" splits into three pads, unlike open_clip (SD 2 / SDXL training).
        "split_special_tokens": True,
        "tokenizer_class": "CLIPTokenizer",
    }
    return {
        "vocab.json": (json.dumps(vocab, ensure_ascii=False) + "\n").encode("utf-8"),
        "merges.txt": ("#version: 0.2\n" + "\n".join(merges) + "\n").encode("utf-8"),
        "special_tokens_map.json": dump_json(special),
        "tokenizer_config.json": dump_json(config),
    }


def vae_config(version: str, sample_size: int, **extra) -> dict:
    return {
        "_class_name": "AutoencoderKL",
        "_diffusers_version": version,
        "act_fn": "silu",
        "block_out_channels": [128, 256, 512, 512],
        "down_block_types": ["DownEncoderBlock2D"] * 4,
        "in_channels": 3,
        "latent_channels": 4,
        "layers_per_block": 2,
        "norm_num_groups": 32,
        "out_channels": 3,
        "sample_size": sample_size,
        "up_block_types": ["UpDecoderBlock2D"] * 4,
        **extra,
    }


def clip_text_config(
    arch: str, hidden: int, layers: int, heads: int, act: str, proj: int, tf_version: str, dtype: str
) -> dict:
    # bos/eos/pad ids 0/2/1 are what the published configs say; eos_token_id == 2 makes
    # transformers pool at argmax(input_ids), i.e. at the first EOT, as the originals do.
    return {
        "architectures": [arch],
        "attention_dropout": 0.0,
        "bos_token_id": 0,
        "dropout": 0.0,
        "eos_token_id": 2,
        "hidden_act": act,
        "hidden_size": hidden,
        "initializer_factor": 1.0,
        "initializer_range": 0.02,
        "intermediate_size": hidden * 4,
        "layer_norm_eps": 1e-05,
        "max_position_embeddings": 77,
        "model_type": "clip_text_model",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "pad_token_id": 1,
        "projection_dim": proj,
        "torch_dtype": dtype,
        "transformers_version": tf_version,
        "vocab_size": 49408,
    }


def no_safety_checker(model_index: dict) -> dict:
    return {
        **model_index,
        "feature_extractor": [None, None],
        "requires_safety_checker": False,
        "safety_checker": [None, None],
    }


def sd15_configs() -> dict[str, dict]:
    return {
        "model_index.json": no_safety_checker(
            {
                "_class_name": "StableDiffusionPipeline",
                "_diffusers_version": "0.6.0",
                "scheduler": ["diffusers", "PNDMScheduler"],
                "text_encoder": ["transformers", "CLIPTextModel"],
                "tokenizer": ["transformers", "CLIPTokenizer"],
                "unet": ["diffusers", "UNet2DConditionModel"],
                "vae": ["diffusers", "AutoencoderKL"],
            }
        ),
        "scheduler/scheduler_config.json": {
            "_class_name": "PNDMScheduler",
            "_diffusers_version": "0.6.0",
            **SD_BETAS,
            "clip_sample": False,
            "num_train_timesteps": 1000,
            "set_alpha_to_one": False,
            "skip_prk_steps": True,
            "steps_offset": 1,
            "trained_betas": None,
        },
        "text_encoder/config.json": clip_text_config(
            "CLIPTextModel", 768, 12, 12, "quick_gelu", 768, "4.22.0.dev0", "float32"
        ),
        "unet/config.json": {
            "_class_name": "UNet2DConditionModel",
            "_diffusers_version": "0.6.0",
            "act_fn": "silu",
            "attention_head_dim": 8,
            "block_out_channels": [320, 640, 1280, 1280],
            "center_input_sample": False,
            "cross_attention_dim": 768,
            "down_block_types": DOWN_4,
            "downsample_padding": 1,
            "flip_sin_to_cos": True,
            "freq_shift": 0,
            "in_channels": 4,
            "layers_per_block": 2,
            "mid_block_scale_factor": 1,
            "norm_eps": 1e-05,
            "norm_num_groups": 32,
            "out_channels": 4,
            "sample_size": 64,
            "up_block_types": UP_4,
        },
        "vae/config.json": vae_config("0.6.0", 512),
    }


def sd2_configs() -> dict[str, dict]:
    return {
        "model_index.json": no_safety_checker(
            {
                "_class_name": "StableDiffusionPipeline",
                "_diffusers_version": "0.10.0.dev0",
                "scheduler": ["diffusers", "DDIMScheduler"],
                "text_encoder": ["transformers", "CLIPTextModel"],
                "tokenizer": ["transformers", "CLIPTokenizer"],
                "unet": ["diffusers", "UNet2DConditionModel"],
                "vae": ["diffusers", "AutoencoderKL"],
            }
        ),
        "scheduler/scheduler_config.json": {
            "_class_name": "DDIMScheduler",
            "_diffusers_version": "0.8.0",
            **SD_BETAS,
            "clip_sample": False,
            "num_train_timesteps": 1000,
            "prediction_type": "v_prediction",
            "set_alpha_to_one": False,
            "skip_prk_steps": True,
            "steps_offset": 1,
            "trained_betas": None,
        },
        # OpenCLIP ViT-H/14 text tower with its last block dropped (SD 2 uses the penultimate layer).
        "text_encoder/config.json": clip_text_config(
            "CLIPTextModel", 1024, 23, 16, "gelu", 512, "4.25.0.dev0", "float32"
        ),
        "unet/config.json": {
            "_class_name": "UNet2DConditionModel",
            "_diffusers_version": "0.10.0.dev0",
            "act_fn": "silu",
            "attention_head_dim": [5, 10, 20, 20],
            "block_out_channels": [320, 640, 1280, 1280],
            "center_input_sample": False,
            "cross_attention_dim": 1024,
            "down_block_types": DOWN_4,
            "downsample_padding": 1,
            "dual_cross_attention": False,
            "flip_sin_to_cos": True,
            "freq_shift": 0,
            "in_channels": 4,
            "layers_per_block": 2,
            "mid_block_scale_factor": 1,
            "norm_eps": 1e-05,
            "norm_num_groups": 32,
            "num_class_embeds": None,
            "only_cross_attention": False,
            "out_channels": 4,
            "sample_size": 96,
            "up_block_types": UP_4,
            "upcast_attention": True,
            "use_linear_projection": True,
        },
        "vae/config.json": vae_config("0.8.0", 768),
    }


def sdxl_configs() -> dict[str, dict]:
    return {
        "model_index.json": {
            "_class_name": "StableDiffusionXLPipeline",
            "_diffusers_version": "0.19.0.dev0",
            "force_zeros_for_empty_prompt": True,
            "scheduler": ["diffusers", "EulerDiscreteScheduler"],
            "text_encoder": ["transformers", "CLIPTextModel"],
            "text_encoder_2": ["transformers", "CLIPTextModelWithProjection"],
            "tokenizer": ["transformers", "CLIPTokenizer"],
            "tokenizer_2": ["transformers", "CLIPTokenizer"],
            "unet": ["diffusers", "UNet2DConditionModel"],
            "vae": ["diffusers", "AutoencoderKL"],
        },
        "scheduler/scheduler_config.json": {
            "_class_name": "EulerDiscreteScheduler",
            "_diffusers_version": "0.19.0.dev0",
            **SD_BETAS,
            "clip_sample": False,
            "interpolation_type": "linear",
            "num_train_timesteps": 1000,
            "prediction_type": "epsilon",
            "sample_max_value": 1.0,
            "set_alpha_to_one": False,
            "skip_prk_steps": True,
            "steps_offset": 1,
            "timestep_spacing": "leading",
            "trained_betas": None,
            "use_karras_sigmas": False,
        },
        "text_encoder/config.json": clip_text_config(
            "CLIPTextModel", 768, 12, 12, "quick_gelu", 768, "4.32.0.dev0", "float16"
        ),
        # OpenCLIP ViT-bigG/14 text tower.
        "text_encoder_2/config.json": clip_text_config(
            "CLIPTextModelWithProjection", 1280, 32, 20, "gelu", 1280, "4.32.0.dev0", "float16"
        ),
        "unet/config.json": {
            "_class_name": "UNet2DConditionModel",
            "_diffusers_version": "0.19.0.dev0",
            "act_fn": "silu",
            "addition_embed_type": "text_time",
            "addition_embed_type_num_heads": 64,
            "addition_time_embed_dim": 256,
            "attention_head_dim": [5, 10, 20],
            "block_out_channels": [320, 640, 1280],
            "center_input_sample": False,
            "class_embed_type": None,
            "class_embeddings_concat": False,
            "conv_in_kernel": 3,
            "conv_out_kernel": 3,
            "cross_attention_dim": 2048,
            "cross_attention_norm": None,
            "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
            "downsample_padding": 1,
            "dual_cross_attention": False,
            "encoder_hid_dim": None,
            "encoder_hid_dim_type": None,
            "flip_sin_to_cos": True,
            "freq_shift": 0,
            "in_channels": 4,
            "layers_per_block": 2,
            "mid_block_only_cross_attention": None,
            "mid_block_scale_factor": 1,
            "mid_block_type": "UNetMidBlock2DCrossAttn",
            "norm_eps": 1e-05,
            "norm_num_groups": 32,
            "num_attention_heads": None,
            "num_class_embeds": None,
            "only_cross_attention": False,
            "out_channels": 4,
            "projection_class_embeddings_input_dim": 2816,
            "resnet_out_scale_factor": 1.0,
            "resnet_skip_time_act": False,
            "resnet_time_scale_shift": "default",
            "sample_size": 128,
            "time_cond_proj_dim": None,
            "time_embedding_act_fn": None,
            "time_embedding_dim": None,
            "time_embedding_type": "positional",
            "timestep_post_act": None,
            "transformer_layers_per_block": [1, 2, 10],
            "up_block_types": ["CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"],
            "upcast_attention": None,
            "use_linear_projection": True,
        },
        # SDXL's own VAE: latents scaled by 0.13025, decoded in fp32 (overflows in fp16).
        "vae/config.json": vae_config("0.20.0.dev0", 1024, force_upcast=True, scaling_factor=0.13025),
    }


def inpainting(configs: dict[str, dict], pipeline: str, **index_extra) -> dict[str, dict]:
    """The same model folder, with the inpainting pipeline class and a UNet that takes 9 input channels."""
    out = dict(configs)
    out["model_index.json"] = {**configs["model_index.json"], "_class_name": pipeline, **index_extra}
    out["unet/config.json"] = {**configs["unet/config.json"], "in_channels": 9}
    return out


CONTROLNET_COMMON = {
    "_class_name": "ControlNetModel",
    "act_fn": "silu",
    "class_embed_type": None,
    "conditioning_embedding_out_channels": [16, 32, 96, 256],
    "controlnet_conditioning_channel_order": "rgb",
    "downsample_padding": 1,
    "flip_sin_to_cos": True,
    "freq_shift": 0,
    "in_channels": 4,
    "layers_per_block": 2,
    "mid_block_scale_factor": 1,
    "norm_eps": 1e-05,
    "norm_num_groups": 32,
    "num_class_embeds": None,
    "only_cross_attention": False,
    "resnet_time_scale_shift": "default",
}


def controlnet_sd15_config() -> dict:
    # lllyasviel/control_v11p_sd15_canny: the SD 1.5 UNet's encoder half.
    return {
        **CONTROLNET_COMMON,
        "_diffusers_version": "0.16.0.dev0",
        "attention_head_dim": 8,
        "block_out_channels": [320, 640, 1280, 1280],
        "cross_attention_dim": 768,
        "down_block_types": DOWN_4,
        "projection_class_embeddings_input_dim": None,
        "upcast_attention": False,
        "use_linear_projection": False,
    }


def controlnet_sdxl_config() -> dict:
    # diffusers/controlnet-canny-sdxl-1.0: the SDXL base UNet's encoder half.
    return {
        **CONTROLNET_COMMON,
        "_diffusers_version": "0.20.0.dev0",
        "addition_embed_type": "text_time",
        "addition_embed_type_num_heads": 64,
        "addition_time_embed_dim": 256,
        "attention_head_dim": [5, 10, 20],
        "block_out_channels": [320, 640, 1280],
        "conditioning_channels": 3,
        "cross_attention_dim": 2048,
        "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
        "encoder_hid_dim": None,
        "encoder_hid_dim_type": None,
        "global_pool_conditions": False,
        "num_attention_heads": None,
        "projection_class_embeddings_input_dim": 2816,
        "transformer_layers_per_block": [1, 2, 10],
        "upcast_attention": None,
        "use_linear_projection": True,
    }


LICENSE_NOTE = """\
# CLIP tokenizer files: origin and licence

`*/tokenizer/vocab.json`, `*/tokenizer/merges.txt` (and `sdxl/tokenizer_2/`) are generated by
`packaging/build_sd_configs.py` from `open_clip/bpe_simple_vocab_16e6.txt.gz` in the PyPI wheel
`open-clip-torch==3.3.0`. That file is OpenAI CLIP's byte-pair vocabulary, redistributed by open_clip;
the tables are built exactly as CLIP's `SimpleTokenizer` builds them.

OpenAI CLIP — https://github.com/openai/CLIP — MIT License, Copyright (c) 2021 OpenAI.
open_clip — https://github.com/mlfoundations/open_clip — MIT License,
Copyright (c) 2012-2021 Gabriel Ilharco, Mitchell Wortsman, Nicholas Carlini, Rohan Taori, Achal Dave,
Vaishaal Shankar, John Miller, Hongseok Namkoong, Hannaneh Hajishirzi, Ali Farhadi, Ludwig Schmidt.

MIT License

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.

The model configuration JSON files next to them describe the published architectures of
stable-diffusion-v1-5, stable-diffusion-2-1 and stable-diffusion-xl-base-1.0, their inpainting models
and ControlNets; they hold no weights.
"""


def all_files(vocab: dict[str, int], merges: list[str]) -> dict[str, bytes]:
    files: dict[str, bytes] = {"TOKENIZER_LICENSE.md": LICENSE_NOTE.encode("utf-8")}
    layouts = {
        "sd15": (sd15_configs(), {"tokenizer": PAD_EOT}),
        "sd2": (sd2_configs(), {"tokenizer": PAD_BANG}),
        "sdxl": (sdxl_configs(), {"tokenizer": PAD_EOT, "tokenizer_2": PAD_BANG}),
        "sd15_inpainting": (
            inpainting(sd15_configs(), "StableDiffusionInpaintPipeline"),
            {"tokenizer": PAD_EOT},
        ),
        "sdxl_inpainting": (
            inpainting(sdxl_configs(), "StableDiffusionXLInpaintPipeline", requires_aesthetics_score=False),
            {"tokenizer": PAD_EOT, "tokenizer_2": PAD_BANG},
        ),
        "controlnet_sd15": ({"config.json": controlnet_sd15_config()}, {}),
        "controlnet_sdxl": ({"config.json": controlnet_sdxl_config()}, {}),
    }
    for name, (configs, tokenizers) in layouts.items():
        for rel, config in configs.items():
            files[f"{name}/{rel}"] = dump_json(config)
        for sub, pad in tokenizers.items():
            for fname, data in tokenizer_files(vocab, merges, pad).items():
                files[f"{name}/{sub}/{fname}"] = data
    return files


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def build(out: Path = DEFAULT_OUT, wheel: Path | None = None) -> list[Path]:
    """Write every file under `out`; returns the ones whose bytes changed."""
    vocab, merges = clip_vocab_and_merges(read_bpe_lines(wheel or ensure_open_clip_wheel()))
    changed = []
    for rel, data in sorted(all_files(vocab, merges).items()):
        if write_if_changed(out / rel, data):
            changed.append(out / rel)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--wheel", type=Path, help=f"a local {OPEN_CLIP_WHEEL}")
    args = parser.parse_args(argv)
    changed = build(args.out, args.wheel)
    print(f"{len(changed)} file(s) written under {args.out}" if changed else f"{args.out} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
