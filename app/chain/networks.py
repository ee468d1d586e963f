"""The networks a token can be minted on: Kaia mainnet, the Kairos testnet, a custom RPC, and the local sandbox.

Explorer links follow KaiaScan's paths (`/tx/<hash>`, `/account/<address>`, `/nft/<contract>/<id>`).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, replace

from app.chain import messages as msgs
from app.chain.user_input import InputError
from app.messages import Msg

KEI_PER_KAIA = 10**18
GKEI = 10**9

# BIP-44 derivation paths for a recovery phrase: Kaia's coin type, and the one MetaMask and most wallets use.
KAIA_PATH = "m/44'/8217'/0'/0/0"
ETHEREUM_PATH = "m/44'/60'/0'/0/0"

# "SM6" in ASCII: a chain id no public network uses, so a sandbox transaction can never be replayed elsewhere.
SANDBOX_CHAIN_ID = 0x534D36

# Addresses below this belong to nobody: 0x000…000 (the burn address), 0x…dEaD, the precompiled contracts of
# Ethereum and Kaia (0x01-0x0b, 0x3fd-0x3ff). A real key lands here with probability 2^-128.
NOBODYS_ADDRESSES = 2**32


@dataclass(frozen=True)
class Network:
    key: str  # "sandbox", "kairos", "mainnet" or "custom"
    name: str
    chain_id: int
    rpc_url: str = ""  # empty for the sandbox, which runs in this process
    explorer: str = ""  # KaiaScan (or compatible) base URL; empty: no links
    contract: str = ""  # the SM6DesignToken address on this network; the sandbox deploys its own
    real_money: bool = False

    @property
    def is_sandbox(self) -> bool:
        return self.key == "sandbox"

    @property
    def label(self) -> str:
        return self.name if self.real_money else f"{self.name} · not real money"

    def tx_url(self, tx_hash: str) -> str:
        return self._link("tx", tx_hash)

    def account_url(self, address: str) -> str:
        return self._link("account", address)

    def token_url(self, token_id: int, contract: str = "") -> str:
        contract = contract or self.contract
        return self._link("nft", f"{contract}/{int(token_id)}") if contract else ""

    def _link(self, kind: str, path: str) -> str:
        if not self.explorer:
            return ""
        return f"{self.explorer.rstrip('/')}/{kind}/{urllib.parse.quote(path, safe='/')}"


MAINNET = Network(
    "mainnet", "Kaia Mainnet", 8217, "https://public-en.node.kaia.io", "https://kaiascan.io", real_money=True
)
KAIROS = Network(
    "kairos", "Kairos Testnet", 1001, "https://public-en-kairos.node.kaia.io", "https://kairos.kaiascan.io"
)
SANDBOX = Network("sandbox", "Sandbox", SANDBOX_CHAIN_ID)
BUILT_IN = {n.key: n for n in (SANDBOX, KAIROS, MAINNET)}


def custom_network(rpc_url: str, chain_id: int, explorer: str = "", contract: str = "", name: str = "") -> Network:
    """A node the person names. Chain ids of Kaia's public networks keep their meaning (8217 is real money)."""
    known = next((n for n in (MAINNET, KAIROS) if n.chain_id == chain_id), None)
    return Network(
        "custom",
        name or (f"{known.name} (custom node)" if known else f"Custom network {chain_id}"),
        int(chain_id),
        rpc_url.strip(),
        explorer.strip() or (known.explorer if known else ""),
        contract.strip(),
        real_money=known.real_money if known else True,  # an unknown chain may be real money: say so, never assume
    )


def with_contract(network: Network, contract: str) -> Network:
    return replace(network, contract=contract)


def format_kaia(kei: int, decimals: int = 4) -> str:
    """kei as KAIA for people: "12.5 KAIA", "0.0021 KAIA", "< 0.0001 KAIA"; exact integer arithmetic, no floats."""
    kei = int(kei)
    sign = "-" if kei < 0 else ""
    kei = abs(kei)
    whole, frac = divmod(kei, KEI_PER_KAIA)
    scaled = frac * 10**decimals // KEI_PER_KAIA
    if whole == 0 and scaled == 0 and kei > 0:
        return f"{sign}< 0.{'0' * (decimals - 1)}1 KAIA"
    text = f"{whole:,}"
    if scaled:
        text += "." + f"{scaled:0{decimals}d}".rstrip("0")
    return f"{sign}{text} KAIA"


