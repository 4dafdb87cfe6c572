"""Tests for stopping criteria, progress throttling and parameter files."""

from __future__ import annotations

import pytest

from lrplanner.solver.params import SolveParams
from lrplanner.solver.progress import SolveProgress, Throttle
from lrplanner.solver.stop import (
    AnyOf,
    Cancelled,
    CancelToken,
    MaxIterations,
    MaxRuntime,
    is_cancel,
)


def test_max_iterations_counts_calls():
    """Tests that MaxIterations(2) answers False twice, then True."""
    stop = MaxIterations(2)
    assert [stop(0), stop(0), stop(0)] == [False, False, True]


def test_max_runtime_zero_stops_at_once():
    """Tests that a zero runtime limit stops on the first call."""
    assert MaxRuntime(0)(0) is True


def test_negative_limits_are_rejected():
    """Tests that negative limits raise ValueError."""
    with pytest.raises(ValueError, match="not understood"):
        MaxRuntime(-1)
    with pytest.raises(ValueError, match="not understood"):
        MaxIterations(-1)


def test_cancel_token_drives_cancelled_and_any_of():
    """Tests that a cancelled token stops Cancelled and AnyOf and is detected."""
    token = CancelToken()
    stop = AnyOf(MaxIterations(100), Cancelled(token))
    assert stop(0) is False
    assert is_cancel(stop) is False
    token.cancel()
    assert stop(0) is True
    assert is_cancel(stop) is True


def test_throttle_passes_improvements_and_drops_repeats():
    """Tests that the throttle forwards better scores and drops quick repeats."""
    seen: list[SolveProgress] = []
    sink = Throttle(seen.append, min_interval_s=60)
    for score in (1, 1, 1, 2, 2):
        sink(SolveProgress(best_score=score, elapsed=0.0))
    assert [p.best_score for p in seen] == [1, 2]


def test_params_from_toml(tmp_path):
    """Tests that SolveParams reads the [solver] table of a TOML file."""
    path = tmp_path / "p.toml"
    path.write_text("[solver]\nsegment_iterations = 7\nlocal_search = false\n")
    params = SolveParams.from_toml(path)
    assert (params.segment_iterations, params.local_search) == (7, False)


def test_params_from_toml_rejects_unknown_keys(tmp_path):
    """Tests that an unknown parameter name raises ValueError."""
    path = tmp_path / "p.toml"
    path.write_text("[solver]\nspeed = 3\n")
    with pytest.raises(ValueError, match="unknown"):
        SolveParams.from_toml(path)
