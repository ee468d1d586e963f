"""A wallet address from a QR code: what a visitor holds up to the kiosk's camera (their wallet app's "receive" code).

Wallet apps show a bare address or a payment URI (EIP-681 "ethereum:0x…@8217", Kaia wallets' "kaia:" and
"klaytn:"); anything else in a code (a web link, a long text, a different chain's address) is not an address, and
the person reads the same plain sentence as for a mistyped one. A camera frame is outside input too: decoding is
bounded in size and never raises.
"""

from __future__ import annotations

import logging
import re

from app.chain import messages as msgs
from app.chain.networks import checked_address
from app.chain.user_input import InputError

log = logging.getLogger(__name__)

MAX_QR_TEXT = 512  # a payment URI with parameters fits many times over
MAX_FRAME_PIXELS = 4096 * 4096
_URI = re.compile(r"^(?:ethereum|kaia|klaytn):(?:pay-)?(0x[0-9a-fA-F]{40})(?:@\d+)?(?:/\w+)?(?:\?.*)?$", re.ASCII)


def address_from_qr_text(text: object) -> str:
    """The checksummed address a QR code's text gives; InputError (a plain sentence) when it gives none."""
    if not isinstance(text, str) or len(text) > MAX_QR_TEXT:
        raise InputError(msgs.ADDRESS_FORMAT())
    text = text.strip()
    uri = _URI.match(text)
    return checked_address(uri.group(1) if uri else text)


def addresses_in_image(image) -> list[str]:
    """Every wallet address in the QR codes of a picture (a PIL image), in reading order; [] for none, for a
    picture that cannot be read, or where the decoder is not installed."""
    try:
        if image.width * image.height > MAX_FRAME_PIXELS:
            image = image.copy()
            image.thumbnail((4096, 4096))
        import zxingcpp

        found = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    except Exception as exc:  # noqa: BLE001 - a frame the decoder cannot read holds no address
        log.debug("QR decoding failed: %s", exc)
        return []
    addresses: list[str] = []
    for code in found:
        try:
            address = address_from_qr_text(code.text)
        except InputError:
            continue
        if address not in addresses:
            addresses.append(address)
    return addresses
