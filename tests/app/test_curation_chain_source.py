"""Submissions read from the campaign contract: every minted token listed once, its files fetched by CID from a real
gateway on 127.0.0.1 and checked, bad ones kept with their reason; nodes that refuse wide log ranges, lie about their
chain or answer garbage. One sandbox chain (py-evm, the real SM6DesignToken) for the module."""

from __future__ import annotations

import struct
import time
import zlib

import pytest

from app.chain.networks import SANDBOX, SANDBOX_CHAIN_ID, custom_network
from app.curation.models import AFTER_DEADLINE, CID_MISMATCH, INVALID_METADATA, UNREACHABLE, UNREADABLE_IMAGE
from app.curation.sources.chain_source import ChainSource, ChainSourceError, _image_fields
from app.curation.sources.ipfs_fetch import GATEWAY, IpfsSource
from app.errors import UserFacingError
from app.token.cid import _b58encode, cid_from_str, file_cid
from app.token.metadata import metadata_bytes
from tests.fixtures.curation_chain import RpcProxy, campaign, owners, tiny_png, token_metadata

pytestmark = pytest.mark.timeout(120)

GOOD = 3  # tokens 1-3: as the app mints them
LATE = 1  # the last token: minted after the deadline


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a huge picture in a few bytes (an image bomb's header)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _chunk(b"IEND", b"")
    )


def _png_without_pixels() -> bytes:
    """An 8 × 8 PNG with its header and end but no IDAT chunk: Pillow's verify() raised IndexError on it."""
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + _chunk(b"IEND", b"")


def _special(c) -> None:
    """Tokens 4-12 (designs 104-112), each with one thing a real campaign met."""
    holders = owners()
    dev = c.sandbox.dev.address
    c.mint(104, holders[0], legacy_cids=True)  # 4: CIDv0, Kubo's legacy profile
    tampered = c.mint(105, holders[1])  # 5: the gateway serves other bytes for its image
    c.gateway.files[tampered.image_cid] = tiny_png(999)
    c.mint(106, holders[2], uri="https://example.com/sm6/6.json")  # 6: not content-addressed
    broken = token_metadata(107, "ipfs://placeholder")
    del broken["description"]
    image_cid = c.gateway.add(tiny_png(107))
    broken["image"] = f"ipfs://{image_cid}"
    c.mint(107, holders[3], metadata=broken)  # 7: metadata without a description
    bomb = _png_header(7_000, 7_000)
    c.mint(108, holders[0], image=bomb)  # 8: an image bomb
    slow = c.mint(109, holders[1])  # 9: the gateway never answers for its metadata
    c.gateway.stall.add(slow.metadata_cid)
    c.mint(110, dev)  # 10: changed hands, and its URI was corrected after the mint
    c.transfer(10, holders[2])
    fixed = c.gateway.add(metadata_bytes(token_metadata(1010, f"ipfs://{c.tokens[9].image_cid}")))
    c.set_token_uri(10, f"ipfs://{fixed}")
    c.mint(111, holders[3], metadata=b"{not json")  # 11: metadata that is not JSON
    data_meta = metadata_bytes(token_metadata(112, f"ipfs://{c.gateway.add(tiny_png(112))}"))
    c.mint(112, holders[0], uri="data:application/json," + data_meta.decode())  # 12: metadata kept on chain
    _folder_collection(c)


def _folder_collection(c) -> None:
    """Tokens 13-15 as most NFT collections publish them: a folder of images and a folder of metadata,
    `ipfs://<folder>/<n>.json` naming `ipfs://<folder>/<n>.png`."""
    images = {f"{n}.png": tiny_png(100 + n) for n in (13, 14, 15)}
    image_folder = c.gateway.add_folder(images)
    metas = {f"{n}.json": metadata_bytes(token_metadata(100 + n, f"ipfs://{image_folder}/{n}.png")) for n in (13, 14)}
    metas["15.json"] = metadata_bytes(token_metadata(115, f"ipfs://{image_folder}/99.png"))  # names no such file
    meta_folder = c.gateway.add_folder(metas)
    in_base58 = "z" + _b58encode(cid_from_str(meta_folder))  # 13: its folder's CIDv1 written in base58btc
    for n, folder in ((13, in_base58), (14, meta_folder), (15, meta_folder)):
        json_bytes, image = metas[f"{n}.json"], images[f"{n}.png"]
        c.mint(100 + n, owners()[n % 4], uri=f"ipfs://{folder}/{n}.json", metadata=json_bytes, image=image)
    c.gateway.blocks[file_cid(images["14.png"])] = tiny_png(999)  # 14: the gateway serves another image block
    _hostile_tokens(c)


