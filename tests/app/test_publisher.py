"""The app's publishing: a token's bytes queued in the data folder and sent where Settings say, when they say."""

from __future__ import annotations

import tomllib

import pytest

from app.config import Settings, load_settings, save_settings
from app.description.keys import InvalidApiKey
from app.library.store import Library
from app.token.assemble import assemble_token
from app.token.cid import KUBO_LEGACY
from app.token.publish import Outbox
from app.token.publish_settings import PinningTokenStore, PublishSettings
from app.token.publisher import NO_PINNING_TOKEN, NOT_SET_UP, Publisher, outbox_path
from app.urls import check_service_url
from tests.fixtures.designs import add_plain_design


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "data")
    try:
        yield lib
    finally:
        lib.close()


@pytest.fixture
def draft(library):
    design = add_plain_design(library)
    library.save_description(design.id, "en", "A pearl white SM6 under Busan's harbour lights.")
    return assemble_token(library, design, language="en")


class _Setup:
    def __init__(self, tmp_path):
        self.settings = PublishSettings()
        self.publisher = Publisher(Outbox(outbox_path(tmp_path / "data")), lambda: self.settings, timeout_s=5)


@pytest.fixture
def setup(tmp_path):
    s = _Setup(tmp_path)
    try:
        yield s
    finally:
        s.publisher.close()


def test_nothing_set_up_keeps_the_token_local_and_says_what_to_do(setup, draft, kubo_node):
    job = setup.publisher.publish(draft)
    assert job.state == "local" and [i.cid for i in job.items] == [draft.image_cid, draft.metadata_cid]
    assert setup.publisher.setup_problem() == NOT_SET_UP
    (job,) = setup.publisher.run_once()
    assert job.state == "local" and not kubo_node.requests
    assert setup.publisher.pending()


def test_publishing_to_a_node_stores_the_exact_bytes_under_the_tokens_cids(setup, draft, kubo_node):
    setup.settings = PublishSettings(kubo_url=kubo_node.base_url)
    assert setup.publisher.setup_problem() == ""
    setup.publisher.publish(draft)
    (job,) = setup.publisher.run_once()
    assert job.state == "pinned" and not setup.publisher.pending()
    assert kubo_node.stored[draft.image_cid] == draft.image_bytes
    assert kubo_node.stored[draft.metadata_cid] == draft.metadata_bytes
    assert setup.publisher.job_for(draft) == job
    assert setup.publisher.publish(draft) == job  # publishing again changes nothing


def test_legacy_profile_publishes_cidv0(setup, library, kubo_node):
    design = add_plain_design(library)
    library.save_description(design.id, "ko", "펄 화이트 SM6.")
    draft = assemble_token(library, design, profile=KUBO_LEGACY)
    assert draft.metadata_cid.startswith("Qm")
    setup.settings = PublishSettings(kubo_url=kubo_node.base_url)
    setup.publisher.publish(draft)
    assert setup.publisher.run_once()[0].state == "pinned"
    assert kubo_node.stored[draft.metadata_cid] == draft.metadata_bytes


def test_a_pinning_service_needs_its_token_which_comes_from_the_keyring(setup, draft, kubo_node):
    setup.settings = PublishSettings(pinning_endpoint=kubo_node.base_url)
    setup.publisher.publish(draft)
    assert setup.publisher.setup_problem() == NO_PINNING_TOKEN
    assert setup.publisher.run_once()[0].state == "local" and not kubo_node.requests
    PinningTokenStore().set(kubo_node.token)
    assert setup.publisher.setup_problem() == ""
    assert setup.publisher.run_once()[0].state == "pinning"
    assert setup.publisher.run_once()[0].state == "pinned"
    assert {p["pin"]["cid"] for p in kubo_node.pin_requests.values()} == {draft.image_cid, draft.metadata_cid}


def test_queued_offline_goes_out_when_a_node_is_set_up_later(tmp_path, draft, kubo_node):
    path = outbox_path(tmp_path / "data")
    first = Publisher(Outbox(path), lambda: PublishSettings())
    first.publish(draft)
    first.close()
    later = Publisher(Outbox(path), lambda: PublishSettings(kubo_url=kubo_node.base_url))
    try:
        assert later.run_once()[0].state == "pinned"
    finally:
        later.close()


@pytest.mark.parametrize(
    ("kubo_url", "pinning_endpoint"),
    [
        ("not a url", ""),
        ("ftp://127.0.0.1:5001", ""),
        ("file:///etc/passwd", ""),
        ("http://", ""),
        ("http://127.0.0.1:5001 /", ""),
        ("", "not a url"),
        ("", "ftp://pins.example/psa"),
        ("", "https://user:pw@pins.example/psa"),
    ],
)
def test_an_address_no_client_can_use_is_said_plainly_and_nothing_waits_on_it(
    setup, draft, kubo_node, kubo_url, pinning_endpoint
):
    """Was: "not a url" raised out of the background run; ftp:// waited "for the network" for ever."""
    setup.settings = PublishSettings(kubo_url=kubo_url, pinning_endpoint=pinning_endpoint)
    setup.publisher.publish(draft)
    problem = setup.publisher.setup_problem()
    assert "address" in problem and problem.endswith("Fix it in Settings.")
    (job,) = setup.publisher.run_once()  # no exception, and no attempt that could only fail
    assert job.state == "local" and job.error == "" and not kubo_node.requests
    setup.settings = PublishSettings(kubo_url=kubo_node.base_url)  # fixed in Settings: it goes out
    assert setup.publisher.setup_problem() == "" and setup.publisher.run_once()[0].state == "pinned"


def test_publish_settings_survive_a_restart_and_keep_no_secret(tmp_path):
    settings = Settings()
    settings.publish = PublishSettings(kubo_url="http://127.0.0.1:5001", pinning_endpoint="https://pin.example/psa")
    save_settings(settings)
    assert load_settings().publish == settings.publish
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert set(saved["publish"]) == {"kubo_url", "pinning_endpoint"}  # the token lives in the keyring only


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("  http://127.0.0.1:5001/ ", "http://127.0.0.1:5001"),
        ("https://api.pinata.cloud/psa", "https://api.pinata.cloud/psa"),
        ("", ""),
    ],
)
def test_service_addresses_are_tidied(url, expected):
    assert check_service_url(url, "IPFS node") == expected


@pytest.mark.parametrize(
    "url",
    [
        "127.0.0.1:5001",
        "ftp://node",
        "http://",
        "http://x/api?key=1",
        "not a url",
        "http://exa mple.com",
        "http://node\x00.example",
        "http://user:pw@node.example",
        "http://node.example:99999",
        "http://[::1",
        "javascript:alert(1)",
    ],
)
def test_unusable_service_addresses_are_explained(url):
    with pytest.raises(ValueError, match="address"):
        check_service_url(url, "IPFS node")


def test_token_store_rejects_a_broken_token():
    with pytest.raises(InvalidApiKey, match="spaces"):
        PinningTokenStore().set("abc def")
