"""Drafting a description for a design: online when a key and a server are there, offline otherwise or when the
call fails, every draft stored with the design. The UI decides where the text goes; this decides where it comes from.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from app.description.keys import ApiKeyStore
from app.description.models import DescribeSettings, DraftError, DraftResult, Language
from app.description.offline import OfflineDrafter
from app.description.openai_drafter import OpenAIDrafter
from app.description.prompting import build_request
from app.generation.presets import PresetBook, default_presets
from app.library.models import Design, DraftRecord

_keyring_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sm6-keyring")
NO_KEY = "No OpenAI key is set, so this is an offline draft. Add a key in Settings, then choose Retry online."


@dataclass(frozen=True)
class DraftOutcome:
    result: DraftResult
    record: DraftRecord  # as stored in the library
    fallback_reason: str = ""  # why an offline draft was made instead of an online one ("" when online worked)
    partial_error: DraftError | None = None  # an online stream that broke after some text arrived (text kept)


class DescriptionService:
    def __init__(
        self,
        library,
        keys: ApiKeyStore | None = None,
        settings: Callable[[], DescribeSettings] = DescribeSettings,
        presets: PresetBook | None = None,
        drafter_factory: Callable[[DescribeSettings, str], OpenAIDrafter] = OpenAIDrafter,
    ) -> None:
        self.library = library
        self.keys = keys or ApiKeyStore()
        self._settings = settings
        self.presets = presets or default_presets()
        self._drafter_factory = drafter_factory

    def offline_draft(self, design: Design, language: Language, reason: str = "") -> DraftOutcome:
        settings = self._settings()
        result = OfflineDrafter(settings).draft(design, language, self.library.lineage(design.id), self.presets)
        return DraftOutcome(result, self._store(design, result), reason)

    async def draft(
        self, design: Design, language: Language, on_delta: Callable[[str], None], online: bool = True
    ) -> DraftOutcome:
        """Stream an online draft into `on_delta`; fall back to an offline draft when nothing arrived.

        Cancelling the awaiting task stops the stream; the text already delivered stays with the caller, and the
        partial draft is stored so it is not lost either.
        """
        if not online:
            return self.offline_draft(design, language)
        # A keyring may block (D-Bus, an unlock prompt): ask on a plain thread, never on the UI thread.
        key = await asyncio.get_running_loop().run_in_executor(_keyring_pool, self.keys.get)
        if not key.key:
            return self.offline_draft(design, language, key.problem or NO_KEY)
        settings = self._settings()
        request = build_request(design, language, settings, self.library.lineage(design.id), self.presets)
        received: list[str] = []

        def deliver(delta: str) -> None:
            received.append(delta)
            on_delta(delta)

        try:
            result = await self._drafter_factory(settings, key.key).stream(request, deliver)
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
