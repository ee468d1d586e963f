"""Style presets from resources/presets.json and the prompt the model actually sees.

A preset's `label` and `description` are what a person reads, in the language of the moment (app.i18n.language()),
from the preset's "translations" in presets.json; a language without them, or with an odd value (logged), reads
English. `english_label` / `english_description` are what the model's prompt, a token's metadata, the description
drafter and the design's provenance keep, whatever language the person reads.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from app import i18n, paths, safejson
from app.generation.request import ComposedPrompt, GenerationRequest
from app.messages import Msg

log = logging.getLogger(__name__)

PRESETS_FILE = Msg("generation.presets_file", "The style presets file")  # a broken file's message starts so
MAX_WORDS = 400  # a label or description longer than this is not one a person wrote for a preset
_SHOWN_FIELDS = ("label", "description")


@dataclass(frozen=True)
class Preset:
    id: str
    english_label: str
    english_description: str
    template: str
    negative: str
    # language → {"label": ..., "description": ...}; English is label/description themselves
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        return self.label_in(i18n.language())

    @property
    def description(self) -> str:
        return self.description_in(i18n.language())

    def label_in(self, lang: str) -> str:
        return self.translations.get(lang, {}).get("label") or self.english_label

    def description_in(self, lang: str) -> str:
        return self.translations.get(lang, {}).get("description") or self.english_description


@dataclass(frozen=True)
class PresetBook:
    subject: str
    base_negative: str
    presets: tuple[Preset, ...]

    def get(self, preset_id: str) -> Preset:
        for preset in self.presets:
            if preset.id == preset_id:
                return preset
        return self.get("none") if preset_id != "none" else Preset("none", "No style", "", "{subject}, {prompt}", "")

    def compose(self, request: GenerationRequest) -> ComposedPrompt:
        preset = self.get(request.preset or "none")
        words = " ".join(request.prompt.split())
        positive = preset.template.format(subject=self.subject, prompt=words)
        # A preset without user words would leave a dangling comma.
        positive = ", ".join(part.strip() for part in positive.split(",") if part.strip())
        negatives = [n for n in (request.negative_prompt.strip(), preset.negative, self.base_negative) if n]
        return ComposedPrompt(positive=positive, negative=", ".join(negatives), preset_label=preset.english_label)


def load_presets(path: Path | None = None) -> PresetBook:
    data = safejson.load_object(path or paths.resource("presets.json"), PRESETS_FILE())
    presets = tuple(
        Preset(
            p["id"],
            p["label"],
            p.get("description", ""),
            p["template"],
            p.get("negative", ""),
            _translations(p.get("translations"), p["id"]),
        )
        for p in data["presets"]
    )
    return PresetBook(data["base_subject"], data.get("base_negative", ""), presets)


def _translations(raw: Any, preset_id: str) -> Mapping[str, Mapping[str, str]]:
    """The preset's words in other languages; whatever is not a short text for a known language is left out (and
    logged), so a hand-edited file still loads and that preset reads English."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        log.warning("style preset %r: translations is not an object; shown in English", preset_id)
        return {}
    out: dict[str, Mapping[str, str]] = {}
    for lang, words in raw.items():
        if lang not in i18n.LANGUAGES or lang == "en" or not isinstance(words, dict):
            log.warning("style preset %r: translations[%r] is not a known language's words; left out", preset_id, lang)
            continue
        kept = {}
        for name in _SHOWN_FIELDS:
            value = words.get(name)
            if value is None:
                continue
            if isinstance(value, str) and value.strip() and len(value) <= MAX_WORDS and value.isprintable():
                kept[name] = value.strip()
            else:
                log.warning(
                    "style preset %r: its %s in %r is not a short line of text; left out", preset_id, name, lang
                )
        out[lang] = kept
    return out


@lru_cache(maxsize=1)
def default_presets() -> PresetBook:
    return load_presets()
