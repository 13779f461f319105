"""The benchmarks stay runnable: `make bench` is how every speed figure in the README is made."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCHMARKS = sorted(
    path.stem for path in (Path(__file__).parent.parent / "benchmarks").glob("bench_*.py")
)


@pytest.mark.parametrize("name", BENCHMARKS)
def test_each_benchmark_imports_and_has_a_main(name: str) -> None:
    """A benchmark whose imports broke fails here, not first in `make bench`."""
    module = importlib.import_module(f"benchmarks.{name}")
    assert callable(module.main)
