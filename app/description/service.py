"""Drafting a description for a design: online when a server is there (with a key, unless it is a local
OpenAI-compatible server that needs none), offline otherwise or when the call fails, every draft stored with the
design. The UI decides where the text goes; this decides where it comes from.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Callable

from app.description.keys import ApiKeyStore
from app.description.models import DescribeSettings, DraftError, DraftResult, Language
from app.description.offline import OfflineDrafter
from app.description.openai_drafter import OpenAIDrafter, needs_key
from app.description.prompting import build_request
from app.executors import run
from app.generation.presets import PresetBook, default_presets
from app.library.interface import DesignStore
from app.library.models import Design, DraftRecord
from app.messages import Msg

NO_KEY = Msg(
    "describe.offline_no_key",
    "No OpenAI key is set, so an offline draft was made from templates instead of asking ChatGPT. {next_step}",
)
ADD_KEY = Msg("describe.add_key", "Add a key in Settings, then choose Retry online.")


@dataclass(frozen=True)
class DraftOutcome:
    result: DraftResult
    record: DraftRecord  # as stored in the library
    fallback_reason: str = ""  # why an offline draft was made instead of an online one ("" when online worked)
    partial_error: DraftError | None = None  # an online stream that broke after some text arrived (text kept)
    needs_key: bool = False  # the fallback's reason is a missing key: the UI offers to add one


class DescriptionService:
    def __init__(
        self,
        library: DesignStore,
        keys: ApiKeyStore | None = None,
        settings: Callable[[], DescribeSettings] = DescribeSettings,
        presets: PresetBook | None = None,
        drafter_factory: Callable[[DescribeSettings, str], OpenAIDrafter] = OpenAIDrafter,
        *,
        mention_seed: bool = True,
    ) -> None:
        self.library = library
        # A showroom visitor's description leaves the seed out: a technical detail they have no use for.
        self.mention_seed = mention_seed
        self.keys = keys or ApiKeyStore()
        self._settings = settings
        self.presets = presets or default_presets()
        self._drafter_factory = drafter_factory

    def offline_draft(
        self, design: Design, language: Language, reason: str = "", *, no_key: bool = False
    ) -> DraftOutcome:
        settings = self._settings()
        drafter = OfflineDrafter(settings, mention_seed=self.mention_seed)
        result = drafter.draft(design, language, self.library.lineage(design.id), self.presets)
        return DraftOutcome(result, self._store(design, result), reason, needs_key=no_key)

    def server_needs_key(self) -> bool:
        """Whether the configured server needs an API key (OpenAI does; a local OpenAI-compatible server may not)."""
        return needs_key(self._settings().base_url)

    async def draft(
        self, design: Design, language: Language, on_delta: Callable[[str], None], online: bool = True
    ) -> DraftOutcome:
        """Stream an online draft into `on_delta`; fall back to an offline draft when nothing arrived.

        Cancelling the awaiting task stops the stream; the text already delivered stays with the caller, and the
        partial draft is stored so it is not lost either.
        """
        if not online:
            return self.offline_draft(design, language)
        # A keyring may block (D-Bus, an unlock prompt): ask on the disk executor, never on the UI thread.
        key = await asyncio.wrap_future(run("disk", self.keys.get))
        settings = self._settings()
        if not key.key and needs_key(settings.base_url):
            return self.offline_draft(design, language, str(NO_KEY(next_step=key.problem or ADD_KEY())), no_key=True)
        lineage = self.library.lineage(design.id)
        request = build_request(design, language, settings, lineage, self.presets, mention_seed=self.mention_seed)
        received: list[str] = []

        def deliver(delta: str) -> None:
            received.append(delta)
            on_delta(delta)

        try:
            # No key for a server that needs none: the drafter sends a placeholder, never a real key.
            result = await self._drafter_factory(settings, key.key or "").stream(request, deliver)
        except asyncio.CancelledError:
            if received:
                self._store_partial(design, language, request, "".join(received), "cancelled")
            raise
        except DraftError as error:
            if not received:
                return self.offline_draft(design, language, error.message)
            partial = self._store_partial(design, language, request, "".join(received), error.kind)
            return DraftOutcome(partial_result(partial), partial, "", error)
        return DraftOutcome(result, self._store(design, result))

    def _store(self, design: Design, result: DraftResult) -> DraftRecord:
        return self.library.add_draft(
            design.id,
            language=result.language,
            source=result.source,
            model=result.model,
            prompt=result.prompt,
            text=result.text,
            finish_reason=result.finish_reason,
            created_at=result.created_at,
        )

    def _store_partial(self, design: Design, language: Language, request, text: str, reason: str) -> DraftRecord:
        return self.library.add_draft(
            design.id,
            language=language,
            source="openai",
            model=request.model,
            prompt=request.user_prompt,
            text=text,
            finish_reason=reason,
        )


def partial_result(record: DraftRecord) -> DraftResult:
    return DraftResult(
        text=record.text,
        language=record.language,
        source="openai",
        model=record.model,
        prompt=record.prompt,
        finish_reason=record.finish_reason or "",
        created_at=record.created_at,
    )
