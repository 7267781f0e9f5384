"""Print the facts hzner finds in a newspaper page (the shipped one by default).

Usage: python examples/extract_page.py [PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

import hzner

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else HERE / "newspaper_page.txt"
    facts = hzner.extract(path.read_text(encoding="utf-8"))
    print(f"{path.name}: {len(facts.money)} MONEY, {len(facts.parks)} PARK, "
          f"{len(facts.projects)} PROJECT, {len(facts.orgs)} ORG")  # fmt: skip
    for money in facts.money:
        print(f"MONEY    {money.text!r:<16} {money.value} {money.currency} "
              f"bound={money.bound.value} role={money.role.value}")  # fmt: skip
    for park in facts.parks:
        print(f"PARK     {park.text!r:<16} zone={park.zone} kind={park.kind.value} "
              f"province={park.province} city={park.city}")  # fmt: skip
    for project in facts.projects:
        investment = project.investment.text if project.investment else None
        park = project.park.text if project.park else None
        status = project.status.value if project.status else None
        company = project.company.text if project.company else None
        print(f"PROJECT  {project.text!r} status={status} investment={investment} park={park} "
              f"company={company}")  # fmt: skip
    for org in facts.orgs:
        print(f"ORG      {org.text!r} full={org.full}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
