"""resources/chain/SM6DesignToken.json is exactly what contracts/build.mjs makes from contracts/SM6DesignToken.sol.

The app deploys and talks to the contract through that committed file; if the Solidity, the pinned compiler or
OpenZeppelin changes without a rebuild, the app would run code nobody reviewed. solc-js and OpenZeppelin are
installed from contracts/package-lock.json on first use.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from app import paths
from tests.fixtures.npm import NodeMissing, npm_ci

CONTRACTS = paths.REPO_ROOT / "contracts"
ARTIFACT = paths.resource("chain", "SM6DesignToken.json")


@pytest.fixture(scope="session")
def contracts_node() -> str:
    """Path to `node`, with contracts/ dependencies installed (npm ci) if this checkout lacks them."""
    try:
        return npm_ci(CONTRACTS)
    except NodeMissing as exc:
        pytest.skip(f"{exc}: the contract cannot be compiled to compare with the committed build")


def _check(node: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node, "build.mjs", "--check", *args], cwd=CONTRACTS, capture_output=True, text=True, timeout=120
    )


def test_committed_artifact_matches_a_fresh_build(contracts_node):
    result = _check(contracts_node)
    assert result.returncode == 0, f"{result.stderr}\nRebuild with: cd contracts && npm ci && node build.mjs"
    assert "is up to date" in result.stdout


def test_check_fails_and_says_what_differs_when_the_artifact_is_stale(contracts_node, tmp_path):
    artifact = json.loads(ARTIFACT.read_text(encoding="utf-8"))
    removed = next(entry for entry in artifact["abi"] if entry.get("name") == "setSubmissionDeadline")
    artifact["abi"].remove(removed)
    stale = tmp_path / "SM6DesignToken.json"
    stale.write_text(json.dumps(artifact, indent=2) + "\n", encoding="utf-8")

    result = _check(contracts_node, "--artifact", str(stale))

    assert result.returncode != 0
    assert "abi: missing function setSubmissionDeadline(uint64)" in result.stderr
    assert "node build.mjs" in result.stderr  # and how to fix it
    assert json.loads(stale.read_text(encoding="utf-8")) == artifact  # --check never writes


def test_artifact_records_the_pinned_compiler_and_settings():
    package = json.loads((CONTRACTS / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((CONTRACTS / "package-lock.json").read_text(encoding="utf-8"))
    artifact = json.loads(ARTIFACT.read_text(encoding="utf-8"))

    pins = package["dependencies"]
    assert set(pins) == {"solc", "@openzeppelin/contracts"}
    for name, version in pins.items():
        assert version[0].isdigit(), f"{name} must be pinned exactly, not {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert artifact["compiler"]["version"].startswith(pins["solc"] + "+commit.")
    assert f"pragma solidity {pins['solc']};" in (CONTRACTS / "SM6DesignToken.sol").read_text(encoding="utf-8")
    settings = artifact["compiler"]["settings"]
    assert settings["evmVersion"] == "shanghai"
    assert settings["optimizer"] == {"enabled": True, "runs": 200}
    assert settings["metadata"] == {"bytecodeHash": "none"}
    assert list(artifact) == ["contractName", "abi", "bytecode", "deployedBytecode", "compiler", "sources"]
    assert "SM6DesignToken.sol" in artifact["sources"]
    assert any(name.startswith("@openzeppelin/contracts/token/ERC721/") for name in artifact["sources"])
