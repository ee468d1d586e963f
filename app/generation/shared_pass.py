"""Denoising several people's images in one pass of the model: what a generation server does with the requests that
wait for the same replica, so a GPU runs a batch instead of one image at a time.

Only requests that differ in their words and seeds share a pass (`pass_key`): the model, size, steps, sampler,
guidance, starting picture, mask, ControlNet and LoRAs are the pass's. Each row keeps its own prompt, negative prompt
and CPU noise generator. A row's pixels then depend on the pass's size and the row's place in it, never on the other
rows' prompts (measured: the same bytes with other prompts in the other rows, different bytes at another size or
place), so each image records both (`GenerationRequest.pass_size`, `pass_row`) and Verify regenerates it exactly.

Every person still has their own job: their steps and previews, their Stop (their row stops counting; the pass ends
once no row is left), their failure (a row that came out NaN fails only its own job).
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from concurrent import futures
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Callable

from app.executors import Serial
from app.generation.request import GenerationRequest
from app.generation.runner import EmptyImage, ImageCallback, JobRunner, Row, quiet

# What a pass shares with every row: everything in a request except these.
PER_ROW = ("prompt", "negative_prompt", "preset", "seed", "batch")


def pass_key(request: GenerationRequest) -> str | None:
    """Requests with the same key can share a pass; None for one that must run on its own (it is a regeneration of
    a row of an earlier pass, which has its own pass to repeat)."""
    if request.pass_size > 1:
        return None
    shared = {k: v for k, v in request.to_dict().items() if k not in PER_ROW}
    return json.dumps(shared, sort_keys=True, default=str)


@dataclass
class Member:
    """One job in the passes: its request (the concrete one, with its seed), its Stop, where its steps and images
    go. After `run_members`: its results (what `on_image` returned, in order) and the EmptyImage that failed it."""

    request: GenerationRequest
    cancel: threading.Event
    on_step: Callable[[int, int, int, object], None]  # image index, step, steps, preview
    on_image: ImageCallback | None = None
    owner: Any = None  # the backend's own record of the job
    handed: list[Future] = field(default_factory=list)
    error: EmptyImage | None = None
    cut: bool = False  # stopped before every variation was made

    @property
    def stopped(self) -> bool:
        return self.cancel.is_set() or self.error is not None

    def results(self) -> list[Any]:
        return [f.result() for f in self.handed]


def run_members(runner: JobRunner, members: list[Member], max_rows: int = 1) -> None:
    """Every variation of every member, at most `max_rows` to a pass, in the order the members came. Each image is
    packaged and handed to its member's `on_image` on one disk worker while the next pass denoises; returns once
    every hand-off has ended. Raises what stops them all (a model that cannot run, a starting image that is gone)."""
    first = members[0].request.runnable()
    init_image = runner.init_image(first)
    runner.apply_loras()
    slots = [(member, index, seed) for member in members for index, seed in enumerate(member.request.seeds())]
    composed = {id(member): runner.presets.compose(member.request.runnable()) for member in members}
    # One hand-off worker keeps images landing in the order they were made; passes run one after another and each
    # job waits for its hand-offs, so the order holds across jobs too.
    handoff = Serial("disk")
    try:
        for start in range(0, len(slots), max(1, max_rows)):
            chunk = []
            for member, index, seed in slots[start : start + max(1, max_rows)]:
                member.cut = member.cut or member.cancel.is_set()
                if not member.stopped:
                    chunk.append((member, index, seed))
            if chunk:
                _one_pass(runner, first, chunk, composed, init_image, handoff)
    finally:
        # Images finished before a cancel or a failure are kept: wait for every hand-off, even after one failed,
        # so no later variation is still being written when the caller closes the library.
        futures.wait([f for member in members for f in member.handed])


def _one_pass(runner: JobRunner, shared: GenerationRequest, chunk, composed, init_image, handoff: Serial) -> None:
    rows, told = [], set()
    for member, index, seed in chunk:
        # A person's variations in one pass advance together: their steps are told once, as the first one's, so
        # the progress they see only moves forward.
        rows.append(_row(member, index, seed, composed[id(member)], id(member) in told))
        told.add(id(member))
    started = time.perf_counter()
    if shared.pass_size > 1:  # rows of an earlier pass, made again: each in a pass of copies, in its own place
        made = []
        for row in rows:
            padded = [dataclasses.replace(row, on_step=quiet)] * shared.pass_size
            padded[shared.pass_row] = row
            made.append(runner.generate_rows(shared, padded, init_image)[shared.pass_row])
    else:
        made = runner.generate_rows(shared, rows, init_image)
    seconds = time.perf_counter() - started
    size = len(chunk)
    for row, ((member, index, seed), image) in enumerate(zip(chunk, made)):
        if isinstance(image, EmptyImage):
            member.error = member.error or image
            continue
        if image is None:
            member.cut = True  # stopped by its person
            continue
        request = member.request.runnable()
        if size > 1 and shared.pass_size == 1:  # a made-again row keeps the pass it names
            request = request.replace(pass_size=size, pass_row=row)
        made_as = dict(seed=seed, index=index, seconds=seconds, asked_steps=member.request.steps)
        words = composed[id(member)]
        member.handed.append(
            handoff.submit(runner.hand_over, request, words, image, init_image is not None, made_as, member.on_image)
        )


def _row(member: Member, index: int, seed: int, words, told: bool) -> Row:
    def step(step: int, steps: int, preview: object) -> None:
        member.on_step(index, step, steps, preview)

    return Row(seed, words.positive, words.negative, lambda: member.stopped, quiet if told else step)
