"""Which network the wallet uses and where the campaign's contract lives on each; no secret is ever kept here."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.chain.networks import BUILT_IN, Network, custom_network, with_contract

NETWORK_KEYS = ("sandbox", "kairos", "mainnet", "custom")


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

    def validated(self) -> "ChainSettings":
        fixed = self
        if fixed.network not in NETWORK_KEYS:
            fixed = replace(fixed, network="sandbox")
        if not 1 <= fixed.auto_lock_minutes <= 120:
            fixed = replace(fixed, auto_lock_minutes=5)
        return fixed

    def selected_network(self) -> Network:
        if self.network == "custom":
            return custom_network(self.custom_rpc, self.custom_chain_id, self.custom_explorer, self.custom_contract)
        network = BUILT_IN.get(self.network, BUILT_IN["sandbox"])
        contract = {"kairos": self.kairos_contract, "mainnet": self.mainnet_contract}.get(network.key, "")
        return with_contract(network, contract) if contract else network
