"""Use hzner as a spaCy pipeline: entities, typed values on spans, saving.

Usage: python examples/spacy_pipeline.py
"""

from __future__ import annotations

import tempfile

import spacy

import hzner


def main() -> int:
    nlp = hzner.load()
    doc = nlp("长通智能制造产业基地项目落户贵阳高新区,总投资5.8亿元。")
    for ent in doc.ents:
        typed = ent._.money or ent._.park or ent._.project or ent._.org
        print(ent.label_, ent.text, typed)
    with tempfile.TemporaryDirectory() as folder:
        nlp.to_disk(folder)
        again = spacy.load(folder)
        assert [e.text for e in again(doc.text).ents] == [e.text for e in doc.ents]
    print("saved and reloaded: same entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
