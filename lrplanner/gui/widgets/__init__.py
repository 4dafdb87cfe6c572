"""Views of a planned project: agenda, map, budget, indicators, sites left out."""
