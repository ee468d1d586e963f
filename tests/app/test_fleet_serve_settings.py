"""The generation server's settings (issue 20): the `[serve]` table of its settings.toml, the `serve` flags over
it, and the Ray Serve options they make (replicas or autoscaling, GPUs per replica, the queue bound)."""

from __future__ import annotations

from app import paths
from app.fleet.server import ServeSettings, generator_options


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
