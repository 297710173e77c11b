"""First and second run of `tandem match` on the demo programme (embedding cache reuse).

Usage:
    python benchmarks/bench_cli.py [--runs 2]

Each run is a fresh process (`python -m recommender match --people ... --notes ...`), as a
scheduled job would start it; the first one has an empty embedding cache. Prints the wall
times and their ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "recommender" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--model", default="use-multilingual")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "recommender", "match", "-q", "--people",
                 str(DATA / "demo_people.csv"), "--notes", str(DATA / "demo_notes.csv"),
                 "--out", f"{tmp}/out{run}", "--cache", f"{tmp}/cache", "--model", args.model],
                check=True, cwd=ROOT)
            times.append(time.perf_counter() - start)
            label = "first run (empty cache)" if run == 0 else f"run {run + 1} (cached)"
            print(f"{label:<26}{times[-1]:6.2f} s")
        same = all((Path(tmp) / f"out{i}" / "pairs.csv").read_bytes()
                   == (Path(tmp) / "out0" / "pairs.csv").read_bytes() for i in range(args.runs))
        print(f"second run is {times[0] / times[1]:.1f}x faster; identical pairs.csv: {same}")


if __name__ == "__main__":
    main()
