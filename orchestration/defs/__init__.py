"""Dagster definitions, one module per concern; thin wrappers over orchestration.textmine."""
