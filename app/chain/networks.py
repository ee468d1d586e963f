"""The networks a token can be minted on: Kaia mainnet, the Kairos testnet, a custom RPC, and the local sandbox.

Explorer links follow KaiaScan's paths (`/tx/<hash>`, `/account/<address>`, `/nft/<contract>/<id>`).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace

KEI_PER_KAIA = 10**18
GKEI = 10**9

# BIP-44 derivation paths for a recovery phrase: Kaia's coin type, and the one MetaMask and most wallets use.
KAIA_PATH = "m/44'/8217'/0'/0/0"
ETHEREUM_PATH = "m/44'/60'/0'/0/0"

# "SM6" in ASCII: a chain id no public network uses, so a sandbox transaction can never be replayed elsewhere.
SANDBOX_CHAIN_ID = 0x534D36


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


def parse_kaia(text: str) -> int:
    """ "1.5" or "1,000" KAIA → kei; ValueError with a plain sentence for anything else."""
    cleaned = text.strip().removesuffix("KAIA").strip().replace(",", "")
    whole, _, frac = cleaned.partition(".")
    if not cleaned or not (whole or frac) or not (whole + frac).isdigit():
        raise ValueError(f"“{text.strip()}” is not an amount of KAIA. Write a number such as 1 or 0.5.")
    if len(frac) > 18:
        raise ValueError("KAIA has at most 18 decimal places.")
    return int(whole or "0") * KEI_PER_KAIA + int(frac.ljust(18, "0") or "0")


def checked_address(text: str) -> str:
    """An address as typed → its checksummed form; ValueError with a plain sentence when it cannot be right."""
    from eth_utils import is_address, is_checksum_address, to_checksum_address  # not at startup: ~0.2 s

    text = text.strip()
    if not is_address(text):
        raise ValueError("That is not a Kaia address: it starts with 0x and has 40 letters and digits after it.")
    if text != text.lower() and not is_checksum_address(text):
        raise ValueError("The address has a typo: its capital letters do not match its checksum. Copy it again.")
    return to_checksum_address(text)
