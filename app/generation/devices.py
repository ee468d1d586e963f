"""Which device and precision to run on: CUDA (fp16) > Apple MPS (fp16) > CPU (fp32), overridable in settings."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import UserFacingError
from app.generation import messages as msgs


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # a torch device string: "cuda", "mps", "cpu"
    dtype_name: str  # "float16" | "float32"
    label: str  # for the status bar, e.g. "CUDA · NVIDIA H200" or "CPU"
    note: str = ""  # why the preferred device was not used, if it was not

    @property
    def torch_dtype(self):
        import torch

        return getattr(torch, self.dtype_name)


def choose_device(preference: str = "auto") -> DeviceChoice:
    import torch

    has_cuda = torch.cuda.is_available()
    mps = getattr(torch.backends, "mps", None)
    has_mps = bool(mps and mps.is_available())
    if preference == "cuda" and not has_cuda:
        return _cpu(note=str(msgs.NO_CUDA()))
    if preference == "mps" and not has_mps:
        return _cpu(note=str(msgs.NO_MPS()))
    if preference == "cpu":
        return _cpu()
    if has_cuda and preference in ("auto", "cuda"):
        name = torch.cuda.get_device_name(0)
        return DeviceChoice("cuda", "float16", f"CUDA · {name}")
    if has_mps and preference in ("auto", "mps"):
        return DeviceChoice("mps", "float16", "Apple GPU (MPS)")
    if preference not in ("auto", "cpu", "cuda", "mps"):
        raise UserFacingError(msgs.UNKNOWN_DEVICE(preference=preference))
    return _cpu()


def _cpu(note: str = "") -> DeviceChoice:
    return DeviceChoice("cpu", "float32", "CPU", note)


def describe_torch() -> dict[str, str]:
    """What `sm6-studio doctor` reports about torch and the accelerator."""
    import torch

    info = {"torch": torch.__version__, "cuda_build": str(torch.version.cuda or "none")}
    if torch.cuda.is_available():
        props = torch.cuda.get_device_properties(0)
        info["gpu"] = props.name
        info["vram"] = f"{props.total_memory / 2**30:.1f} GiB"
    mps = getattr(torch.backends, "mps", None)
    info["mps"] = "available" if mps and mps.is_available() else "not available"
    return info
