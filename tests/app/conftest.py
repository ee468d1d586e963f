"""Tiny random-weight pipelines, built once per session from configs (see tests/fixtures/tiny_models.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_sd15_dir(tiny_sd15_master) -> Path:
    return tiny_sd15_master


@pytest.fixture(scope="session")
def tiny_sdxl_dir(tmp_path_factory) -> Path:
    from tests.fixtures.tiny_models import build_tiny_sdxl

    return build_tiny_sdxl(tmp_path_factory.mktemp("tiny-models") / "tiny-sdxl")
