"""The sandbox chain's storage reads through SQLite: a start reads what it needs, not the whole history, and a
small cache that forgets keys all the time still gives the same chain, before and after a restart."""

from __future__ import annotations

import sqlite3

import pytest
from eth_account import Account

import app.chain.sandbox as sandbox_module
from app.chain.networks import KEI_PER_KAIA
from app.chain.sandbox import SandboxChain

START_READS_AT_MOST = 12  # the head block's hash, its header, the contract's address: a handful of keys


class _Reads:
    """Every statement the sandbox's SQLite connections run, as SQLite's trace callback reports them."""

    def __init__(self, monkeypatch) -> None:
        self.statements: list[str] = []
        real = sandbox_module.open_durable

        def traced(path, **how):
            conn = real(path, **how)
            conn.set_trace_callback(self.statements.append)
            return conn

        monkeypatch.setattr(sandbox_module, "open_durable", traced)

    def selects(self) -> list[str]:
        return [s for s in self.statements if s.lstrip().upper().startswith("SELECT")]


def _grow(chain: SandboxChain, blocks: int) -> list[str]:
    """`blocks` more blocks: one transfer each from the development account to a new address."""
    receivers = [Account.create().address for _ in range(blocks)]
    for address in receivers:
        chain.fund(address, amount_kei=KEI_PER_KAIA, minter=False)
    return receivers


def _rows(folder) -> int:
    with sqlite3.connect(folder / "sandbox.sqlite3") as conn:
        return conn.execute("SELECT count(*) FROM kv").fetchone()[0]


def _selects_at_start(folder, monkeypatch) -> list[str]:
    with monkeypatch.context() as patch:
        reads = _Reads(patch)
        chain = SandboxChain(folder)
        chain.close()
    return reads.selects()


@pytest.mark.parametrize("blocks", [10, 50])
def test_a_start_reads_the_same_few_keys_however_long_the_history(tmp_path, monkeypatch, blocks):
    short, long = tmp_path / "short", tmp_path / "long"
    for folder, count in ((short, 1), (long, blocks)):
        chain = SandboxChain(folder)
        _grow(chain, count)
        chain.close()
    assert _rows(long) > _rows(short) + 5 * (blocks - 1)  # the longer chain really holds more

    short_reads, long_reads = _selects_at_start(short, monkeypatch), _selects_at_start(long, monkeypatch)
    assert len(long_reads) == len(short_reads)  # what a start reads does not grow with the history
    assert len(long_reads) <= START_READS_AT_MOST < _rows(long)
    for statement in long_reads:  # one key at a time (or one row to see the store is not empty), never the table
        assert "WHERE" in statement.upper() or "LIMIT 1" in statement.upper(), statement


@pytest.mark.parametrize("cache_entries", [1, 7, 64, sandbox_module.CACHE_ENTRIES])
def test_the_chain_is_the_same_whatever_the_cache_remembers(tmp_path, monkeypatch, cache_entries):
    monkeypatch.setattr(sandbox_module, "CACHE_ENTRIES", cache_entries)
    chain = SandboxChain(tmp_path / "chain")
    receivers = _grow(chain, 4)
    minter = Account.create().address
    chain.fund(minter)  # 100 KAIA and the minter role: a contract write as well
    height = chain.web3.eth.block_number
    balances = {a: chain.web3.eth.get_balance(a) for a in [*receivers, minter]}
    assert len(chain._kv._cache) <= cache_entries
    chain.close()

    again = SandboxChain(tmp_path / "chain")
    try:
        assert again.web3.eth.block_number == height
        assert {a: again.web3.eth.get_balance(a) for a in balances} == balances
        assert balances[receivers[0]] == KEI_PER_KAIA and balances[minter] == 100 * KEI_PER_KAIA
        contract = again.web3.eth.contract(address=again.contract_address, abi=sandbox_module.load_artifact()["abi"])
        assert contract.functions.isMinter(minter).call() and not contract.functions.isMinter(receivers[0]).call()
        assert len(again._kv._cache) <= cache_entries
    finally:
        again.close()


@pytest.mark.parametrize("value", [b"", b"\x00", b"x" * 5000])
def test_written_values_are_read_back_before_and_after_the_flush_and_a_restart(tmp_path, value):
    kv = sandbox_module._SqliteKV(tmp_path / "kv.sqlite3", cache_size=2)
    key = b"k" + value[:3]
    assert kv.empty and key not in kv and kv.get(key) is None
    kv[key] = value
    assert kv[key] == value and key in kv and not kv.empty  # before the flush: pending writes answer
    kv.flush()
    for other in range(5):  # push it out of the two-entry cache
        kv.get(bytes([other]))
    assert kv[key] == value
    kv.close()
    again = sandbox_module._SqliteKV(tmp_path / "kv.sqlite3", cache_size=2)
    assert again[key] == value and not again.empty
    again.delete(key)
    assert key not in again
    with pytest.raises(KeyError):
        again[key]
    again.flush()
    again.close()
    third = sandbox_module._SqliteKV(tmp_path / "kv.sqlite3")
    assert key not in third and third.empty
    third.close()
