"""The one guarded path for outside JSON: limits hold, bad input becomes a plain sentence, the process survives."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import safejson
from app.errors import UserFacingError

DEEP = "[" * 200_000 + "]" * 200_000


def _nested(levels: int) -> list:
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(
    "data, words",
    [
        (DEEP, "nested more than 64 levels"),
        ('{"a":' * 100 + "1" + "}" * 100, "nested more than 64 levels"),
        (b"\xff\xfe{\x00}\x00", "not text in UTF-8"),
        ("{'single': 'quotes'}", "not valid JSON"),
        ('{"a": NaN}', "not valid JSON"),
        ("[1, Infinity]", "not valid JSON"),
        ("9" * 5000, "not valid JSON"),
        ("", "not valid JSON"),
        ('{"unterminated": "', "not valid JSON"),
        # each quote used to start a scan to the end for its closing one: 80 KB took 18 s, this would take hours
        ('\\"' * 1_000_000, "not valid JSON"),
        ('{"a": "' + '\\"' * 1_000_000, "not valid JSON"),
        ("x" * (safejson.MAX_BYTES + 1), "too large"),
    ],
)
def test_bad_json_is_a_plain_sentence_naming_its_source(data, words):
    with pytest.raises(safejson.BadJSON) as caught:
        safejson.loads(data, "the keystore file")
    assert isinstance(caught.value, UserFacingError)
    assert str(caught.value).startswith("The keystore file ")
    assert words in str(caught.value)
    assert "Traceback" not in str(caught.value) and "Expecting" not in str(caught.value)


@pytest.mark.parametrize(
    "data, expected",
    [
        ('{"a": "[[[[{{{{ not brackets ]]", "b": [1, 2]}', {"a": "[[[[{{{{ not brackets ]]", "b": [1, 2]}),
        ('{"esc": "\\"[[[\\\\"}', {"esc": '"[[[\\'}),
        (b'\xef\xbb\xbf{"bom": true}', {"bom": True}),
        ("[" * 64 + "]" * 64, _nested(63)),
        ('{"k": "한국어"}'.encode(), {"k": "한국어"}),
    ],
)
def test_good_json_reads_as_before(data, expected):
    assert safejson.loads(data, "the reply") == expected


@pytest.mark.parametrize("value", [[1], "text", 3, None, True])
def test_a_document_of_the_wrong_shape_is_refused(value):
    with pytest.raises(safejson.BadJSON, match="where an object"):
        safejson.expect_object(value, "the model index")


def test_a_huge_file_is_not_read_whole(tmp_path):
    path = tmp_path / "index.json"
    path.write_bytes(b"[" + b"1," * 600_000 + b"1]")
    with pytest.raises(safejson.BadJSON, match="too large"):
        safejson.load_file(path, "the index", max_bytes=1_000_000)


def test_the_recursion_limit_stays_default_after_the_ethereum_libraries_load():
    # py-evm and py_ecc raise it to 100000 on import; with that limit the C decoder segfaults on deep input.
    code = (
        "import sys, app; before = sys.getrecursionlimit()\n"
        "import app.chain.sandbox, app.chain.wallet, eth, py_ecc, eth_tester\n"
        "import json\n"
        "try:\n"
        "    json.loads('[' * 1_000_000)\n"
        "except RecursionError:\n"
        "    pass\n"
        "print(before, sys.getrecursionlimit())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = result.stdout.split()
    assert before == after == "1000"
