"""Machinery of the temporal normaliser; the public API is suivi.read.dates."""
