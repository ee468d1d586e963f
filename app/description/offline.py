"""A usable description at once, with no key and no network: templates filled from the design.

Templates live in resources/description/offline_templates.toml so staff can reword them. The
template is chosen by a hash of the design id, so the same design always gets the same text and
neighbouring designs read differently.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path
from typing import Any, Sequence

from app import paths
from app.description import messages as msgs
from app.description.models import DescribeSettings, DraftResult, Language
from app.description.prompting import (
    DesignFacts,
    check_language,
    design_facts,
    join_terms,
    korean_particle,
    read_data_file,
)
from app.description.sanitize import clean_text
from app.generation.presets import PresetBook
from app.library.models import Design

TEMPLATES_FILE = ("description", "offline_templates.toml")
OFFLINE_MODEL = "offline-templates"
MAX_WORDS_CHARS = 160  # the person's words quoted in a template; longer prompts end with "…"
_SLOT = re.compile(r"\{([A-Za-z_]+)(?::([^{}/]*)/([^{}/]*))?\}")
_KO_COUNTS = ("한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열")


def load_templates(path: Path | None = None) -> dict[str, Any]:
    def check(data: dict[str, Any]) -> None:
        for language in ("en", "ko"):
            if not data.get(language, {}).get("templates"):
                raise ValueError(f"no [[{language}.templates]]")

    return read_data_file(
        path or paths.resource(*TEMPLATES_FILE),
        check,
        msgs.TEMPLATES_UNREADABLE(),
    )


def _shorten(words: str, most: int) -> str:
    words = words.rstrip(" .,;:!?。")
    if len(words) <= most:
        return words
    cut = words[:most].rsplit(" ", 1)[0] if " " in words[:most] else words[:most]
    return cut.rstrip(" .,;:") + "…"


def _refined(facts: DesignFacts, language: Language) -> str:
    n = facts.refinements
    if n == 0:
        return ""
    if language == "ko":
        if n is None:
            return "이전 디자인을 다듬어"
        count = f"{_KO_COUNTS[n - 1]} 번" if n <= len(_KO_COUNTS) else f"{n}번"
        return f"이전 디자인을 {count} 다듬어"
    times = "" if n is None else {1: " once", 2: " twice"}.get(n, f" {n} times")
    return f"refined{times} from an earlier design"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?。" else text + "."


def slot_values(
    facts: DesignFacts, language: Language, data: dict[str, Any], words_chars: int, *, mention_seed: bool = True
) -> dict[str, str]:
    section = data[language]
    style, note = facts.preset_label, _sentence(facts.preset_description)
    if language == "ko":
        # Never an English scene sentence inside Korean text: no Korean scene, no scene.
        ko_preset = section.get("presets", {}).get(facts.preset_id, {})
        style, note = ko_preset.get("name", style), _sentence(ko_preset.get("note", ""))
    if not facts.preset_id:
        style = note = ""
    return {
        "words": _shorten(facts.words, words_chars),
        "style": style,
        "style_note": note,
        "colours": join_terms(facts.colours, language),
        "mood": join_terms(facts.moods[:2], language),  # three joined moods read as a list, not a feeling
        "trim": str(section.get("trim", facts.trim)),
        "campaign": facts.campaign,
        "seed": str(facts.seed) if mention_seed else "",  # empty: every part that names it is left out
        "refined": _refined(facts, language),
        "keep": str(facts.keep_shape_pct) if facts.source == "base" and not facts.refinements else "",
    }


def _render(text: str, values: dict[str, str]) -> str | None:
    """`text` with its placeholders filled, or None when one of them has no value."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        name, consonant, vowel = match.groups()
        value = values.get(name.lower(), "")
        if not value:
            missing = True
            return ""
        if name[0].isupper():
            value = value[0].upper() + value[1:]
        return value + (korean_particle(value, consonant, vowel) if consonant is not None else "")

    filled = _SLOT.sub(fill, text)
    return None if missing else filled


def _choose(part: str | Sequence[str], values: dict[str, str]) -> str:
    for option in [part] if isinstance(part, str) else part:
        rendered = _render(option, values)
        if rendered is not None:
            return rendered
    return ""


def render_template(template: dict[str, Any], values: dict[str, str], limit: int) -> str:
    """The filled template; optional parts are dropped from the end until it fits `limit`."""
    sep = str(template.get("sep", " "))
    paragraphs = [[_choose(part, values) for part in paragraph] for paragraph in template["paragraphs"]]
    paragraphs = [[text for text in paragraph if text] for paragraph in paragraphs]

    def joined() -> str:
        return clean_text("\n\n".join(sep.join(p) for p in paragraphs if p))

    text = joined()
    # Keep the opening sentence; shed later ones, last first, until the text fits.
    while len(text) > limit and sum(len(p) for p in paragraphs) > 1:
        last = max(i for i, p in enumerate(paragraphs) if p)
        paragraphs[last].pop()
        text = joined()
    return clean_text(text, limit)


def template_index(design_id: str, count: int) -> int:
    # sha256, not hash(): Python salts str hashes per process, and the choice must survive restarts.
    return int.from_bytes(hashlib.sha256(design_id.encode("utf-8")).digest()[:8], "big") % count


class OfflineDrafter:
    """Deterministic template drafts; instant, no network."""

    def __init__(
        self, settings: DescribeSettings | None = None, templates_path: Path | None = None, *, mention_seed: bool = True
    ) -> None:
        self._settings = settings or DescribeSettings()
        self._templates_path = templates_path
        self._mention_seed = mention_seed

    def draft(
        self,
        design: Design,
        language: Language,
        lineage: list[Design] | None = None,
        presets: PresetBook | None = None,
    ) -> DraftResult:
        check_language(language)
        data = load_templates(self._templates_path)
        templates = data[language]["templates"]
        template = templates[template_index(design.id, len(templates))]
        facts = design_facts(design, lineage, presets)
        limit = self._settings.char_limit
        values = slot_values(facts, language, data, MAX_WORDS_CHARS, mention_seed=self._mention_seed)
        text = render_template(template, values, limit)
        return DraftResult(
            text=text,
            language=language,
            source="offline",
            model=OFFLINE_MODEL,
            prompt=str(template.get("id", f"{language}-{templates.index(template)}")),
            finish_reason="stop",
            created_at=time.time(),
        )
