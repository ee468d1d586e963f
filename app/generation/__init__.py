"""Local Stable Diffusion: model registry, requests, the engine and its events. torch/diffusers load lazily."""
