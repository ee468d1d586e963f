"""Descriptions for designs: a streaming OpenAI drafter, an offline template drafter, and the sanitiser.

Qt-free. `build_request` turns a design into a chat request; `OpenAIDrafter.stream` drafts it;
`OfflineDrafter.draft` gives a text at once when there is no key, no network or the call fails.
"""

from app.description.models import (
    LANGUAGES,
    DescribeSettings,
    DraftError,
    DraftRequest,
    DraftResult,
    Language,
)
from app.description.offline import OfflineDrafter
from app.description.openai_drafter import OpenAIDrafter
from app.description.prompting import build_request, load_system_prompt
from app.description.sanitize import StreamSanitizer, clean_text, safe_text

__all__ = [
    "LANGUAGES",
    "DescribeSettings",
    "DraftError",
    "DraftRequest",
    "DraftResult",
    "Language",
    "OfflineDrafter",
    "OpenAIDrafter",
    "StreamSanitizer",
    "build_request",
    "clean_text",
    "safe_text",
    "load_system_prompt",
]