def _hostile_tokens(c) -> None:
    """Tokens 16-19: files a fuzzer found made the read raise instead of keeping the token aside."""
    holders = owners()
    c.mint(116, holders[0], uri="http://[::1/ipfs/x")  # 16: a URI urllib cannot split (a bracket never closed)
    odd_host = token_metadata(117, "https://a\uff03b/ipfs/x")  # 17: an image host that changes under NFKC
    c.mint(117, holders[1], metadata=odd_host)
    no_traits = token_metadata(118, f"ipfs://{c.gateway.add(tiny_png(118))}")
    no_traits["attributes"] = 5  # 18: traits that are a number, not a list
    c.mint(118, holders[2], metadata=no_traits)
    c.mint(119, holders[3], image=_png_without_pixels())  # 19: a PNG without pixel data


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    with campaign(tmp_path_factory.mktemp("campaign") / "chain", GOOD + LATE, after_deadline=LATE, extra=_special) as c:
        yield c


@pytest.fixture(scope="module")
def read_all(chain):
    ipfs = IpfsSource(GATEWAY, chain.gateway.base_url, timeout_s=0.5)
    source = ChainSource.open(SANDBOX, ipfs, sandbox=chain.sandbox)
    refs = list(source.scan(0))
    return source, refs, {ref.token_id: source.read(ref) for ref in refs}


def test_every_token_is_listed_once_with_its_owner_uri_and_mint_time(chain, read_all):
    source, refs, candidates = read_all
    assert sorted(ref.token_id for ref in refs) == list(range(1, len(chain.tokens) + 1))
    for minted in chain.tokens:
        candidate = candidates[minted.token_id]
        assert candidate.source_key == f"chain:{SANDBOX_CHAIN_ID}:{chain.contract}:{minted.token_id}"
        assert (candidate.token_id, candidate.chain_id, candidate.contract) == (
            minted.token_id,
            SANDBOX_CHAIN_ID,
            chain.contract,
        )
        assert candidate.owner == minted.owner
        assert candidate.origin == minted.uri
        assert candidate.minted_at == minted.timestamp


def test_a_token_as_the_app_minted_it_carries_its_image_and_provenance(chain, read_all):
    candidate = read_all[2][1]
    assert candidate.problem is None and candidate.before_deadline is True
    assert candidate.image == chain.tokens[0].image and (candidate.width, candidate.height) == (64, 64)
    assert candidate.name == "Create Your SM6 #1" and candidate.prompt == "a renault sm6 number 1"
    assert ("Trim", "Inspire") in candidate.traits and candidate.model_hash == "ab" * 32
    assert candidate.generation["seed"] == 1
    assert (candidate.metadata_cid, candidate.image_cid) == (chain.tokens[0].metadata_cid, chain.tokens[0].image_cid)


def test_legacy_cidv0_files_are_checked_and_accepted(read_all):
    candidate = read_all[2][4]
    assert candidate.metadata_cid.startswith("Qm") and candidate.problem is None and candidate.image


def test_a_later_owner_and_a_corrected_uri_are_what_is_read(chain, read_all):
    candidate = read_all[2][10]
    assert candidate.owner == owners()[2] and candidate.name == "Create Your SM6 #1010"
    assert candidate.problem is None


def test_a_token_minted_after_the_deadline_is_kept_with_its_image_and_reason(chain, read_all):
    late = read_all[2][len(chain.tokens)]
    assert late.before_deadline is False and late.problem.kind == AFTER_DEADLINE
    assert late.image and late.name and "after the submission deadline" in str(late.problem.reason)


def test_bytes_that_are_not_what_the_cid_names_are_kept_with_the_reason(chain, read_all):
    tampered = read_all[2][5]
    assert tampered.problem.kind == CID_MISMATCH
    assert chain.tokens[4].image_cid in str(tampered.problem.reason)
    assert tampered.name == "Create Your SM6 #105"  # what could be read stays with it


