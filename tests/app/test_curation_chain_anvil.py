"""The chain source end to end over a real node: Anvil (tests/fixtures/anvil.py) with the SM6DesignToken, tokens
minted by a campaign minter, files from the test gateway. Skipped where Anvil cannot be installed."""

from __future__ import annotations

import pytest
from eth_account import Account

from app.chain.contract import content_hash, mint_call_data
from app.chain.networks import custom_network
from app.curation.sources.chain_source import ChainSource
from app.curation.sources.ipfs_fetch import GATEWAY, IpfsSource
from app.token.metadata import metadata_bytes
from tests.fixtures.curation_chain import Gateway, tiny_png, token_metadata

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def gateway():
    server = Gateway().start()
    yield server
    server.stop()


def test_tokens_minted_on_anvil_are_listed_and_read(make_anvil, gateway):
    anvil = make_anvil()
    token = anvil.deploy_token()
    minter = anvil.keys[0]
    holder = Account.create().address
    uris = []
    for index in (1, 2):
        image = tiny_png(index)
        image_cid = gateway.add(image)
        uri = f"ipfs://{gateway.add(metadata_bytes(token_metadata(index, f'ipfs://{image_cid}')))}"
        anvil.transact(minter, {"to": token, "data": mint_call_data(holder, uri, content_hash(image))})
        anvil.mine(3)
        uris.append(uri)
    network = custom_network(anvil.rpc_url, anvil.chain_id, contract=token)
    source = ChainSource.open(network, IpfsSource(GATEWAY, gateway.base_url, timeout_s=5), span=2)
    candidates = [source.read(ref) for ref in source.scan(0)]
    assert [c.token_id for c in candidates] == [1, 2]
    assert [c.origin for c in candidates] == uris
    assert all(c.problem is None and c.owner == holder and c.before_deadline is None for c in candidates)
    assert candidates[0].source_key == f"chain:{anvil.chain_id}:{token}:1"
