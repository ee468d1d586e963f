"""Style presets from resources/presets.json and the prompt the model actually sees."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import paths, safejson
from app.generation.request import ComposedPrompt, GenerationRequest


@dataclass(frozen=True)
class Preset:
    id: str
    label: str
    description: str
    template: str
    negative: str


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
        return ComposedPrompt(positive=positive, negative=", ".join(negatives), preset_label=preset.label)


def load_presets(path: Path | None = None) -> PresetBook:
    data = safejson.load_object(path or paths.resource("presets.json"), "the style presets file")
    presets = tuple(
        Preset(p["id"], p["label"], p.get("description", ""), p["template"], p.get("negative", ""))
        for p in data["presets"]
    )
    return PresetBook(data["base_subject"], data.get("base_negative", ""), presets)


@lru_cache(maxsize=1)
def default_presets() -> PresetBook:
    return load_presets()
