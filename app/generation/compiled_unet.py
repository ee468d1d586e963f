"""torch.compile for the UNet without the wait: compiled in the background for the shapes jobs use, cached on disk.

torch.compile nearly doubles the step rate on a GPU (57.6 against 37.2 it/s on an H200, README), but its first call
compiles for about a minute, and so does every new shape (another size, another batch, a ControlNet's extra inputs).
Called inside a job, that minute is a progress bar stuck at its first step.

So the UNet's forward goes through a `ShapeRouter`: it runs the compiled UNet for the inputs it was compiled for,
and the UNet as it is for any other, while one background thread compiles that new kind of input from a copy of it.
The set of compiled inputs a pass may use is fixed when the pass starts (`begin_pass`), so an image is never denoised
half one way and half the other. Each kind of input is compiled with static shapes (`dynamic=False`): what the GPU
runs is specialised to it, and on CUDA the compiled UNet replays its kernels as CUDA graphs (mode "reduce-overhead"),
which removes the per-kernel launch cost that sets the pace at these step rates.

Inductor keeps what it compiled (FX graphs, kernels) in the data folder's cache rather than the system's temporary
folder, which is emptied at each restart: a later launch reuses it instead of compiling everything again. While
LoRAs are applied the UNet runs uncompiled (see `_structure`), and once they are gone it is compiled again in the
background."""

from __future__ import annotations

import logging
import os
import threading
import types
from pathlib import Path
from typing import Any, Callable

from app import executors

log = logging.getLogger(__name__)

CACHE_ENV = "TORCHINDUCTOR_CACHE_DIR"


def cache_folder(data_dir: Path) -> Path:
    """Where compiled kernels are kept: TORCHINDUCTOR_CACHE_DIR when the person set it, else the data folder's cache."""
    chosen = os.environ.get(CACHE_ENV)
    return Path(chosen) if chosen else data_dir / "cache" / "torch-compile"


def use_cache_folder(folder: Path) -> None:
    """Inductor's caches in `folder`, unless the person chose a folder for them already (the variable is theirs)."""
    if os.environ.get(CACHE_ENV):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only data folder: torch's own temporary folder serves this launch
        log.warning("No compile cache in %s: %s", folder, exc)
        return
    os.environ[CACHE_ENV] = str(folder)


MODE = "reduce-overhead"  # CUDA graphs; tests/benchmarks/bench_gpu.py also measures "default"


def inductor(forward):
    """The compiler used on CUDA: the UNet's forward with static shapes, replayed as CUDA graphs."""
    import torch

    return torch.compile(forward, mode=MODE, fullgraph=True, dynamic=False)


class ShapeRouter:
    """Becomes the UNet's `forward` (an attribute of that one module, so every pipeline sharing the weights, LoRA
    loading and diffusers' own checks see the UNet as it is): see the module's docstring. Made by `install`."""

    def __init__(self, unet, compiler: Callable[[Any], Any]) -> None:
        self.unet = unet
        self.eager = types.MethodType(type(unet).forward, unet)
        self._compiled = compiler(self.eager)
        self._lock = threading.Lock()
        self._ready: set[tuple] = set()
        self._tried: set[tuple] = set()  # compiled, being compiled, or failed: never asked twice
        self._waiting: list[tuple[tuple, tuple, dict]] = []
        self._worker = False
        self._closed = False
        self._usable: frozenset = frozenset()
        self._layout = _structure(unet)
        self._epoch = 0
        self._structure: tuple | None = None if self._layout is None else (0, self._layout)
        self.on_busy: Callable[[bool], None] = lambda _busy: None  # a compile starts (True); none is left (False)
        self._told = False
        self._telling = threading.Lock()

    def begin_pass(self) -> None:
        """What the next pass may run compiled: the inputs ready now (one whose compile ends mid-pass waits)."""
        layout = _structure(self.unet)
        with self._lock:
            if layout != self._layout:
                # Layers came or went (a LoRA's): even the old layout back fails the compiled code's guards, and
                # torch would compile again inside the pass. Everything is compiled afresh, in the background.
                self._layout = layout
                self._epoch += 1
            self._structure = None if layout is None else (self._epoch, layout)
            self._usable = frozenset(self._ready)

    def __call__(self, *args, **kwargs):
        key = _key(self._structure, args, kwargs)
        if key is None:
            return self.eager(*args, **kwargs)
        if key in self._usable:
            try:
                # Copied out: with CUDA graphs the next replay overwrites this output, and a scheduler may keep it
                # across steps (PNDM keeps the last four).
                return _copy(self._compiled(*args, **kwargs))
            except Exception:  # noqa: BLE001 - a compiled UNet that fails at run time must not fail the job
                log.warning("The compiled UNet failed for %s; it runs uncompiled from now on", key[2], exc_info=True)
                with self._lock:
                    self._ready.discard(key)
                    self._usable = self._usable - {key}
        else:
            self._ask(key, args, kwargs)
        return self.eager(*args, **kwargs)

    @property
    def compiled_kinds(self) -> int:
        with self._lock:
            return len(self._ready)

    def idle(self) -> bool:
        with self._lock:
            return not self._worker

    def close(self) -> None:
        """Nothing more is compiled; a compile under way ends on its own (torch cannot be interrupted mid-compile)."""
        with self._lock:
            self._closed = True
            self._waiting.clear()

    def _ask(self, key: tuple, args: tuple, kwargs: dict) -> None:
        with self._lock:
            if key in self._tried or self._closed:
                return
            self._tried.add(key)
            self._waiting.append((key, _copy(args), _copy(kwargs)))
            if self._worker:
                return
            self._worker = True
        self._tell()
        executors.run_long("unet-compile", self._drain)

    def _tell(self) -> None:
        """on_busy with the state as it is now, when it changed since last told: a worker ending as another starts
        never leaves the last word saying that nothing compiles."""
        with self._telling:
            with self._lock:
                busy = self._worker
            if busy != self._told:
                self._told = busy
                self.on_busy(busy)

    def _drain(self) -> None:
        import torch

        _allow_recompiles()
        while True:
            with self._lock:
                if not self._waiting or self._closed:
                    self._worker = False
                    break
                key, args, kwargs = self._waiting.pop(0)
            try:
                with torch.no_grad():  # as the pipelines call it: a graph compiled for autograd would not be reused
                    self._compiled(*args, **kwargs)
            except Exception:  # noqa: BLE001 - the uncompiled UNet goes on serving these inputs; say why in the log
                log.warning("Compiling the UNet for %s failed; it runs uncompiled", key[1:], exc_info=True)
                continue
            with self._lock:
                self._ready.add(key)
            log.info("UNet compiled for %s", key[2])
        self._tell()


