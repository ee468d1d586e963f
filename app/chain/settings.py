"""Which network the wallet uses and where the campaign's contract lives on each; no secret is ever kept here."""

from __future__ import annotations

from dataclasses import dataclass

from app.chain.networks import BUILT_IN, Network, custom_network, with_contract
from app.settings_checks import fix_fields

NETWORK_KEYS = ("sandbox", "kairos", "mainnet", "custom")
MAX_CHAIN_ID = 2**53 - 1  # wallets and explorers handle chain ids as JavaScript numbers
# What a person may set (the settings card uses the same bounds); 0 means "no custom chain id given".
CHAIN_LIMITS = {"auto_lock_minutes": (1, 120), "custom_chain_id": (0, MAX_CHAIN_ID)}


@dataclass(frozen=True)
class ChainSettings:
    network: str = "sandbox"  # a fresh install tries everything with no network and no real money
    kairos_contract: str = ""
    mainnet_contract: str = ""
    custom_rpc: str = ""
    custom_chain_id: int = 0
    custom_explorer: str = ""
    custom_contract: str = ""
    auto_lock_minutes: int = 5
    account: str = ""  # the wallet account last used

    def validated(self, reasons: list[str] | None = None) -> "ChainSettings":
        """Out-of-range or mistyped values reset to their defaults, with a logged reason (addresses and node URLs
        are checked where they are used, by app.chain.networks)."""
        return fix_fields("chain", self, limits=CHAIN_LIMITS, choices={"network": NETWORK_KEYS}, reasons=reasons)

    def selected_network(self) -> Network:
        if self.network == "custom":
            return custom_network(self.custom_rpc, self.custom_chain_id, self.custom_explorer, self.custom_contract)
        network = BUILT_IN.get(self.network, BUILT_IN["sandbox"])
        contract = {"kairos": self.kairos_contract, "mainnet": self.mainnet_contract}.get(network.key, "")
        return with_contract(network, contract) if contract else network
