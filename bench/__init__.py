"""Benchmarks, run with `make bench`; each bench_*.py module exposes run() -> list of lines."""
