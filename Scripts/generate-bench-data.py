#!/usr/bin/env python3
"""Synthetic combined submissions for `make bench` (Scripts/bench.sh), deterministic.

  generate-bench-data.py simple N FILE     20 events per body, codes B0000001, ASCII, body order
  generate-bench-data.py realistic N FILE  the realistic shape: every municipality of Japan
                                           (1,741 real codes, names and kinds from
                                           data/japan-local-governments.csv), Japanese event
                                           names, rows interleaved across bodies (row i belongs
                                           to body i mod 1,741), as a combined file would be
"""
import csv
import random
import sys
from pathlib import Path

HEADER = "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t\n"
MUNICIPAL = {"city", "town", "village", "ward"}
NAMES = ["環境フェア", "市民マラソン", "夏まつり", "産業祭", "清掃活動", "省エネ講座", "花火大会", "音楽祭"]


def simple(n, out):
    rng = random.Random(42)
    out.write(HEADER)
    for i in range(n):
        b = i // 20
        out.write(f"B{b:07d},Body {b},other,E{i % 20:02d},Event {i % 20} of body {b},"
                  f"2011-{i % 12 + 1:02d}-{i % 28 + 1:02d},{rng.randrange(5)}.{rng.randrange(1000):03d}\n")


def realistic(n, out):
    table = Path(__file__).resolve().parent.parent / "data" / "japan-local-governments.csv"
    with table.open(encoding="utf-8") as f:
        bodies = [(r["body_code"], r["body_name"], r["kind"]) for r in csv.DictReader(f)
                  if r["kind"] in MUNICIPAL]
    rng = random.Random(42)
    out.write(HEADER)
    count = len(bodies)
    for i in range(n):
        code, name, kind = bodies[i % count]
        e = i // count
        out.write(f"{code},{name},{kind},E{e:04d},{NAMES[e % len(NAMES)]}第{e + 1}回,"
                  f"2011-{i % 12 + 1:02d}-{i % 28 + 1:02d},{rng.randrange(5)}.{rng.randrange(1000):03d}\n")


def main():
    shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, "w", encoding="utf-8", newline="") as out:
        {"simple": simple, "realistic": realistic}[shape](n, out)


if __name__ == "__main__":
    main()
