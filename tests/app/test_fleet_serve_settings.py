"""The generation server's settings (issue 20): the `[serve]` table of its settings.toml, the `serve` flags over
it, and the Ray Serve options they make (replicas or autoscaling, GPUs per replica, the queue bound)."""

from __future__ import annotations

import os
import stat

import pytest

from app import paths
from app.errors import UserFacingError
from app.fleet.server import ServeSettings, generator_options, replica_cpus, require_ray_auth


def test_the_serve_table_is_read_and_a_wrong_value_is_ignored_not_fatal():
    path = paths.config_dir() / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '[serve]\nport = 9000\nreplicas = 2\nrate_per_minute = 10\nhost = 5\nmax_queued = -3\nwho = "x"\n'
        'keepalive_s = 2\nray_address = "auto"\n'
    )
    settings = ServeSettings.from_file()
    assert (settings.port, settings.replicas, settings.rate_per_minute) == (9000, 2, 10.0)
    assert (settings.keepalive_s, settings.ray_address) == (2.0, "auto")
    assert (settings.host, settings.max_queued) == ("127.0.0.1", 8)  # the wrong values kept their defaults
    flagged = settings.with_flags(port=9100, host=None)
    assert (flagged.port, flagged.host, flagged.url) == (9100, "127.0.0.1", "http://127.0.0.1:9100")


def test_a_missing_or_damaged_settings_file_gives_the_defaults():
    path = paths.config_dir() / "settings.toml"
    assert ServeSettings.from_file(path) == ServeSettings()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[serve\nport = ")
    assert ServeSettings.from_file(path) == ServeSettings()


def test_replicas_gpus_and_autoscaling_become_ray_serve_options():
    fixed = generator_options(ServeSettings(replicas=2, gpus_per_replica=1.0, max_queued=4))
    assert fixed["num_replicas"] == 2 and fixed["max_ongoing_requests"] == 1 and fixed["max_queued_requests"] == 4
    assert fixed["ray_actor_options"]["num_gpus"] == 1.0
    scaling = generator_options(ServeSettings(replicas=1, max_replicas=4, gpus_per_replica=0.0))
    assert "num_replicas" not in scaling
    assert scaling["autoscaling_config"]["max_replicas"] == 4 and scaling["autoscaling_config"]["min_replicas"] == 1


def test_images_per_pass_lets_that_many_jobs_into_a_replica_and_autoscaling_waits_for_full_passes():
    assert generator_options(ServeSettings(images_per_pass=4, gpus_per_replica=1.0))["max_ongoing_requests"] == 4
    assert generator_options(ServeSettings(images_per_pass=99, gpus_per_replica=1.0))["max_ongoing_requests"] == 16
    scaling = generator_options(ServeSettings(images_per_pass=4, max_replicas=3, gpus_per_replica=1.0))
    assert scaling["autoscaling_config"]["target_ongoing_requests"] == 4
    path = paths.config_dir() / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[serve]\nimages_per_pass = 8\n")
    assert ServeSettings.from_file().images_per_pass == 8


def test_a_cpu_replica_gets_its_share_of_the_cores_and_a_gpu_replica_one():
    # one thread per replica made a CPU server 2.5 times slower than the desktop app on the same machine
    assert replica_cpus(ServeSettings(replicas=1, gpus_per_replica=0.0), cores=16) == 16
    assert replica_cpus(ServeSettings(replicas=3, gpus_per_replica=0.0), cores=16) == 5
    assert replica_cpus(ServeSettings(replicas=1, max_replicas=4, gpus_per_replica=0.0), cores=16) == 4
    assert replica_cpus(ServeSettings(replicas=8, gpus_per_replica=0.0), cores=4) == 1
    assert replica_cpus(ServeSettings(replicas=2, gpus_per_replica=1.0), cores=16) == 1
    assert replica_cpus(ServeSettings(cpus_per_replica=3.0, gpus_per_replica=0.0), cores=16) == 3
    options = generator_options(ServeSettings(replicas=2, gpus_per_replica=0.0), cores=8)
    assert options["ray_actor_options"] == {"num_gpus": 0.0, "num_cpus": 4.0}


def test_the_server_will_not_start_with_rays_authentication_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    with pytest.raises(UserFacingError) as refused:
        require_ray_auth(tmp_path)
    assert "RAY_AUTH_MODE=disabled" in str(refused.value.msg) and not (tmp_path / "serve").exists()


def test_rays_token_is_made_once_owner_only_unless_the_operator_gave_the_clusters(monkeypatch, tmp_path):
    for key in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH"):
        monkeypatch.delenv(key, raising=False)
    path = require_ray_auth(tmp_path)
    assert path == tmp_path / "serve" / "ray_auth_token" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.environ["RAY_AUTH_MODE"] == "token" and os.environ["RAY_AUTH_TOKEN_PATH"] == str(path)
    first = path.read_text()
    monkeypatch.delenv("RAY_AUTH_TOKEN_PATH")
    assert require_ray_auth(tmp_path) == path and path.read_text() == first  # the same token at every start
    monkeypatch.setenv("RAY_AUTH_TOKEN_PATH", "/etc/sm6-server/ray_token")  # a cluster's, copied to every machine
    assert require_ray_auth(tmp_path / "other") is None and not (tmp_path / "other").exists()
