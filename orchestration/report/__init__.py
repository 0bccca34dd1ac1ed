"""The report users look at: one self-contained HTML page with SVG charts (no Dagster here)."""
from orchestration.report.build import ReportResult, render, write_report

__all__ = ["ReportResult", "render", "write_report"]