@pytest.mark.parametrize(
    ("token_id", "words"),
    [
        (6, "not an IPFS address"),
        (7, "Description"),
        (11, "is not valid JSON"),
    ],
)
def test_metadata_that_cannot_be_trusted_or_read_says_why(read_all, token_id, words):
    candidate = read_all[2][token_id]
    assert candidate.problem.kind == INVALID_METADATA
    assert words.lower() in str(candidate.problem.reason).lower()


def test_an_image_bomb_is_refused_from_its_header(read_all):
    bomb = read_all[2][8]
    assert bomb.problem.kind == UNREADABLE_IMAGE and "7000 × 7000" in str(bomb.problem.reason)
    assert bomb.image  # kept as found, for staff to look at


def test_a_header_past_pillows_own_cap_is_refused_too():
    fields: dict = {}
    problem = _image_fields(_png_header(30_000, 30_000), fields)
    assert problem.kind == UNREADABLE_IMAGE and "too large to open safely" in str(problem.reason)
    assert "width" not in fields


@pytest.mark.parametrize(("token_id", "uri"), [(16, "http://[::1/ipfs/x"), (17, "https://a\uff03b/ipfs/x")])
def test_an_address_urllib_cannot_split_is_kept_aside_as_not_content_addressed(read_all, token_id, uri):
    candidate = read_all[2][token_id]
    assert candidate.problem.kind == INVALID_METADATA
    assert f"The address {uri} is not an IPFS address" in str(candidate.problem.reason)


def test_traits_that_are_not_a_list_are_kept_aside_with_the_reason(read_all):
    candidate = read_all[2][18]
    assert candidate.problem.kind == INVALID_METADATA and "traits must be a list" in str(candidate.problem.reason)
    assert candidate.name == "Create Your SM6 #118" and candidate.traits == () and candidate.image


def test_a_png_without_pixel_data_is_kept_aside_as_unreadable(read_all):
    candidate = read_all[2][19]
    assert candidate.problem.kind == UNREADABLE_IMAGE and "cannot be read" in str(candidate.problem.reason)
    assert candidate.image == _png_without_pixels() and candidate.name == "Create Your SM6 #119"


def test_metadata_kept_on_chain_in_a_data_address_is_read(read_all):
    candidate = read_all[2][12]
    assert candidate.problem is None and candidate.name == "Create Your SM6 #112" and candidate.image


def test_a_token_in_a_folder_collection_is_read_with_every_block_checked(chain, read_all):
    candidate = read_all[2][13]
    assert candidate.problem is None and candidate.name == "Create Your SM6 #113"
    assert candidate.image == chain.tokens[12].image and (candidate.width, candidate.height) == (64, 64)
    assert candidate.metadata_cid.startswith("z")


def test_a_tampered_block_in_a_folder_collection_is_a_cid_mismatch(read_all):
    tampered = read_all[2][14]
    assert tampered.problem.kind == CID_MISMATCH and "14.png" in str(tampered.problem.reason)
    assert tampered.name == "Create Your SM6 #114"


def test_an_image_the_folder_lacks_is_kept_with_a_plain_reason(read_all):
    candidate = read_all[2][15]
    assert candidate.problem.kind == INVALID_METADATA and "no file named “99.png”" in str(candidate.problem.reason)


@pytest.mark.parametrize("token_id", [13, 14])
def test_a_kubo_node_checks_a_folder_collection_block_by_block_too(chain, read_all, token_id):
    source = ChainSource.open(SANDBOX, chain.kubo_source, sandbox=chain.sandbox)
    ref = next(ref for ref in source.scan(0) if ref.token_id == token_id)
    assert source.read(ref) == read_all[2][token_id]


def test_a_gateway_without_car_replies_leaves_a_folder_token_unreachable_not_accepted(chain, read_all):
    source, refs, _ = read_all
    chain.gateway.car_replies = False
    try:
        candidate = source.read(next(ref for ref in refs if ref.token_id == 13))
    finally:
        chain.gateway.car_replies = True
    assert candidate.problem.kind == UNREACHABLE and "CAR" in str(candidate.problem.reason)
    assert candidate.image == b"" and candidate.name == ""  # nothing unchecked was taken in


def test_a_gateway_that_times_out_leaves_the_token_unreachable_quickly(chain, read_all):
    source, refs, candidates = read_all
    assert candidates[9].problem.kind == UNREACHABLE
    started = time.monotonic()
    again = source.read(next(ref for ref in refs if ref.token_id == 9))
    assert again.problem.kind == UNREACHABLE and time.monotonic() - started < 3
    assert again.source_key == candidates[9].source_key  # read twice: the same submission


