"""Run every benchmark (`python -m benchmarks`) or the named ones (`python -m benchmarks grant`)."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

# Beancount's pickle cache would time a cache read, not a load, and ignores plugin changes.
os.environ["BEANCOUNT_DISABLE_LOAD_CACHE"] = "1"


def main(argv: list[str]) -> None:
    """Run the benchmarks named in `argv` (all of them when none is named)."""
    available = sorted(
        path.stem.removeprefix("bench_") for path in Path(__file__).parent.glob("bench_*.py")
    )
    for name in argv or available:
        if name not in available:
            raise SystemExit(f"unknown benchmark {name!r}: choose from {', '.join(available)}")
        print(f"== {name} ==", flush=True)
        importlib.import_module(f"benchmarks.bench_{name}").main()
        print(flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
