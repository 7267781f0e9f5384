"""Every Python code block in README.md and docs/ runs (and its asserts hold)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_docs_code_blocks_run(page: Path, pkuseg_model: Path) -> None:
    # The pages show `hzner.load()`, which needs the model `hzner download` fetches.
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(blocks, start=1):
        try:
            exec(compile(block, f"{page.name}#block{number}", "exec"), namespace)
        except Exception as error:  # pragma: no cover - the message is the point
            pytest.fail(f"{page.name} block {number} failed: {error!r}\n{block}")


def test_docs_pages_have_code() -> None:
    assert any(BLOCK.search(page.read_text(encoding="utf-8")) for page in PAGES)
