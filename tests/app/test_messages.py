"""Messages with ids (app/messages.py): every sentence the core says to a person has a stable id and parameters, so a
front end can say it in the person's language; the English sentence stays the default rendering.

The scans read the source of app/: a sentence raised as a literal, or a message called without the parameters its
template names, fails here rather than showing "{folder}" (or untranslated English) to someone later."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

import app
from app import messages
from app.chain import errors as chain_errors
from app.errors import InputError, StorageError, UserFacingError
from app.generation import events as ev
from app.messages import CATALOGUE, Message, Msg, as_message, set_translator
from app.safejson import BadJSON, loads
from app.storage_errors import storage_error
from app.token.verify import compare
from tests.app.engine_helpers import make_engine, quick_request

APP_DIR = Path(app.__file__).parent
ID_SHAPE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")

# Errors that may still be made from a literal sentence, and why. Keep it short: everything else takes a Msg.
LITERAL_ALLOWED: dict[str, str] = {}


def _all_app_modules() -> dict[str, object]:
    modules = {}
    for info in pkgutil.walk_packages([str(APP_DIR)], prefix="app."):
        modules[info.name] = importlib.import_module(info.name)
    return modules


MODULES = _all_app_modules()  # importing every module registers every Msg in CATALOGUE


def _user_facing_error_names() -> set[str]:
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return {cls.__name__ for cls in subclasses(UserFacingError)} | {"UserFacingError"}


def _sources() -> list[tuple[str, Path, ast.Module]]:
    out = []
    for path in sorted(APP_DIR.rglob("*.py")):
        name = "app." + ".".join(path.relative_to(APP_DIR).with_suffix("").parts)
        out.append((name.removesuffix(".__init__"), path, ast.parse(path.read_text(encoding="utf-8"))))
    return out


SOURCES = _sources()


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture
def korean():
    """A dict-based translator, as a front end installs one: Korean templates with the parameters moved."""
    table = {
        "generation.source_unreadable": "시작한 디자인을 더 이상 읽을 수 없습니다. 다른 디자인에서 시작하세요.",
        "generation.steps_out_of_range": "단계는 {max_steps} 이하여야 합니다 (입력: {steps}).",
        "generation.model_loading": "{model} 불러오는 중…",
        "url.not_web_address": "{example}처럼 쓰세요: {what} 주소가 웹 주소가 아닙니다.",
        "storage.full": "{folder} 디스크가 가득 찼습니다: {failed}",
        "token.verify_similar": "확인됨: 64비트 중 {distance}비트가 다릅니다.",
        "chain.insufficient_funds": "KAIA가 부족합니다.",
        "json.bad": "{what}: {problem}",
        "json.not_json": "올바른 JSON이 아닙니다.",
    }
    set_translator(lambda id, english: table.get(id, english))
    yield table
    set_translator(None)


# --- the catalogue ------------------------------------------------------------------------------------------------


def test_every_message_id_is_dotted_lowercase_and_names_one_sentence():
    assert len(CATALOGUE) > 150
    assert [i for i in CATALOGUE if not ID_SHAPE.match(i)] == []
    # An id is registered once per sentence; the same id for another sentence is refused.
    with pytest.raises(ValueError):
        Msg("generation.source_gone", "Some other sentence.")
    assert Msg("generation.source_gone", CATALOGUE["generation.source_gone"]) == messages.Message(
        "generation.source_gone", ""
    )


def _msg_constants() -> dict[tuple[str, str], Msg]:
    """(module, name) -> Msg for every module-level message in app/."""
    return {(m, k): v for m, mod in MODULES.items() for k, v in vars(mod).items() if isinstance(v, Msg)}


def _resolve(module: object, func: ast.expr) -> object:
    names = getattr(module, "__dict__", {})
    if isinstance(func, ast.Name):
        return names.get(func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return getattr(names.get(func.value.id), func.attr, None)
    return None


def test_every_message_is_called_with_exactly_the_parameters_its_template_names():
    """A missing parameter would show "{folder}" to a person; an extra one means the sentence lost a word."""
    calls, wrong = 0, []
    for name, path, tree in SOURCES:
        module = MODULES.get(name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or any(k.arg is None for k in node.keywords):
                continue
            target = _resolve(module, node.func)
            if not isinstance(target, Msg):
                continue
            calls += 1
            given = {k.arg for k in node.keywords}
            if node.args or given != _fields(target.template):
                wrong.append(f"{path.relative_to(APP_DIR)}:{node.lineno} {target.id}: {sorted(given)}")
    assert calls > 150
    assert wrong == [], "\n".join(wrong)


def test_every_message_constant_is_used():
    """A message nobody says is a sentence translators would work on for nothing (or a call site that lost it)."""
    names = Counter(
        re.findall(r"\b_*[A-Z][A-Z0-9_]*\b", "\n".join(p.read_text(encoding="utf-8") for _, p, _ in SOURCES))
    )
    unused = [f"{m}.{k}" for (m, k) in _msg_constants() if names[k] < 2]  # its definition, and at least one use
    assert unused == []


# --- no sentence without an id ------------------------------------------------------------------------------------


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _is_text(node.func.value)
    return False


MESSAGE_ARG = {"ChainError": 1, "DraftError": 1, "BadJSON": 1}  # after their `kind` (or `what`) argument


def test_no_user_facing_error_is_made_from_a_literal_sentence():
    names = _user_facing_error_names()
    found = []
    for _, path, tree in SOURCES:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            cls = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if cls not in names:
                continue
            index = MESSAGE_ARG.get(cls, 0)
            args = node.args[index : index + 1] + [k.value for k in node.keywords if k.arg in ("message", "problem")]
            where = f"{path.relative_to(APP_DIR)}:{node.lineno}"
            if any(_is_text(a) for a in args) and where.split(":")[0] not in LITERAL_ALLOWED:
                found.append(f"{where} {cls}")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "make, id",
    [
        (lambda: InputError("A plain sentence, not yet given an id."), "plain"),
        (
            lambda: chain_errors.from_node_message("insufficient funds for gas * price + value"),
            "chain.insufficient_funds",
        ),
        (lambda: chain_errors.unreachable("Kairos"), "chain.node_unreachable"),
        (lambda: chain_errors.wrong_chain("Kaia", 8217, 1001), "chain.node_on_wrong_chain"),
        (
            lambda: storage_error(OSError(28, "No space left on device"), "The design could not be saved", folder="/d"),
            "storage.full",
        ),
    ],
)
def test_an_error_keeps_its_sentence_and_gains_its_id(make, id):
    error = make()
    assert error.msg.id == id
    assert error.message == str(error) == error.msg.english() and error.message.endswith(".")


def test_bad_json_says_what_and_why_by_id():
    with pytest.raises(BadJSON) as caught:
        loads("{not json", "the keystore file")
    assert caught.value.msg.id == "json.bad" and caught.value.msg.params["problem"].id == "json.not_json"
    assert caught.value.message == "The keystore file is not valid JSON."


# --- rendering, with and without a translator ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"what": "IPFS node"}, {"example": "http://127.0.0.1:5001"}, {"wrong": 1}],
    ids=["none", "only-what", "only-example", "another-name"],
)
def test_a_missing_parameter_never_raises(params, korean):
    message = Message("url.not_web_address", CATALOGUE["url.not_web_address"], params)
    assert str(message)  # the template as it is, logged; never a KeyError in the middle of showing an error
    assert message.english()
    assert UserFacingError(message).message


@pytest.mark.parametrize(
    "broken", [lambda i, t: 1 / 0, lambda i, t: None, lambda i, t: ""], ids=["raises", "none", "empty"]
)
def test_a_broken_translation_falls_back_to_english(broken):
    set_translator(broken)
    try:
        error = InputError(MODULES["app.generation.messages"].STEPS_OUT_OF_RANGE(max_steps=150, steps=0))
        assert error.message == "Steps must be between 1 and 150 (got 0)."
    finally:
        set_translator(None)


def test_a_translator_translates_errors_with_their_parameters_moved(korean):
    from app.generation.request import GenerationRequest

    with pytest.raises(UserFacingError) as caught:
        GenerationRequest(prompt="pearl white", steps=0).validate()
    assert caught.value.message == "단계는 150 이하여야 합니다 (입력: 0)."
    assert str(caught.value) == "Steps must be between 1 and 150 (got 0)."  # logs keep English
    with pytest.raises(UserFacingError) as caught:
        from app.urls import check_service_url

        check_service_url("http://[::1", "IPFS node")
    assert caught.value.message.startswith("http://127.0.0.1:5001처럼 쓰세요: IPFS node 주소")
    assert chain_errors.from_node_message("insufficient funds").message == "KAIA가 부족합니다."
    full = storage_error(OSError(28, "full"), "The design could not be saved", folder="/data")
    assert full.message == "/data 디스크가 가득 찼습니다: The design could not be saved"


def test_nested_messages_are_translated_too_and_english_stays_english(korean):
    with pytest.raises(BadJSON) as caught:
        loads("[1,", "The keystore file")
    assert caught.value.message == "The keystore file: 올바른 JSON이 아닙니다."
    assert caught.value.msg.english() == "The keystore file is not valid JSON."


def test_statuses_are_translated_model_stage_and_verify_verdict(korean):
    assert str(ev.ModelLoading("tiny", "tiny-sd15", "loading").msg) == "tiny-sd15 불러오는 중…"
    assert ev.ModelLoading("tiny", "tiny-sd15", "hashing").msg.id == "generation.model_checking"
    a = Image.new("RGB", (64, 64), "white")
    b = a.copy()
    b.putpixel((3, 3), (250, 250, 250))
    result = compare(a, b, same_device=False)
    assert result.verdict == "similar" and result.msg.id == "token.verify_similar_other_device"
    same = compare(a, b, same_device=True)
    assert same.msg.id == "token.verify_similar" and same.message == "확인됨: 64비트 중 0비트가 다릅니다."


def test_a_failed_generation_job_says_why_in_the_installed_language(tiny_sd15, tmp_path, korean):
    """End to end: a real engine, a design whose image was damaged after it was made, refining it fails."""
    engine, rec, library = make_engine(tiny_sd15.parent, tmp_path / "data")
    try:
        parent = rec.wait_job(engine.submit(quick_request(steps=2, model_id="tiny-sd15")).id).designs[0]
        Path(parent.image_path).write_bytes(b"not an image")
        failed = rec.wait_job(engine.submit(quick_request(source="design", source_design_id=parent.id)).id)
    finally:
        engine.shutdown()
        library.close()
    assert isinstance(failed, ev.JobFailed)
    assert failed.msg.id == "generation.source_unreadable"
    assert failed.message == korean["generation.source_unreadable"]
    assert "Start from another design" in failed.msg.english()


def test_as_message_takes_a_message_a_msg_or_plain_text():
    made = MODULES["app.generation.messages"].SOURCE_GONE
    assert as_message(made()).id == as_message(made).id == "generation.source_gone"
    assert str(as_message("Plain words {not a field}")) == "Plain words {not a field}"
    assert StorageError(made()).msg == made
