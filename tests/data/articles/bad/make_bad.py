"""Write the malformed input articles in this folder, deterministically.

Each file exercises one failure path of ingest:

  empty.txt       0 bytes
  utf16.txt       a short Vietnamese article in UTF-16 little-endian with BOM (FF FE)
  cp1258.txt      the same article in Windows-1258, which writes Vietnamese tone
                  marks as combining characters after the letter (so the text is
                  decomposed before encoding; base letters â ê ô ă ơ ư đ stay precomposed)
  binary.txt      bytes(range(256)) twice with a run of NUL bytes: not text at all
  title_only.txt  a single title line and nothing else

Run:  python tests/data/articles/bad/make_bad.py   (rewrites the files; the output is
byte-identical on every run and platform).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

ARTICLE = (
    "Quảng Nam đón hơn 7 triệu lượt khách du lịch\n"
    "\n"
    "15/12/2023\n"
    "Theo Sở Văn hóa, Thể thao và Du lịch Quảng Nam, năm 2023 tỉnh đón hơn 7 triệu lượt "
    "khách, tăng gần 60% so với năm trước. Phố cổ Hội An và Khu đền tháp Mỹ Sơn vẫn là "
    "những điểm đến thu hút nhiều du khách quốc tế nhất.\n"
    "\n"
    "Ông Nguyễn Thanh Hồng, Giám đốc Sở, cho biết tỉnh sẽ tiếp tục phát triển các sản phẩm "
    "du lịch đêm và du lịch cộng đồng trong năm 2024.\n"
    "\n"
    "Minh Hải\n"
)

TITLE_ONLY = "Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 11\n"

# Tone marks that Windows-1258 writes as separate combining characters.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258_form(text: str) -> str:
    """Split off tone marks, keep the rest precomposed: the form Windows-1258 can encode."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(p for p in parts if p in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out)


def build() -> dict[str, bytes]:
    binary = bytes(range(256)) + b"\x00" * 64 + bytes(reversed(range(256)))
    return {
        "empty.txt": b"",
        "utf16.txt": b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        "cp1258.txt": to_cp1258_form(ARTICLE).encode("cp1258"),
        "binary.txt": binary,
        "title_only.txt": TITLE_ONLY.encode("utf-8"),
    }


def main() -> None:
    for name, data in build().items():
        (HERE / name).write_bytes(data)
    # The cp1258 bytes must not be valid UTF-8, or the file would not test decoding.
    try:
        (HERE / "cp1258.txt").read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        raise SystemExit("cp1258.txt unexpectedly decodes as UTF-8")
    roundtrip = (HERE / "cp1258.txt").read_bytes().decode("cp1258")
    assert unicodedata.normalize("NFC", roundtrip) == ARTICLE


if __name__ == "__main__":
    main()
