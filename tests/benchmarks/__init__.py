"""Benchmarks: run with `scripts/bench.sh` (not part of the test run). Each figure is a ratio against a baseline
measured in the same run, because this machine is shared and noisy."""
