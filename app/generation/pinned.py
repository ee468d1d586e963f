"""A pipeline whose execution device is known once, instead of being looked up on every call.

diffusers' `_execution_device` walks every module of every component looking for offload hooks, on each pipeline
call (2.8–9 ms a call with the demo model on a CPU, measured: up to a sixth of a one-step live frame). Where a
pipeline sits whole on one device, with no offload, the answer never changes: `pin_execution_device` remembers what
diffusers computed and answers that. Moving the pipeline or turning on any offload forgets it, so diffusers' own
walk answers again.
"""

from __future__ import annotations

import functools


def pin_execution_device(pipe):
    """Let `pipe` (whole on one device, no offload) answer `_execution_device` from what it is now; returns it."""
    device = pipe._execution_device  # diffusers' own answer, kept exactly (e.g. "cuda:0", not "cuda")
    pipe.__class__ = _pinned_class(unpinned_class(type(pipe)))
    pipe._pinned_device = device
    return pipe


def unpinned_class(cls: type) -> type:
    """The diffusers class of a pipeline, pinned or not."""
    return getattr(cls, "_unpinned", cls)


@functools.cache
def _pinned_class(cls: type) -> type:
    def execution_device(self):
        pinned = self.__dict__.get("_pinned_device")
        return pinned if pinned is not None else cls._execution_device.fget(self)

    def forgetting(name: str):
        original = getattr(cls, name)

        @functools.wraps(original)
        def method(self, *args, **kwargs):
            self.__dict__.pop("_pinned_device", None)
            return original(self, *args, **kwargs)

        return method

    # same name and module, so diffusers' config and logs read as before
    namespace = {"_execution_device": property(execution_device), "_unpinned": cls, "__module__": cls.__module__}
    for name in ("to", "enable_model_cpu_offload", "enable_sequential_cpu_offload", "enable_group_offload"):
        if hasattr(cls, name):
            namespace[name] = forgetting(name)
    pinned = type(cls.__name__, (cls,), namespace)
    pinned.__qualname__ = cls.__qualname__
    return pinned
