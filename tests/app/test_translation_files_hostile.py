"""A translation file is outside input (`app/i18n.py` `read_ts`): whatever its XML holds, it is read in time
proportional to its size, or left out."""

from __future__ import annotations

import time

import pytest

from app import i18n


def test_nested_contexts_are_not_walked_again_for_each_level(tmp_path):
    # Each context used to be searched through everything inside it: n nested contexts, each with one message,
    # gave n²/2 messages (a 3.8 MB file took minutes and gigabytes).
    depth = 1000
    message = b"<message><source>a</source><comment>x.y</comment><translation>b</translation></message>"
    path = tmp_path / "core_nested.ts"
    path.write_bytes(b"<TS>" + (b"<context><name>c</name>" + message) * depth + b"</context>" * depth + b"</TS>")
    started = time.monotonic()
    messages = i18n.read_ts(path)
    assert time.monotonic() - started < 2
    assert len(messages) <= depth


def test_a_translation_file_as_linguist_writes_it_is_read_whole(tmp_path):
    path = tmp_path / "core_ok.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ko_KR">\n'
        "<context><name>core</name>"
        "<message><source>Hello {name}</source><comment>x.hello</comment>"
        "<translation>안녕 {name}</translation></message>"
        '<message numerus="yes"><source>%n files</source><translation><numerusform>파일 %n개</numerusform>'
        "</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    first, second = i18n.read_ts(path)
    assert (first.context, first.source, first.comment, first.translation) == (
        "core",
        "Hello {name}",
        "x.hello",
        "안녕 {name}",
    )
    assert second.numerus == ("파일 %n개",) and second.kind == ""


@pytest.mark.parametrize("encoding", ["x-nonsense", "rot13", "utf-7", "idna", "punycode", "shift_jis"])
def test_a_file_declaring_an_encoding_xml_cannot_read_is_left_out(tmp_path, encoding):
    path = tmp_path / "core_odd.ts"
    path.write_bytes(b'<?xml version="1.0" encoding="' + encoding.encode() + b'"?><TS>\xe4\xb8\x80</TS>')
    assert i18n.read_ts(path) == []