# Amounts: exact integers of kei, from text a person typed. A decimal comma read as a thousands separator would pay
# ten times too much ("1,5" → 15), so commas are accepted only where they group thousands ("1,000.5").
MAX_AMOUNT_TEXT = 64  # longer than any real amount, short enough that int() never meets Python's digit limit
MAX_KEI = 10**12 * KEI_PER_KAIA  # more KAIA than exists (about six billion): a typo, never a payment
_FULL_WIDTH = {**{0xFF10 + i: 0x30 + i for i in range(10)}, 0xFF0E: ord("."), 0xFF0C: ord(","), 0x3000: 0x20}
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+$")
_DIGITS = re.compile(r"^[0-9]*$")
_EXPONENT = re.compile(r"^[0-9.,]*e[+-]?[0-9]*$")
NOT_AN_AMOUNT = Msg(
    "send.amount_not_an_amount",
    "That is not an amount of KAIA. Write a number such as 1 or 0.5, with the digits 0 to 9.",
)


def parse_kaia(text: object, *, allow_zero: bool = False) -> int:
    """An amount of KAIA as a person writes it → kei, exactly (no float). Accepted: "1.5", "0.25 KAIA", "1,000.5",
    full-width digits from a Korean or Japanese input method. Anything else is InputError saying what to change,
    never quoting the text: other scripts' digits and superscripts, NaN, infinity, exponents, signs, hexadecimal,
    a decimal comma, more than 18 decimals, more KAIA than exists, and (unless `allow_zero`) zero."""
    if not isinstance(text, str):
        raise InputError(NOT_AN_AMOUNT())
    if len(text) > MAX_AMOUNT_TEXT:
        raise InputError(msgs.AMOUNT_TOO_LONG())
    cleaned = text.translate(_FULL_WIDTH).strip()
    if cleaned[-4:].lower() == "kaia":
        cleaned = cleaned[:-4].strip()
    lowered = cleaned.lower()
    if not cleaned:
        raise InputError(msgs.AMOUNT_MISSING())
    if not cleaned.isascii():
        raise InputError(msgs.AMOUNT_NOT_DIGITS())
    if lowered.lstrip("+-") in ("nan", "inf", "infinity"):
        raise InputError(msgs.AMOUNT_NOT_NUMBER())
    if cleaned[0] == "-":
        raise InputError(msgs.AMOUNT_NEGATIVE())
    if cleaned[0] == "+":
        raise InputError(msgs.AMOUNT_PLUS_SIGN())
    if lowered.startswith("0x"):
        raise InputError(msgs.AMOUNT_HEXADECIMAL())
    if "e" in lowered and _EXPONENT.match(lowered):
        raise InputError(msgs.AMOUNT_EXPONENT())
    whole, _, frac = cleaned.partition(".")
    if "," in frac or ("," in whole and not _GROUPED.match(whole)):
        raise InputError(msgs.AMOUNT_DECIMAL_COMMA())
    whole = whole.replace(",", "")
    if not (whole or frac) or not _DIGITS.match(whole) or not _DIGITS.match(frac):
        raise InputError(NOT_AN_AMOUNT())
    if len(frac) > 18:
        raise InputError(msgs.AMOUNT_TOO_PRECISE())
    kei = int(whole or "0") * KEI_PER_KAIA + int(frac.ljust(18, "0") or "0")
    if kei == 0 and not allow_zero:
        raise InputError(msgs.AMOUNT_ZERO())
    if kei > MAX_KEI:
        raise InputError(msgs.AMOUNT_TOO_LARGE())
    return kei


def checked_address(text: object) -> str:
    """An address as typed → its checksummed form; InputError with a plain sentence when it cannot be right."""
    from eth_utils import is_address, is_checksum_address, to_checksum_address  # not at startup: ~0.2 s

    text = text.strip() if isinstance(text, str) else ""
    if not is_address(text) or not text.isascii():
        raise InputError(msgs.ADDRESS_FORMAT())
    if text != text.lower() and not is_checksum_address(text):
        raise InputError(msgs.ADDRESS_CHECKSUM())
    return to_checksum_address(text)


def checked_recipient(text: object, *, sender: str = "", contract: str = "") -> str:
    """checked_address, refusing where KAIA or a token would be lost for good: the zero address and other addresses
    nobody holds a key for, `sender` (this wallet: a payout to itself pays nobody) and `contract` (the token
    contract, which can never hand anything on)."""
    from eth_utils import to_checksum_address

    address = checked_address(text)
    if int(address, 16) < NOBODYS_ADDRESSES:
        raise InputError(msgs.ADDRESS_UNOWNED())
    if sender and address == to_checksum_address(sender):
        raise InputError(msgs.ADDRESS_OWN())
    if contract and address == to_checksum_address(contract):
        raise InputError(msgs.ADDRESS_CONTRACT())
    return address
