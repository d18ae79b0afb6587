"""Ingestion: inputs (files, folders, globs, stdin, URLs) -> clean ArticleDrafts -> store."""
