"""The request's shape-guidance fields: what runs, what is refused in words, and what survives JSON."""

from __future__ import annotations

import json

import pytest

from app.errors import RequestError
from app.generation.request import GenerationRequest


def _request(**changes) -> GenerationRequest:
    return GenerationRequest(prompt="an SM6 in pearl white").replace(**changes)


def test_guidance_survives_the_json_a_design_keeps():
    request = _request(
        source="base",
        view="rear34",
        mask="scene",
        control_model="canny",
        control_strength=0.7,
        control_hint="depth",
        loras=(("chrome", 0.8), ("night", -0.5)),
        decoder="taesd",
    ).validate()
    again = GenerationRequest.from_dict(json.loads(request.to_json()))
    assert again == request
    assert again.loras == (("chrome", 0.8), ("night", -0.5))


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"view": "top"}, "Unknown view"),
        ({"mask": "wheels", "source": "base"}, "Unknown mask"),
        ({"mask": "body"}, "start from the SM6 artwork"),
        ({"source": "picture"}, "Load a sketch or photo"),
        ({"control_model": "canny", "control_strength": 3.0}, "between 0 and 2"),
        ({"control_hint": "normals"}, "Unknown guide"),
        ({"loras": (("a", 1.0),) * 6}, "at most 5 LoRAs"),
        ({"loras": (("chrome", 2.5),)}, "chrome"),
        ({"decoder": "fastest"}, "Unknown final decoder"),
    ],
)
def test_guidance_that_cannot_run_is_refused_in_words(changes, words):
    with pytest.raises(RequestError) as caught:
        _request(**changes).validate()
    assert words in caught.value.message


@pytest.mark.parametrize(
    "loras",
    ["chrome:0.8", [["chrome"]], [[1, 0.5]], [["chrome", "heavy"]], [["chrome", True]], [["chrome", float("nan")]]],
)
def test_a_damaged_lora_list_from_outside_is_refused_in_words(loras):
    data = _request().to_dict() | {"loras": loras}
    with pytest.raises(RequestError) as caught:
        GenerationRequest.from_dict(data)
    assert "LoRAs" in caught.value.message


def test_an_old_request_without_guidance_still_reads():
    old = {"prompt": "an SM6", "steps": 20, "source": "base", "strength": 0.5}
    request = GenerationRequest.from_dict(old).validate()
    assert (request.view, request.mask, request.loras, request.control_model) == ("side", "none", (), "")
