"""Write tests/differential/corpus.jsonl, the fixed calls of the differential test.

    .venv/bin/python scripts/generate_differential_corpus.py [--count N] [--seed N]

Run it again only to change the corpus on purpose (the file is committed, so every run and
every machine checks the same calls; the test adds fresh ones of its own each run).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "differential"))

import inputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()
    written = inputs.write_corpus(args.count, args.seed)
    print(f"{inputs.CORPUS}: {written} calls", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
