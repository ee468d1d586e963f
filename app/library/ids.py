"""Design and draft ids: ULIDs, which sort by the time they were made."""

from __future__ import annotations

import secrets
import threading
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_id_lock = threading.Lock()
_last_id = (0, 0)


def new_id(now: float | None = None) -> str:
    """A 26-char ULID (48-bit ms + 80 random bits, Crockford base32): sorts by creation time."""
    global _last_id
    ms = int((time.time() if now is None else now) * 1000)
    with _id_lock:
        last_ms, last_rand = _last_id
        if ms <= last_ms:  # same millisecond or the clock stepped back: increment, stay ordered
            ms, rand = last_ms, (last_rand + 1) % (1 << 80)
        else:
            rand = secrets.randbits(80)
        _last_id = (ms, rand)
    value = (ms << 80) | rand
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))
