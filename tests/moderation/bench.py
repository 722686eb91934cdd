"""Throughput of scan() with every rule on: a measurement, not a test.

    .venv/bin/python -m tests.moderation.bench [--sizes 0.25 1 4] [--repeat 3]

The text is the five seed articles (../shared/seeds) repeated to each size, or the sentence table
when the seeds are absent. CPU time (process_time) of the best of --repeat runs is reported, so
other work on the machine does not skew it; one core, no parallelism.
"""

import argparse
import time
from pathlib import Path

from moderation import RuleConfig, scan
from reference.tables import reference_data

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def corpus() -> tuple[str, str]:
    files = sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []
    if files:
        return "\n\n".join(p.read_text(encoding="utf-8") for p in files), "seed articles"
    from tests.moderation.sentences import SENTENCES

    return "\n\n".join(text for text, _ in SENTENCES), "sentence table"


def measure(text: str, repeat: int) -> tuple[float, float, int]:
    reference, config = reference_data(), RuleConfig.defaults()
    best_cpu = best_wall = float("inf")
    flags = 0
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = scan(text, reference=reference, config=config)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
        flags = len(result.flags)
    return best_cpu, best_wall, flags


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 1.0, 4.0], help="MB of text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    base, name = corpus()
    scan(base, reference=reference_data())  # compile the patterns and tries once, as a long-running process would have
    print(f"corpus: {name}, {len(base.encode()) / 1e6:.3f} MB per copy")
    print(f"{'MB':>6} {'CPU s':>7} {'MB/s (CPU)':>11} {'wall s':>7} {'flags':>7}")
    for size in args.sizes:
        copies = max(1, round(size * 1e6 / len(base.encode())))
        text = "\n\n".join([base] * copies)
        mb = len(text.encode()) / 1e6
        cpu, wall, flags = measure(text, args.repeat)
        print(f"{mb:6.2f} {cpu:7.2f} {mb / cpu:11.2f} {wall:7.2f} {flags:7d}")


if __name__ == "__main__":
    main()
