"""A design plus its description, turned into exactly what will be published and minted: the image bytes, the
metadata bytes, and both CIDs, computed locally so the token can name `ipfs://` addresses before any upload."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app import privacy
from app.library.interface import DesignStore
from app.library.models import Design
from app.token.car import write_car
from app.token.cid import UNIXFS_V1_2025, CidProfile, file_blocks
from app.token.metadata import build_metadata, lineage_depth, metadata_bytes, validate_metadata


@dataclass(frozen=True)
class TokenDraft:
    design: Design
    language: str  # which description the token carries
    description: str
    image_bytes: bytes
    image_cid: str
    metadata: dict
    metadata_bytes: bytes  # the exact bytes whose CID is metadata_cid
    metadata_cid: str
    profile: CidProfile
    problems: list[str] = field(default_factory=list)  # plain-language reasons it cannot be minted yet

    @property
    def token_uri(self) -> str:
        return f"ipfs://{self.metadata_cid}"

    @property
    def ready(self) -> bool:
        return not self.problems


def assemble_token(
    library: DesignStore,
    design: Design,
    *,
    language: str = "ko",
    title: str | None = None,
    token_number: int | None = None,
    profile: CidProfile = UNIXFS_V1_2025,
) -> TokenDraft:
    saved = library.description(design.id, language)
    description = saved.text if saved else ""
    image = Path(design.image_path).read_bytes()
    image_cid, _ = file_blocks(image, profile)
    metadata = build_metadata(
        design,
        description,
        image_uri=f"ipfs://{image_cid}",
        token_number=token_number,
        title=title,
        lineage_depth=lineage_depth(library, design.id),
    )
    data = metadata_bytes(metadata)
    metadata_cid, _ = file_blocks(data, profile)
    return TokenDraft(
        design,
        language,
        description,
        image,
        image_cid,
        metadata,
        data,
        metadata_cid,
        profile,
        validate_metadata(metadata),
    )


def export_car(draft: TokenDraft, path: Path) -> Path:
    """A CARv1 with the metadata (first root) and the image, for pinning services that accept CAR uploads."""
    metadata_root, metadata_blocks = file_blocks(draft.metadata_bytes, draft.profile)
    image_root, image_blocks = file_blocks(draft.image_bytes, draft.profile)
    write_car(path, [metadata_root, image_root], [*metadata_blocks, *image_blocks])
    privacy.shareable(path)  # made to be handed to a pinning service: not the data folder's owner-only mode
    return path
