"""Generation's section of the settings: read by the engine at every job, so a change applies to the next one.

Here rather than in app/config.py, so generation depends on nothing but itself (config gathers every section)."""

from __future__ import annotations

from dataclasses import dataclass

from app.settings_checks import fix_fields

DEVICES = ("auto", "cuda", "mps", "cpu")


@dataclass
class GenerationSettings:
    device: str = "auto"
    attention_slicing: bool = False
    vae_tiling: bool = False
    cpu_offload: bool = False
    # CUDA only, measured by tests/benchmarks/bench_gpu.py: channels_last was slower on an H200 with SDPA;
    # torch.compile nearly doubles the step rate after a warm-up of about a minute per model and size.
    channels_last: bool = False
    compile_unet: bool = False
    live_previews: bool = True
    fast_decoder: bool = False  # TAESD as the final decoder (requests then carry decoder "taesd"); live mode always
    model_id: str = ""  # last used model; empty picks the first available

    def validated(self, reasons: list[str] | None = None) -> "GenerationSettings":
        return fix_fields("generation", self, choices={"device": DEVICES}, reasons=reasons)