def test_log_ranges_are_split_when_the_node_refuses_them_and_the_scan_resumes(chain):
    chain.rpc.max_log_range = 3
    try:
        source = ChainSource.open(chain.network, chain.kubo_source, span=16)
        pages = list(source.scan_pages(0))
    finally:
        chain.rpc.max_log_range = None
    assert pages[0].from_block == 0 and pages[-1].to_block == source.latest_block()
    assert all(later.from_block == earlier.to_block + 1 for earlier, later in zip(pages, pages[1:]))
    assert all(page.to_block - page.from_block < 3 for page in pages)
    assert any(not accepted for _, _, accepted in chain.rpc.log_ranges)
    ids = [ref.token_id for page in pages for ref in page.tokens]
    assert sorted(ids) == list(range(1, len(chain.tokens) + 1))
    # An importer that saved "scanned up to block N" continues after it and finds the rest, none twice.
    cursor = next(page.to_block for page in pages if page.tokens)
    first = [ref.token_id for page in pages if page.to_block <= cursor for ref in page.tokens]
    rest = [ref.token_id for ref in source.scan(cursor + 1)]
    assert sorted(first + rest) == sorted(ids)


def test_a_range_whose_reply_is_too_large_is_split_too(chain):
    chain.rpc.huge_log_range = 4
    try:
        source = ChainSource.open(chain.network, chain.kubo_source, span=32)
        ids = [ref.token_id for ref in source.scan(0)]
    finally:
        chain.rpc.huge_log_range = None
    assert sorted(ids) == list(range(1, len(chain.tokens) + 1))


def test_over_json_rpc_a_kubo_node_gives_the_same_candidates(chain, read_all):
    source = ChainSource.open(chain.network, chain.kubo_source)
    ref = next(ref for ref in source.scan(0) if ref.token_id == 2)
    candidate = source.read(ref)
    assert candidate == read_all[2][2]


def test_a_node_on_another_chain_is_one_plain_error_naming_both_ids(chain):
    chain.rpc.chain_id = 8217
    try:
        with pytest.raises(ChainSourceError) as caught:
            ChainSource.open(chain.network, chain.kubo_source)
    finally:
        chain.rpc.chain_id = None
    assert "8217" in caught.value.message and str(SANDBOX_CHAIN_ID) in caught.value.message
    assert "Nothing was imported" in caught.value.message and not caught.value.retryable


@pytest.mark.parametrize("method", ["eth_chainId", "eth_getLogs", "eth_getBlockByNumber"])
def test_a_node_answering_garbage_is_a_plain_error(chain, method):
    try:
        with pytest.raises(ChainSourceError) as caught:
            chain.rpc.garbage.add(method)
            source = ChainSource.open(chain.network, chain.kubo_source)
            for ref in source.scan(0):
                source.read(ref)
    finally:
        chain.rpc.garbage.clear()
    assert "cannot read" in caught.value.message and "<html>" not in caught.value.message
    assert "outbox" not in caught.value.message and caught.value.retryable  # an import's words, not a mint's


def test_a_node_failing_mid_scan_keeps_the_pages_it_gave_and_the_scan_resumes(chain):
    source = ChainSource.open(chain.network, chain.kubo_source, span=4)
    pages = source.scan_pages(0)
    first = next(pages)
    chain.rpc.garbage.add("eth_getLogs")
    try:
        with pytest.raises(UserFacingError) as caught:
            next(pages)
    finally:
        chain.rpc.garbage.clear()
    assert caught.value.message and "<html>" not in caught.value.message
    resumed = [ref.token_id for ref in source.scan(first.to_block + 1)]
    assert sorted([ref.token_id for ref in first.tokens] + resumed) == list(range(1, len(chain.tokens) + 1))


def test_a_node_that_stopped_answering_is_a_plain_error_to_retry_later(chain):
    node = RpcProxy(chain.sandbox).start()
    try:
        network = custom_network(node.url, SANDBOX_CHAIN_ID, contract=chain.contract)
        source = ChainSource.open(network, chain.kubo_source)
    finally:
        node.stop()
    with pytest.raises(ChainSourceError) as caught:
        list(source.scan(0))
    assert "did not answer" in caught.value.message and caught.value.retryable