def install(unet, compiler: Callable[[Any], Any]) -> ShapeRouter:
    router = ShapeRouter(unet, compiler)
    unet.forward = router
    return router


def forget(router: ShapeRouter) -> None:
    """The router's model is released: nothing more is compiled for it, and when no compile is under way, torch's
    compiled entries are dropped (only one model is loaded at a time; the kernels stay in the cache folder, so the
    next model of the same family compiles quickly). A compile under way is left to end: dropping them then would
    wait for it."""
    router.close()
    if router.idle():
        import torch._dynamo

        torch._dynamo.reset()


# Each kind of input, and each model loaded in a session, is one more compiled entry of the UNet's forward; torch
# stops compiling a function after 8 (its recompile_limit), which sizes and models tried in one session soon reach.
RECOMPILE_LIMIT = 64


def _allow_recompiles() -> None:
    """On the compiling thread: torch's compiler settings are its own for each thread."""
    import torch._dynamo

    config = torch._dynamo.config
    for name in ("recompile_limit", "cache_size_limit"):  # the name changed in torch 2.6
        if hasattr(config, name):
            setattr(config, name, max(getattr(config, name), RECOMPILE_LIMIT))
            return


def router_of(unet) -> ShapeRouter | None:
    router = getattr(unet, "__dict__", {}).get("forward")
    return router if isinstance(router, ShapeRouter) else None


def begin_pass(unet) -> None:
    router = router_of(unet)
    if router is not None:
        router.begin_pass()


def _structure(unet) -> int | None:
    """The layout the compiled code was traced from (its modules by name); None while LoRAs are on the UNet: their
    weights are numbers the compiled code would be specialised to, so each LoRA or weight would compile again inside
    a job. Those passes run uncompiled."""
    names = []
    for name, module in unet.named_modules():
        if hasattr(module, "lora_A"):
            return None
        names.append(name)
    return hash(tuple(names))


def _key(structure: tuple | None, args: tuple, kwargs: dict) -> tuple | None:
    """What the compiled code is specialised to: the tensors' shapes and types, and every other argument's value.
    None for a plain number among them (compiled code is specialised to its value: a recompile each step)."""
    import torch
    from torch.utils._pytree import tree_flatten

    if structure is None:
        return None
    leaves, spec = tree_flatten((args, kwargs))
    signature = []
    for leaf in leaves:
        if isinstance(leaf, torch.Tensor):
            signature.append((tuple(leaf.shape), str(leaf.dtype), str(leaf.device)))
        elif isinstance(leaf, (int, float)) and not isinstance(leaf, bool):
            return None
        else:
            signature.append((type(leaf).__name__, repr(leaf)[:64]))
    return (structure, str(spec), tuple(signature))


def _copy(tree):
    import torch
    from torch.utils._pytree import tree_map

    return tree_map(lambda leaf: leaf.detach().clone() if isinstance(leaf, torch.Tensor) else leaf, tree)
