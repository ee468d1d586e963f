"""Records the library stores. Plain dataclasses so the UI and the CLI share them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.generation.request import GenerationRequest
from app.sqlite_db import is_moment

MAX_SIDE = 1 << 20  # pixels: far past any picture this app makes, short of a size that overflows a page's layout


def check_design_row(row: tuple[Any, ...]) -> None:
    """ValueError unless a design row (store.py's column order) holds what the library writes: SQLite keeps any
    value in any column, and a damaged file or an edit may have left text in a size or a number in a name."""
    (did, created, sha, _req, seed, pfinal, nfinal, mname, mhash, device, parent, fav, width, height, _extra) = row
    if not all(isinstance(text, str) for text in (did, pfinal, nfinal, mname, mhash, device)):
        raise ValueError("its saved texts are not text")
    if not (isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
        raise ValueError("its image name is not a SHA-256")  # a name from a row becomes a path: never "../x"
    if not (is_moment(created) and (parent is None or isinstance(parent, str))):
        raise ValueError("its date or parent is damaged")
    if not all(isinstance(n, int) for n in (seed, fav, width, height)) or not all(
        0 < side <= MAX_SIDE for side in (width, height)
    ):
        raise ValueError("its seed or size is damaged")


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
class DesignFilter:
    """Which designs a listing shows: every word of `search` in the user's or the final prompt (any case), and
    optionally only favourites. The store applies it in SQL; `matches` is the same rule for one design in hand."""

    search: str = ""
    favourites_only: bool = False

    @property
    def active(self) -> bool:
        return bool(search_words(self.search)) or self.favourites_only

    def matches(self, design: Design) -> bool:
        if self.favourites_only and not design.favourite:
            return False
        text = search_text(design.request.prompt, design.prompt_final)
        return all(word in text for word in search_words(self.search))


def search_text(prompt: str, prompt_final: str) -> str:
    """What a search looks in: both prompts, any case. NUL counts as a space: SQLite's LIKE and full-text index stop
    reading a text at one, so words after it could never be found."""
    return f"{prompt}\n{prompt_final}".casefold().replace("\0", " ")


def search_words(search: str) -> list[str]:
    """The words a design must all contain to match `search` (each once, in the order typed)."""
    return list(dict.fromkeys(search.casefold().replace("\0", " ").split()))


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


def request_from_saved(data: Any) -> GenerationRequest:
    """A GenerationRequest from its saved JSON object; ValueError (plain words) when the object has the wrong shape.

    Unknown keys are ignored (a newer version may add fields); a missing field takes its default, except the prompt."""
    if not isinstance(data, dict):
        raise ValueError("the saved generation settings are not an object")
    if "prompt" not in data:
        raise ValueError("the saved generation settings have no prompt")
    # Each value's kind is checked there: saved requests are read back from the library's rows and from PNG files,
    # which a damaged disk or another program may have changed (a RequestError is a ValueError).
    return GenerationRequest.from_dict(data)
