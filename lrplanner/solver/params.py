"""Solver parameters, loadable from a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class SolveParams:
    """Tuning knobs of :func:`lrplanner.solver.solve.solve`.

    Parameters
    ----------
    segment_iterations
        PyVRP iterations without improvement after which a search segment
        ends and the next one starts from a perturbed best solution.
    max_segment_iterations
        Upper bound on PyVRP iterations per segment.
    local_search
        Run the insert/swap post-optimisation after each segment.
    progress_interval
        Minimum seconds between two progress reports with the same score.
    prize_scale
        Worth of one score unit in PyVRP, in mean arc lengths; 0 makes the
        score dominate every distance.
    penalty_scale
        Price of one unit of time warp in PyVRP, relative to the prize per
        unit of visit time; 0 keeps PyVRP's default penalty range.
    fresh_every
        Every ``fresh_every``-th segment starts from scratch instead of the
        best plan (diversification); 0 never does.
    portfolio
        Chained tours: how many of the most promising hotel sequences are
        solved with their hotels fixed before the main search (0 = none; it
        also turns off the fixed-hotel intensification after each segment).
    portfolio_iterations
        PyVRP iterations without improvement that end one screening run of
        the portfolio (at most three times as many in all).
    portfolio_keep
        How many of the screened sequences get a normal-length run.
    portfolio_keep_iterations
        Iterations without improvement that end such a run; 0 = the normal
        segment length.
    portfolio_pool
        How many ranked hotel sequences are kept for screening in all.
    portfolio_step
        Sequences screened per main-loop round after the first ones.
    portfolio_margin
        A screened sequence within this many percent of the best score gets
        a normal-length run.
    one_route_every
        Chained tours with a portfolio: every ``one_route_every``-th main-loop
        round runs the one-route model (hotels free) instead of a portfolio
        step; 0 never does. Without a portfolio every round does.
    workers
        Processes searching at once: the calling one plus ``workers - 1``
        helper processes with other seeds whose better plans the main search
        adopts (see :mod:`lrplanner.solver.parallel`). 1 = no helpers, and
        results reproducible for a seed and an iteration-based stop.
    polish
        After the search, apply improving single insertions and swaps (with
        the nights around the day re-chosen) until none is left, see
        :mod:`lrplanner.solver.polish`; it takes up to a tenth of the
        search's time more.
    segment_copies
        At most this many PyVRP clients (site-window copies) per one-route
        segment; when the sites have more, a segment gets the best plan's
        sites plus a seeded, value-weighted draw of the others (0 = no cap).
        PyVRP's set-up before its first stop check grows with the square of
        the clients (measured: 1,650 clients 0.7 s, 4,000 clients 4.9 s,
        10,400 clients 32 s), and nothing can stop it, so this bounds how
        long a cancel or deadline waits.
    probes
        When the search has stalled (no better plan for a quarter of its
        time so far, and at least ``PROBE_IDLE_S``), try this many
        unvisited sites, the most promising first, each by a short search
        (``probe_seconds``) with that site required: a plan that needs
        several days reworked to take in one site (new nights, another
        order) is found that way, and kept when it scores higher (0 = no
        probes).
    probe_seconds
        The time of one probe.
    stale_loops
        End the search once this many rounds in a row (a PyVRP segment, a
        portfolio step) found no better plan (0 = search until stopped). A
        probe ends so on a small route, where its first rounds already
        settle and ``probe_seconds`` would leave the main search waiting.

    Raises
    ------
    ValueError
        When a count is not positive.
    """

    segment_iterations: int = 4000
    max_segment_iterations: int = 50_000
    local_search: bool = True
    progress_interval: float = 0.1
    prize_scale: float = 0.0
    penalty_scale: float = 0.0
    fresh_every: int = 2
    portfolio: int = 8
    portfolio_iterations: int = 80
    portfolio_keep: int = 4
    portfolio_keep_iterations: int = 1000
    portfolio_pool: int = 64
    portfolio_step: int = 4
    portfolio_margin: float = 3.0
    one_route_every: int = 2
    workers: int = 1
    segment_copies: int = 1600
    polish: bool = False
    probes: int = 0
    probe_seconds: float = 0.8
    stale_loops: int = 0

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be >= 1")
        if self.segment_iterations <= 0 or self.max_segment_iterations <= 0:
            raise ValueError("iteration counts must be positive")
        if self.segment_copies < 0:
            raise ValueError("segment_copies must be >= 0")
        if self.stale_loops < 0:
            raise ValueError("stale_loops must be >= 0")
        if self.probes < 0 or self.probe_seconds <= 0:
            raise ValueError("probes must be >= 0 and probe_seconds > 0")
        if self.progress_interval < 0:
            raise ValueError("progress_interval must be >= 0")

    @classmethod
    def from_toml(cls, path: str | Path) -> SolveParams:
        """Read parameters from the ``[solver]`` table of a TOML file.

        Parameters
        ----------
        path
            File to read. Unknown keys raise.

        Returns
        -------
        SolveParams
            Defaults for keys not given.

        Raises
        ------
        ValueError
            On unknown keys.
        """
        with Path(path).open("rb") as fh:
            table = tomllib.load(fh).get("solver", {})
        known = {f.name for f in fields(cls)}
        unknown = set(table) - known
        if unknown:
            raise ValueError(f"unknown solver parameters: {sorted(unknown)}")
        return cls(**table)
