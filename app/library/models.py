"""Records the library stores. Plain dataclasses so the UI and the CLI share them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.generation.request import GenerationRequest


@dataclass(frozen=True)
class NewDesign:
    """What the engine hands the library for one finished image."""

    png: bytes  # the PNG file exactly as saved, metadata chunks included
    request: GenerationRequest  # the job's request; its seed is the batch's first seed
    seed: int  # this image's own seed
    prompt_final: str
    negative_final: str
    model_name: str
    model_hash: str
    device: str
    parent_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Design:
    id: str
    created_at: float  # seconds since the epoch, UTC
    image_sha256: str
    image_path: str  # absolute path of the PNG in the content-addressed folder
    request: GenerationRequest
    seed: int
    prompt_final: str
    negative_final: str
    model_name: str
    model_hash: str
    device: str
    parent_id: str | None
    favourite: bool
    width: int
    height: int
    extra: dict[str, Any] = field(default_factory=dict)  # NewDesign.extra, kept so nothing handed over is lost


@dataclass(frozen=True)
class DraftRecord:
    """One description draft as it came from ChatGPT or the offline template drafter, never edited."""

    id: str  # a ULID, like design ids: sorts by creation time
    design_id: str
    language: str  # "ko" | "en"
    source: str  # "openai" | "offline"
    model: str  # the chat model, or the offline template set
    prompt: str  # the user message sent, or the offline template id
    text: str
    finish_reason: str | None  # "stop", "length", "cancelled"… as reported; None when unknown
    created_at: float  # seconds since the epoch, UTC


@dataclass(frozen=True)
class DescriptionRecord:
    """The person's current text for one design in one language (what becomes the token's description)."""

    design_id: str
    language: str  # "ko" | "en"
    text: str
    based_on_draft_id: str | None  # the draft the person started from, if any
    created_at: float  # first saved
    updated_at: float  # last saved
