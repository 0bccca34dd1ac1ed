"""The floor: plain `jieba.cut` over the same text, in one process (dictionary load excluded)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import jieba


def main(raw_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw_dir.glob("*.txt"))]
    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    n_tokens = sum(1 for text in texts for _ in jieba.cut(text))
    seconds = time.perf_counter() - started
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    sys.stdout.write(json.dumps({"floor_s": round(seconds, 2), "mb": round(mb, 2), "tokens": n_tokens}) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
