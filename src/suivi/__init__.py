"""Suivi: a sourced record of commitments reported by the press, and their follow-up."""

__version__ = "0.1.0"
