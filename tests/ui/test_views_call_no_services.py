"""The Token and Wallet views show their view-models and call no service: no library, chain, publisher or backend
call, no token assembly, no import of a store. (The view-models and the one-shot dialogs may; see
docs/ARCHITECTURE.md, "View-models".) The checker itself is tried on code that breaks the rule, so a checker that
finds nothing cannot pass."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

ROOT = Path(__file__).resolve().parents[2]
VIEWS = [
    "ui/token/token_view.py",
    "ui/token/token_widgets.py",
    "ui/token/token_listing.py",
    "ui/token/publish_card.py",
    "ui/wallet/wallet_view.py",
    "ui/wallet/wallet_pages.py",
    "ui/wallet/activity.py",
    "ui/wallet/review.py",
    "ui/wallet/qr.py",
]
SERVICES = {"library", "services", "chain", "service", "publisher", "backend", "engine", "outbox", "store"}
CORE_WORK = {"assemble_token", "export_car", "verify", "open_services"}
STORES = {"Library", "ChainService", "Publisher", "Outbox", "MintOutbox", "WalletStore", "Services"}


def service_calls(source: str) -> list[str]:
    """Where `source` calls a service, assembles a token or imports a store, as "line: what"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            # A label may be called `chain` (the proof's "Chain" row): a widget's own method is no service call.
            if name in SERVICES and not hasattr(QLabel, node.func.attr):
                found.append(f"{node.lineno}: {name}.{node.func.attr}()")
        if isinstance(node, ast.Name) and node.id in CORE_WORK:
            found.append(f"{node.lineno}: {node.id}")
        if isinstance(node, ast.ImportFrom) and any(alias.name in CORE_WORK | STORES for alias in node.names):
            found.append(f"{node.lineno}: import of {', '.join(a.name for a in node.names)}")
    return found


@pytest.mark.parametrize("path", VIEWS)
def test_the_view_calls_no_service(path):
    assert service_calls((ROOT / path).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "bad",
    [
        "self.library.description(design.id, 'ko')",
        "library.get(design_id)",
        "watch(self.service.overview(self.address), done, failed, self)",
        "self.vm.service.unlock(address, password)",
        "services.chain.minted(draft.image_bytes)",
        "self.publisher.publish(draft)",
        "draft = assemble_token(self.library, design)",
        "from app.token.assemble import export_car",
        "from app.library.store import Library",
        "from app.chain.service import ChainService",
        "self.chain.overview(address)",
    ],
)
def test_the_checker_finds_a_service_call(bad):
    assert service_calls(bad) != []


@pytest.mark.parametrize(
    "fine",
    [
        "SendDialog(self.vm.service, self.vm.address, self)",  # a dialog takes the service from the view-model
        "self.vm.set_design(design)",
        "from app.token.assemble import TokenDraft",
        "self.vm.refresh_overview()",
        "self.chain.setText(network.name)",  # the proof's "Chain" label
        "from app.token.publish import JobRecord",  # a record type the card shows
    ],
)
def test_the_checker_lets_view_model_calls_through(fine):
    assert service_calls(fine) == []
