"""Pipelines that answer their execution device from a pinned value: the same device and pixels as diffusers' own
walk over the modules, and the walk back as soon as the pipeline moves or is offloaded."""

from __future__ import annotations

import numpy as np
import pytest

from app.generation.pinned import pin_execution_device, unpinned_class


@pytest.fixture(scope="module")
def pipe(tiny_sd15_master):
    from diffusers import StableDiffusionPipeline

    loaded = StableDiffusionPipeline.from_pretrained(tiny_sd15_master, safety_checker=None)
    loaded.set_progress_bar_config(disable=True)
    return loaded


def picture(pipeline) -> np.ndarray:
    import torch

    generator = torch.Generator("cpu").manual_seed(3)
    out = pipeline("pearl white SM6", num_inference_steps=2, width=64, height=64, generator=generator, output_type="np")
    return out.images[0]


def test_a_pinned_pipeline_gives_the_same_device_and_pixels_and_shares_its_weights(pipe):
    from diffusers import StableDiffusionImg2ImgPipeline, StableDiffusionPipeline

    walked_device, walked = pipe._execution_device, picture(pipe)
    pinned = pin_execution_device(pipe)
    assert pinned is pipe and isinstance(pipe, StableDiffusionPipeline)
    assert unpinned_class(type(pipe)) is StableDiffusionPipeline and type(pipe).__name__ == "StableDiffusionPipeline"
    assert pipe._execution_device == walked_device and np.array_equal(picture(pipe), walked)
    img2img = StableDiffusionImg2ImgPipeline.from_pipe(pipe)  # other modes are built from the pinned one
    assert img2img.unet is pipe.unet and img2img._execution_device == walked_device


def test_moving_the_pipeline_forgets_the_pinned_device(pipe):
    pin_execution_device(pipe)
    pipe._pinned_device = "elsewhere"  # what a stale pin would answer
    pipe.to("cpu")
    assert str(pipe._execution_device) == "cpu"
