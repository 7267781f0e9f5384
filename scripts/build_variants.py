"""Build hzner/data/text/variants.tsv: traditional characters and their simplified forms.

Usage: python scripts/build_variants.py PATH/TO/TSCharacters.txt

The input is OpenCC's character table (traditional to simplified, Apache
License 2.0; shipped by the opencc-python-reimplemented package under
opencc/dictionary/). Only one-to-one correspondences between characters in
the Basic Multilingual Plane are kept, so that normalization maps one
character to one character and offsets stay exact; where OpenCC lists
several simplified candidates, the first is taken.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "hzner" / "data" / "text" / "variants.tsv"


def main(argv: list[str]) -> int:
    source = Path(argv[1])
    pairs: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        traditional, simplified = line.split("\t")[:2]
        target = simplified.split()[0]
        if len(traditional) != 1 or len(target) != 1 or traditional == target:
            continue
        if ord(traditional) > 0xFFFF or ord(target) > 0xFFFF:
            continue
        pairs[traditional] = target
    header = "# traditional\tsimplified (see SOURCE.md)\n"
    body = "".join(f"{t}\t{s}\n" for t, s in sorted(pairs.items()))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(pairs)} pairs written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
