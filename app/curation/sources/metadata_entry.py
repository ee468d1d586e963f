"""Token metadata JSON (ERC-721 / KIP-17, as app/token/metadata.py writes it) read from a file someone handed in:
parsed under size and depth caps, checked against the token schema in validate_metadata's words, and reduced to what
a candidate carries (name, description, traits, the generation record, where its image is)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from app import safejson
from app.curation.models import INVALID_METADATA, Problem
from app.messages import Msg
from app.token.metadata import validate_metadata

MAX_METADATA_BYTES = 1024 * 1024  # real token metadata is a few KB; a description is at most a few thousand words
IPFS = "ipfs://"

# `problem` is safejson's clause ("is not valid JSON.", "is too large to read (…).").
UNREADABLE_METADATA = Msg("curation.import.unreadable_metadata", "The metadata in {file} {problem}")
BREAKS_SCHEMA = Msg("curation.import.breaks_schema", "The metadata in {file} breaks the token schema: {problem}")


@dataclass(frozen=True)
class MetadataRead:
    metadata: dict[str, Any] | None  # None: not a JSON object at all
    problem: Problem | None


def read_metadata(data: bytes, file: str, *, image_uri: str | None = None) -> MetadataRead:
    """Parse and check. `image_uri`: the `ipfs://` address of the picture a relative `image` name was found to be,
    checked in its place (the schema only knows addresses; a file beside the metadata stands for its CID)."""
    try:
        value = safejson.loads_object(data, file, max_bytes=MAX_METADATA_BYTES)
    except safejson.BadJSON as exc:
        reason = UNREADABLE_METADATA(file=file, problem=exc.problem_msg)
        return MetadataRead(None, Problem(INVALID_METADATA, reason))
    checked = value if image_uri is None else {**value, "image": image_uri}
    problems = validate_metadata(checked)
    if problems:
        # The first problem is the one to fix first; the others are usually its consequences.
        return MetadataRead(value, Problem(INVALID_METADATA, BREAKS_SCHEMA(file=file, problem=problems[0])))
    return MetadataRead(value, None)


def load(data: bytes, file: str) -> dict[str, Any] | None:
    """The JSON object, unchecked (None when it is none): enough to see which picture it names."""
    try:
        return safejson.loads_object(data, file, max_bytes=MAX_METADATA_BYTES)
    except safejson.BadJSON:
        return None


def text(metadata: dict[str, Any] | None, key: str) -> str:
    value = (metadata or {}).get(key)
    return value if isinstance(value, str) else ""


def traits(metadata: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    """(trait_type, value) pairs of the metadata's attributes, as text; items that are not traits are left out."""
    items = (metadata or {}).get("attributes")
    if not isinstance(items, list):
        return ()
    found: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, dict) and "trait_type" in item and "value" in item:
            value = item["value"]
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                found.append((str(item["trait_type"]), str(value)))
    return tuple(found)


def generation(metadata: dict[str, Any] | None) -> dict[str, Any] | None:
    props = (metadata or {}).get("properties")
    gen = props.get("generation") if isinstance(props, dict) else None
    return gen if isinstance(gen, dict) else None


def image_cid(metadata: dict[str, Any] | None) -> str:
    """The CID in an `ipfs://<cid>` image address, else ""."""
    image = text(metadata, "image")
    if not image.startswith(IPFS):
        return ""
    return image[len(IPFS) :].split("/", 1)[0].split("?", 1)[0]


def image_file(metadata: dict[str, Any] | None, metadata_name: str) -> str | None:
    """The item name a relative `image` address points at (beside the metadata file), None for any other address."""
    image = text(metadata, "image")
    if not image or "://" in image or image.startswith(("data:", "/")):
        return None
    parts: list[str] = list(PurePosixPath(metadata_name).parent.parts)
    for part in PurePosixPath(image).parts:
        if part == "..":
            if not parts:
                return None  # climbs out of the folder: not one of its files
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts) if parts else None
