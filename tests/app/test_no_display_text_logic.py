"""No logic keyed on display text: code decides on ids, enums and flags, never on the words a person reads (those
change with every rewording and with the language, issue 16). Reads the source of app/ and ui/; imports no Qt.

Text from outside (a node's JSON-RPC error, torch's out-of-memory message) has no id to decide on; matching its
phrases is allowed, each file and phrase named below with the reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TREES = ("app", "ui")

# Methods and attributes whose value is text shown to a person.
DISPLAY_METHODS = {"text", "toolTip", "windowTitle", "toPlainText", "placeholderText", "accessibleName", "render"}
DISPLAY_ATTRIBUTES = {"message", "status_text", "sentence", "warning", "problem", "error"}

OUTSIDE_TEXT: dict[tuple[str, str], str] = {
    # Kaia and geth nodes say what went wrong only in words (DESIGN.md lists the phrases).
    **{
        ("app/chain/errors.py", phrase): "a node's JSON-RPC error"
        for phrase in (
            "insufficient funds",
            "nonce too low",
            "same nonce",
            "replacement transaction underpriced",
            "base fee",
            "fee cap less than block base fee",
            "execution reverted",
            "invalid chain id",
            "chain id",
        )
    },
    **{
        ("app/chain/client.py", phrase): "a node's reply to a rebroadcast or a receipt query"
        for phrase in ("not found", "unknown transaction", "already known", "known transaction", "already imported")
    },
    ("app/chain/sandbox.py", "cannot afford"): "py-evm's error for a balance short of the fee",
    ("app/generation/engine.py", "out of memory"): "torch's out-of-memory error (CUDA, MPS) has no type to check",
    ("app/generation/engine.py", "OutOfMemoryError"): "torch.OutOfMemoryError, matched by name without importing torch",
    ("app/chain/contract.py", "Minted"): "the contract event's name in its ABI",
    ("app/curation/exports.py", "Umask:"): "the field name in Linux's /proc/self/status",
}


def _display(node: ast.expr) -> bool:
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in DISPLAY_METHODS:
            return True
        return isinstance(func, ast.Name) and func.id == "str"
    return isinstance(node, ast.Attribute) and node.attr in DISPLAY_ATTRIBUTES


def _prose(node: ast.expr) -> bool:
    """A constant that reads as words ("Cancelled", "Loading model…"), not an id ("cancelled", "sd15")."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    text = node.value
    return bool(re.match(r"^[A-Z][a-z]{2}", text) or (" " in text.strip() and re.search(r"[a-z]{3}", text)))


def _string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _named_constants(node: ast.expr) -> list[ast.expr]:
    """UPPER_CASE names (`WAITING_FOR_NETWORK`, `msgs.PINNED`): module constants, which next to display text are its
    words. A `Msg` compared with a `Message` compares ids, so `error.msg == SOURCE_GONE` is not display text."""
    elts = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    names = [e for e in elts if isinstance(e, (ast.Name, ast.Attribute))]
    return [e for e in names if re.fullmatch(r"[A-Z][A-Z0-9_]+", e.id if isinstance(e, ast.Name) else e.attr)]


def _constants(node: ast.expr) -> list[ast.Constant]:
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [e for e in node.elts if _string(e)]
    return [node] if _string(node) else []


def text_logic(source: str, relative: str) -> list[str]:
    """Every place in `source` where a decision hangs on display text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            constants = [c for side in sides for c in _constants(side)]
            constants = [c for c in constants if (relative, c.value) not in OUTSIDE_TEXT]
            named = [n for side in sides for n in _named_constants(side)]
            keyed = any(_display(side) for side in sides) and (constants or named)
            prose = [c for c in constants if _prose(c)]
            if keyed or prose:
                found.append(f"{relative}:{node.lineno}: {ast.unparse(node)[:100]}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("startswith", "endswith", "find", "count") and node.args:
                allowed = _string(node.args[0]) and (relative, node.args[0].value) in OUTSIDE_TEXT
                on_display = _display(node.func.value) and _string(node.args[0])
                if not allowed and (on_display or _prose(node.args[0])):
                    found.append(f"{relative}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_no_code_in_app_or_ui_decides_on_display_text():
    found = []
    for tree in TREES:
        for path in sorted((ROOT / tree).rglob("*.py")):
            found += text_logic(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "code",
    [
        'if label.text() == "Cancelled":\n    pass',
        'done = self.status_label.text() != "Ready"',
        'if error.message.startswith("The wallet is locked"):\n    pass',
        'if "not installed" in str(exc):\n    pass',
        'state = "busy" if vm.status_text in ("Loading model…", "Checking model…") else "idle"',
        'if event.message == "Verifying was cancelled.":\n    pass',
        'if button.toolTip().endswith("Ctrl+G)"):\n    pass',
        'if text == "Cancelled":\n    pass',
        'if "Done" in self._status:\n    pass',
        'if msg.render() == "x":\n    pass',
        "if job.error == WAITING_FOR_NETWORK:\n    pass",
        "ok = record.error in ('', PINNING_SERVICE_FETCHING)",
        "if job.error != publish.WAITING_FOR_NETWORK:\n    pass",
        "if label.text() == msgs.PINNED:\n    pass",
    ],
)
def test_the_scan_catches_each_way_of_keying_logic_on_text(code):
    assert text_logic(code, "ui/example.py") != []


@pytest.mark.parametrize(
    "code",
    [
        'if event.stage == "hashing":\n    pass',
        "if job.state is JobState.CANCELLED:\n    pass",
        "if error.msg == SOURCE_GONE:\n    pass",
        'if error.kind in ("unreachable", "timeout"):\n    pass',
        "if self.input.text() == secret:\n    pass",  # input a person typed, compared with input
        "if not name.strip():\n    pass",
        "if job.reason.id == WAITING_FOR_NETWORK_MSG.id:\n    pass",
        "if job.error is None:\n    pass",
    ],
)
def test_ids_enums_and_typed_input_are_fine(code):
    assert text_logic(code, "ui/example.py") == []


def test_every_allowed_outside_phrase_is_still_there():
    """An allowance outlives its reason when the code it excused is gone."""
    stale = [
        f"{file}: {phrase!r}"
        for file, phrase in OUTSIDE_TEXT
        if repr(phrase)[1:-1] not in (ROOT / file).read_text(encoding="utf-8")
    ]
    assert stale == []
