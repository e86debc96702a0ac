"""Throughput of the rules recogniser: characters per second over ~2 MB of generated articles.

    .venv/bin/python benchmarks/recognise.py [--megabytes 2] [--seed 1] [--repeat 1]

Articles are built from sentence templates filled with names, organisations,
places, dates and plain words (deterministic for a seed), each about 3 kB,
the size of a news article, so the figure includes per-article work. The
gazetteers are loaded before timing starts (once per process, as in use).
On a shared machine, --repeat 3 reports the best of three runs (the least
disturbed by other processes), and the CPU-time figure is the one to trust.
"""

from __future__ import annotations

import argparse
import random
import time

from teikit.recognise.base import Context
from teikit.recognise.rules import default_recogniser

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà"]
GIVEN = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hồng", "Anh", "Thu", "Hải", "Lan", "Tuấn", "Kim"]
ORGS = ["Bộ Công an", "Ủy ban nhân dân tỉnh Nghệ An", "Sở Y tế Hà Nội", "Ban Bí thư", "Bộ Chính trị",
        "Công ty Cổ phần Sông Hồng", "UBND TP.HCM", "Mặt trận Tổ quốc Việt Nam (MTTQVN)", "MTTQVN",
        "Ngân hàng Nhà nước", "Tổ chức Y tế Thế giới (WHO)", "Đảng ủy Công an Trung ương"]
PLACES = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Nhật Bản", "Hoa Kỳ", "Lâm Đồng", "huyện Mường Lát"]
ROLES = ["Bộ trưởng", "Thứ trưởng", "Chủ tịch", "Phó Chủ tịch", "Đại tướng", "Giám đốc", "ông", "bà", "đồng chí"]
DATES = ["ngày 31/7/2013", "sáng 20/7", "năm 2012", "tháng 8/2014", "từ ngày 1/8 đến ngày 5/8/2013",
         "giai đoạn 2011-2015", "ngày 20, 21 và 24/7", "10 năm"]
WORDS = ("công tác phong trào toàn dân bảo vệ an ninh trật tự đã được triển khai hiệu quả trong thời gian qua "
         "với sự tham gia tích cực của các cấp các ngành và nhân dân địa phương góp phần phát triển kinh tế "
         "xã hội lần thứ 7 số 09-CT/TW điện thoại 0912.345.678").split()


def sentence(rng: random.Random) -> str:
    person = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"
    filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 15)))
    templates = [
        f"{rng.choice(DATES).capitalize()}, tại {rng.choice(PLACES)}, {rng.choice(ROLES)} {person} làm việc với {rng.choice(ORGS)} về {filler}.",
        f"{rng.choice(ROLES).capitalize()} {rng.choice(ORGS)} {person} cho biết {filler}.",
        f"Theo {rng.choice(ORGS)}, {filler} ở {rng.choice(PLACES)} {rng.choice(DATES)}.",
        f"{filler.capitalize()} của {rng.choice(ORGS)} và {rng.choice(ORGS)}.",
    ]
    return rng.choice(templates)


def article(rng: random.Random, size: int = 3000) -> str:
    blocks, length = [], 0
    while length < size:
        block = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        blocks.append(block)
        length += len(block) + 2
    return "\n\n".join(blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0, help="amount of text to recognise")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the generated text")
    parser.add_argument("--repeat", type=int, default=1, help="runs over the same text; the best is reported")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts, total = [], 0
    while total < args.megabytes * 1_000_000:
        texts.append(article(rng))
        total += len(texts[-1])
    recogniser = default_recogniser()
    recogniser.find("Bộ Công an", Context())  # gazetteers load here, outside the timing
    context = Context(reference_date="2013-07-31", author="Phạm Linh")
    elapsed = cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        started, started_cpu = time.perf_counter(), time.process_time()
        mentions = sum(len(recogniser.find(t, context)) for t in texts)
        elapsed = min(elapsed, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    print(f"articles: {len(texts)}  characters: {total:,}  mentions: {mentions:,}")
    print(f"time: {elapsed:.2f} s  throughput: {total / elapsed:,.0f} chars/s")
    # CPU time of this process: the figure to trust on a machine other processes share
    print(f"cpu time: {cpu:.2f} s  throughput: {total / cpu:,.0f} chars/s of CPU")


if __name__ == "__main__":
    main()
