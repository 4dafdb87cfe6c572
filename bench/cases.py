"""Benchmark case lists and best-known values."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

SHARED = Path("/work/shared/bench")

TOPTW_DEFAULT = ("c103", "c206", "r104", "r207", "rc105", "rc203", "pr02", "pr16")
OPHS_DEFAULT = (
    "T1-70-2-3",
    "T3-75-3-4",
    "64-60-1-2",
    "66-55-1-2",
    "100-35-2-3",
    "102-50-1-2",
    "64-65-5-3",
    "T1-73-6-4",
    "66-125-5-3",
    "102-60-6-4",
    "100-45-6-4",
    "64-80-10-4",
    "64-80-12-4",
    "64-80-15-4",
    "64-80-15-6",
)


MCTOPMTW_DEFAULT = (
    "MCTOPMTW-1-c101",
    "MCTOPMTW-2-r102",
    "MCTOPMTW-3-rc103",
    "MCTOPMTW-4-c104",
    "MCTOPMTW-2-pr01",
    "MCTOPMTW-3-pr03",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One benchmark run: a family, an instance file and (TOPTW) m."""

    family: str
    name: str
    path: Path
    tours: int = 0
    best_known: int | None = None
    pyvrp: int | None = None
    ortools: int | None = None
    grils_average: float | None = None

    @property
    def label(self) -> str:
        """Instance name plus m for TOPTW."""
        return f"{self.name} m={self.tours}" if self.family == "toptw" else self.name


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def toptw_cases(root: Path, names: tuple[str, ...] | None) -> list[Case]:
    """Return TOPTW cases for ``names`` (all 76 instances when None), m = 1..4."""
    bks = {(r["instance"], int(r["m"])): int(r["bks"]) for r in _csv(root / "bks.csv")}
    base = _csv(root / "pyvrp_baseline_results.csv")
    pyv = {(r["instance"], int(r["m"])): int(r["pyvrp"]) for r in base}
    ort = {
        (r["instance"], int(r["m"])): int(r["ortools"])
        for r in _csv(root / "ortools_baseline_results.csv")
    }
    files = sorted((root / "solomon100").glob("*.txt")) + sorted(
        (root / "cordeau").glob("*.txt")
    )
    out = []
    for f in files:
        if names is not None and f.stem not in names:
            continue
        for m in range(1, 5):
            key = (f.stem, m)
            known = max(bks.get(key, 0), pyv.get(key, 0)) or None
            out.append(
                Case(
                    family="toptw",
                    name=f.stem,
                    path=f,
                    tours=m,
                    best_known=known,
                    pyvrp=pyv.get(key),
                    ortools=ort.get(key),
                )
            )
    return out


def ophs_cases(root: Path, names: tuple[str, ...] | None) -> list[Case]:
    """Return OPHS cases for ``names`` (all instances with a bks when None)."""
    bks = {r["instance"]: int(r["bks"]) for r in _csv(root / "bks.csv")}
    files = {
        Path(r["file"]).stem: root / r["file"] for r in _csv(root / "MANIFEST.csv")
    }
    chosen = names if names is not None else tuple(sorted(bks))
    return [
        Case(family="ophs", name=n, path=files[n], best_known=bks.get(n))
        for n in chosen
    ]


def mctopmtw_cases(root: Path, names: tuple[str, ...] | None) -> list[Case]:
    """Return MCTOPMTW cases for ``names`` (all 148 files when None)."""
    out = []
    for r in _csv(root / "benchmark.csv"):
        path = root / r["instance_file"]
        if names is not None and path.stem not in names:
            continue
        out.append(
            Case(
                family="mctopmtw",
                name=path.stem,
                path=path,
                tours=int(r["m"]),
                best_known=int(float(r["benchmark"])),
                grils_average=float(r["average"]),
            )
        )
    return out
