"""The generation server's memory of callers: a rate limit per token, and the jobs it ran (no doubles).

Both live in the ingress (one replica: it sees every request and every line), so they hold across the Generator's
replicas without a shared store.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

REPLAY_S = 15 * 60  # how long a finished job's lines are kept for a client that lost its stream
REPLAY_MAX_BYTES = 512 * 1024 * 1024  # the oldest finished jobs are forgotten first beyond this


class RateLimiter:
    """A token bucket per caller: `per_minute` jobs a minute, with bursts up to a minute's worth."""

    def __init__(self, per_minute: float, clock=time.monotonic) -> None:
        self.per_minute = max(0.001, float(per_minute))
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # name -> (tokens left, when)

    def take(self, name: str) -> int:
        """0 when `name` may go ahead now (one job counted), else the seconds to wait before trying again."""
        now = self._clock()
        capacity = max(1.0, self.per_minute)
        tokens, when = self._buckets.get(name, (capacity, now))
        tokens = min(capacity, tokens + (now - when) * self.per_minute / 60.0)
        if tokens >= 1.0:
            self._buckets[name] = (tokens - 1.0, now)
            return 0
        self._buckets[name] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) * 60.0 / self.per_minute))


@dataclass
class Remembered:
    token: str
    running: bool = True
    lines: list[bytes] = field(default_factory=list)
    ended: float = 0.0

    @property
    def size(self) -> int:
        return sum(len(line) for line in self.lines)


class JobMemory:
    """job_key → its state and, once it ended with "finished" or "failed", its lines to replay."""

    def __init__(self, keep_s: float = REPLAY_S, max_bytes: int = REPLAY_MAX_BYTES, clock=time.monotonic) -> None:
        self.keep_s, self.max_bytes, self._clock = keep_s, max_bytes, clock
        self._jobs: OrderedDict[str, Remembered] = OrderedDict()

    def get(self, job_key: str) -> Remembered | None:
        self._prune()
        return self._jobs.get(job_key)

    def start(self, job_key: str, token: str) -> Remembered:
        job = self._jobs[job_key] = Remembered(token)
        return job

    def end(self, job_key: str, keep: bool) -> None:
        """A job ended: kept for replay when it ran to its end, forgotten when it was cancelled or cut short (a
        retry of the same key then runs it again: nothing of it was finished)."""
        job = self._jobs.get(job_key)
        if job is None:
            return
        if not keep:
            del self._jobs[job_key]
            return
        job.running, job.ended = False, self._clock()
        self._jobs.move_to_end(job_key)
        self._prune()

    def _prune(self) -> None:
        now = self._clock()
        total = sum(job.size for job in self._jobs.values() if not job.running)
        for key, job in list(self._jobs.items()):
            if job.running:
                continue
            if now - job.ended > self.keep_s or total > self.max_bytes:
                total -= job.size
                del self._jobs[key]
