"""Benchmarks: `make bench` (or `python -m benchmarks [NAME...]`) prints figures side by side."""
