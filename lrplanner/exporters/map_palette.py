"""The day colours of the map: 24 distinguishable colours, one per day.

Tableau's ten (less its grey, which reads as "switched off") come first, so
short routes look as before; the rest were picked greedily from darker
qualitative colours, each the farthest (CIELAB distance) from those already
chosen, so any two differ by a CIE76 distance of at least 20 and every colour
keeps the white stop numbers on it readable. Day 25 takes day 1's colour again.
"""

from __future__ import annotations

DAY_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#00441b",
    "#000075",
    "#f032e6",
    "#a6761d",
    "#252525",
    "#1b9e77",
    "#67000d",
    "#ae017e",
    "#911eb4",
    "#848482",
    "#b3446c",
    "#4363d8",
    "#808000",
    "#b15928",
    "#cc4c02",
)


def day_colour(index: int) -> str:
    """Return the colour of the day at ``index`` (0 for day 1)."""
    return DAY_COLOURS[index % len(DAY_COLOURS)]
