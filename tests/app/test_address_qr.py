"""A visitor's wallet address read from the QR code their wallet app shows: bare addresses and payment URIs are
understood, everything else gets the same plain sentence as a mistyped address, and no frame crashes the reader."""

from __future__ import annotations

import io

import pytest
import segno
from PIL import Image

from app.chain.address_qr import address_from_qr_text, addresses_in_image
from app.chain.user_input import InputError

ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7"


def qr_image(text: str, scale: int = 6) -> Image.Image:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


@pytest.mark.parametrize(
    "text",
    [
        ADDRESS,
        ADDRESS.lower(),
        f"  {ADDRESS}\n",
        f"ethereum:{ADDRESS}",
        f"ethereum:{ADDRESS}@8217",
        f"ethereum:pay-{ADDRESS}@1001?value=0",
        f"kaia:{ADDRESS}",
        f"klaytn:{ADDRESS}@8217/transfer?uint256=1",
    ],
)
def test_wallet_codes_give_the_address(text):
    assert address_from_qr_text(text) == ADDRESS


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://kaiascan.io",
        "bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        ADDRESS[:-1],
        ADDRESS + "0",
        ADDRESS.replace("E", "e", 1),  # a checksum that does not match
        f"ethereum:{ADDRESS}" + "?" + "x" * 600,
        "0x" + "g" * 40,
        None,
        42,
        f"javascript:{ADDRESS}",
        f"ethereum:{ADDRESS}\u202e",
        "\x00" * 10,
    ],
)
def test_anything_else_gets_a_plain_sentence(text):
    with pytest.raises(InputError) as raised:
        address_from_qr_text(text)
    assert "0x" in str(raised.value) or "address" in str(raised.value).lower()


def test_the_address_is_found_in_a_camera_frame():
    frame = Image.new("RGB", (1280, 720), (90, 90, 90))
    frame.paste(qr_image(f"ethereum:{ADDRESS}@8217"), (500, 200))
    assert addresses_in_image(frame) == [ADDRESS]


@pytest.mark.parametrize(
    "frame",
    [
        Image.new("RGB", (640, 480), (0, 0, 0)),
        Image.new("L", (1, 1)),
        qr_image("https://example.com/not-an-address"),
        Image.new("RGB", (5000, 5000), (255, 255, 255)),
    ],
)
def test_frames_without_an_address_give_none(frame):
    assert addresses_in_image(frame) == []


def test_a_frame_that_is_not_a_picture_gives_none():
    assert addresses_in_image(object()) == []
