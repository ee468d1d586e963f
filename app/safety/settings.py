"""Content safety settings: thresholds staff set, and whether the studio uses the checks (off by default; the
kiosk always does)."""

from __future__ import annotations

from dataclasses import dataclass

from app.settings_checks import fix_fields

SAFETY_LIMITS = {"image_threshold": (0.05, 0.99)}


@dataclass(frozen=True)
class SafetySettings:
    studio_prompt_filter: bool = False
    studio_image_filter: bool = False
    # open_nsfw's score at or above which a picture is held back (its authors suggest 0.8 as "likely NSFW", 0.2 as
    # "likely safe"); the app's own pictures score at most 0.002 (`scripts/bench.sh safety`). Staff may lower it.
    image_threshold: float = 0.6

    def validated(self, reasons: list[str] | None = None) -> "SafetySettings":
        return fix_fields("safety", self, limits=SAFETY_LIMITS, reasons=reasons)
