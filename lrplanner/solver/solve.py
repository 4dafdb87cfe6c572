"""The solver entry point: ``solve(data, stop, ...) -> Result``.

It composes the pieces, as PyVRP's ``solve`` does: the search of one process
(:mod:`lrplanner.solver.search`) and, with ``SolveParams.workers`` above 1,
the helper processes that run the same search with other seeds
(:mod:`lrplanner.solver.parallel`) and send it their better plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver.parallel import Team
from lrplanner.solver.params import SolveParams
from lrplanner.solver.search import search

if TYPE_CHECKING:
    from lrplanner.solver.problem import ProblemData
    from lrplanner.solver.progress import ProgressSink
    from lrplanner.solver.result import Result
    from lrplanner.solver.schedule import Plan
    from lrplanner.solver.stop import StoppingCriterion


def solve(
    data: ProblemData,
    stop: StoppingCriterion,
    *,
    params: SolveParams | None = None,
    seed: int = 0,
    on_progress: ProgressSink | None = None,
    start: Plan | None = None,
) -> Result:
    """Find tours that maximise the total score.

    Parameters
    ----------
    data
        The instance.
    stop
        Asked with the best score so far whether to stop; also checked before
        the first segment, so a pre-set cancel returns at once.
    params
        Tuning; defaults to ``SolveParams()``.
    seed
        Random seed; equal seeds and iteration-based stops give equal results
        when ``params.workers`` is 1 (with helpers, when a helper's plan
        arrives depends on timing).
    on_progress
        Receives :class:`SolveProgress` reports (throttled).
    start
        A plan to start from (e.g. the current one after a change); tours it
        cannot time lose their optional visits first. The search never
        returns worse than what remains of it.

    Returns
    -------
    Result
        The best plan found, with status ``cancelled`` when a cancel token
        stopped the search.
    """
    params = params or SolveParams()
    helpers = params.workers - 1
    if helpers <= 0:
        return search(
            data, stop, params=params, seed=seed, on_progress=on_progress, start=start
        )
    with Team(data, params, seed, helpers) as team:
        return search(
            data,
            stop,
            params=params,
            seed=seed,
            on_progress=on_progress,
            team=team,
            start=start,
        )
