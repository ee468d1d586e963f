"""What a draft is asked with, what comes back, and how it fails, in words a person can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from app.errors import UserFacingError
from app.messages import Message
from app.settings_checks import fix_fields

Language = Literal["ko", "en"]
LANGUAGES: tuple[Language, ...] = ("ko", "en")

DraftSource = Literal["openai", "offline"]
ErrorKind = Literal["auth", "rate_limit", "timeout", "server", "network", "malformed", "cut_off", "refusal", "config"]
ERROR_KINDS: tuple[ErrorKind, ...] = (
    "auth",
    "rate_limit",
    "timeout",
    "server",
    "network",
    "malformed",
    "cut_off",
    "refusal",
    "config",
)


@dataclass(frozen=True)
class DescribeSettings:
    model: str = "gpt-4o-mini"
    temperature: float = 0.8
    max_tokens: int = 700  # room for the 350-600 characters asked for, Korean included; past it: "length"
    base_url: str = ""  # empty: OpenAI; else an OpenAI-compatible server (LM Studio, Ollama, llama.cpp)
    timeout_s: float = 30.0  # connect, and the longest silence between two pieces of a stream
    char_limit: int = 1000  # the token description's limit
    max_retries: int = 2  # automatic retries of 429/5xx/unreachable, only before any text arrived
    deadline_s: float = 120.0  # the longest a whole draft may take, retries included (a server may trickle)

    def validated(self, reasons: list[str] | None = None) -> "DescribeSettings":
        """Out-of-range, non-finite or mistyped values reset to their defaults, with a logged reason."""
        return fix_fields("describe", self, limits=DESCRIBE_LIMITS, required=("model",), reasons=reasons)


# What a person may set (the settings card uses the same bounds); a zero timeout or retry budget would fail every
# draft at once, and a huge one would leave the Describe step waiting for ever.
DESCRIBE_LIMITS: dict[str, tuple[float, float]] = {
    "temperature": (0.0, 2.0),
    "max_tokens": (50, 4000),
    "timeout_s": (1.0, 600.0),
    "char_limit": (100, 5000),
    "max_retries": (0, 10),
    "deadline_s": (5.0, 3600.0),
}


@dataclass(frozen=True)
class DraftRequest:
    design_id: str
    language: Language
    messages: list[dict[str, str]]  # chat messages: [{"role": "system", ...}, {"role": "user", ...}]
    model: str
    temperature: float
    max_tokens: int

    @property
    def user_prompt(self) -> str:
        """The user message: stored with the draft so a person can see what the model was told."""
        return next((m["content"] for m in reversed(self.messages) if m.get("role") == "user"), "")


@dataclass(frozen=True)
class DraftResult:
    text: str  # plain, sanitised text
    language: Language
    source: DraftSource
    model: str  # the model that wrote it, or "offline-templates"
    prompt: str  # the user message sent, or the template id for an offline draft
    finish_reason: str  # "stop"; "length" when the model hit max_tokens (the UI says it was cut at the limit)
    created_at: float  # seconds since the epoch
    extra: dict[str, str] = field(default_factory=dict)  # e.g. the server's response id


class DraftError(UserFacingError):
    """A draft that failed. `str()` is a plain sentence plus the next step; `details` never holds a key.

    `retryable`: trying again later may work (the UI offers "Try again"); auth, quota, refusal and
    config failures need the person to change something first. `received_chars`: how much text had
    already been delivered to the caller before the failure (the caller keeps it).
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str | Message,
        details: str = "",
        *,
        retryable: bool = False,
        received_chars: int = 0,
    ) -> None:
        super().__init__(message, details)
        self.kind = kind
        self.retryable = retryable
        self.received_chars = received_chars

    def __repr__(self) -> str:
        return f"DraftError(kind={self.kind!r}, message={self.message!r})"
