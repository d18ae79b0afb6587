"""Evaluation against gold files (`suivi-eval/1`), as ../shared/eval/README.md defines it."""
