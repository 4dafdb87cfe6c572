"""LR Planner: plans Learning Routes. Imports nothing heavy (docs/architecture.md)."""

__version__ = "0.1.0"
