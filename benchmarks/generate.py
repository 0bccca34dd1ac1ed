"""A synthetic archive of N issues made from the seed issues, for benchmarks.

Each synthetic issue recombines whole articles of the seeds (a different mix per issue), and
is dated by its file name (wlrb_YYYYMMDD.txt), one issue a day from 2004 on, with the years
printed in the text shifted to match — so periods and dates resolve across twenty years the
way a real archive's would. Deterministic: the same N and seed give the same files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

from orchestration.settings import PROJECT_ROOT

SEED_DIR = PROJECT_ROOT / "raw"
_BLOCK_GAP = re.compile(r"\n\s*\n\s*\n\s*\n")  # articles in the seeds sit between 3+ blank lines
_YEAR = re.compile(r"20[0-3]\d(?=年)")


def seed_blocks(seed_dir: Path = SEED_DIR) -> list[str]:
    blocks = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks += [b.strip("\n") for b in _BLOCK_GAP.split(text) if len(b.strip()) > 200]
    return blocks


def _shift_years(text: str, shift: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), text)


def generate_archive(out_dir: Path, n_issues: int, seed: int = 20240823, start: dt.date = dt.date(2004, 1, 1)) -> list[Path]:
    rng = random.Random(seed)
    blocks = seed_blocks()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    day = start
    for _ in range(n_issues):
        day += dt.timedelta(days=rng.choice((1, 1, 1, 2)))  # ~300 issues a year
        picked = rng.sample(blocks, k=min(len(blocks), rng.randint(4, 7)))
        text = "\n\n\n\n".join(_shift_years(b, day.year - 2024) for b in picked) + "\n"
        path = out_dir / f"wlrb_{day:%Y%m%d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20240823)
    args = parser.parse_args()
    paths = generate_archive(args.out_dir, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} issues, {size / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
