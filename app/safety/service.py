"""Content safety as the front ends use it: one object that knows the lists, the classifier and the thresholds, and
answers in messages a person can read.

`enforced` is the front end's policy (`Policy.enforces_content_safety`: always at the kiosk); elsewhere each check
runs only when its studio switch is on. The classifier is loaded lazily, on the thread that first checks a picture
(callers use the `generation` executor, never the UI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from app.messages import Message
from app.safety.image_check import ImageSafety, ImageVerdict
from app.safety.messages import IMAGE_BLOCKED, IMAGE_UNCHECKED, PROMPT_BLOCKED
from app.safety.prompt_filter import PromptFilter
from app.safety.settings import SafetySettings


@dataclass(frozen=True)
class PictureVerdict:
    may_submit: bool
    blurred: bool  # shown blurred: flagged (or, where enforced, not checked)
    message: Message | None = None
    verdict: ImageVerdict | None = None  # None: the check is off


class ContentSafety:
    def __init__(self, settings: Callable[[], SafetySettings], prompt_filter: PromptFilter | None = None) -> None:
        self._settings = settings
        self.prompts = prompt_filter or PromptFilter()
        self._images: ImageSafety | None = None
        self.pictures_checked = 0  # pictures given to the classifier (none while every check is off)

    def checks_prompts(self, *, enforced: bool) -> bool:
        return enforced or self._settings().studio_prompt_filter

    def checks_pictures(self, *, enforced: bool) -> bool:
        """Whether `picture()` looks at pictures at all (a front end shows no "checking" state when it does not)."""
        return enforced or self._settings().studio_image_filter

    def prompt_problem(self, text: str, *, enforced: bool) -> Message | None:
        """The kind sentence to show instead of generating, or None when the prompt may be used."""
        if not self.checks_prompts(enforced=enforced):
            return None
        return PROMPT_BLOCKED() if self.prompts.check(text).blocked else None

    def picture(self, png: bytes, *, enforced: bool) -> PictureVerdict:
        settings = self._settings()
        if not (enforced or settings.studio_image_filter):
            return PictureVerdict(may_submit=True, blurred=False)
        images = self._image_checker(settings.image_threshold)
        self.pictures_checked += 1
        verdict = images.check(png)
        if verdict.flagged:
            return PictureVerdict(False, True, IMAGE_BLOCKED(), verdict)
        if not verdict.checked:  # fails closed where enforced; the studio shows it, with a note
            return PictureVerdict(not enforced, enforced, IMAGE_UNCHECKED() if enforced else None, verdict)
        return PictureVerdict(True, False, None, verdict)

    def classifier_problem(self) -> str:
        """ "" when the picture check works here; else why not (for the staff's health view)."""
        checker = self._image_checker(self._settings().image_threshold)
        return "" if checker.available() else checker.problem

    def _image_checker(self, threshold: float) -> ImageSafety:
        if self._images is None:
            self._images = ImageSafety(threshold)
        self._images.threshold = threshold
        return self._images
