"""Write the engine problems of the sample routes as JSON (bench/lr/*.json).

The solver can then be tuned on real Learning Route instances without the
planner: ``python -m bench.lr_export`` then load with ``bench.lr_export.load``.
"""

from __future__ import annotations

import json
from pathlib import Path

from lrplanner.core.codec import decode, encode
from lrplanner.importers import read_inputs
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.build import build_model
from lrplanner.solver.problem import ProblemData

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ("mekong", "south_asia")


def export(name: str) -> Path:
    """Build the sample's engine problem and write it to bench/lr/NAME.json."""
    project = read_inputs(ROOT / "sample_data" / f"{name}.xlsx").project
    assert project is not None, f"{name} does not import"
    model = build_model(project, TravelNetwork.from_project(project))
    target = ROOT / "bench" / "lr" / f"{name}.json"
    target.write_text(json.dumps(encode(model.data)), encoding="utf-8")
    return target


def load(path: Path) -> ProblemData:
    """Read an engine problem written by :func:`export`."""
    return decode(ProblemData, json.loads(path.read_text(encoding="utf-8")))


if __name__ == "__main__":
    for sample in SAMPLES:
        print(export(sample))
