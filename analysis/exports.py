"""Turn a report into the bytes of a download: JSON, Markdown, HTML, Excel, and the cleaned CSV."""
from __future__ import annotations

import json

import pandas as pd

from analysis.safety import neutralise_frame


def applications_csv(applications: pd.DataFrame) -> bytes:
    """The canonical table as UTF-8 CSV (with BOM so Excel reads accents), formulas neutralised."""
    table = applications.assign(
        **{name: applications[name].dt.strftime("%Y-%m-%d") for name in ("applied_on", "responded_on", "last_update")}
    )
    return neutralise_frame(table).to_csv(index=False).encode("utf-8-sig")


def render(report, fmt: str) -> bytes:
    """The report in one of the formats json, md, html, xlsx."""
    if fmt == "json":
        from analysis.report import report_json

        return (json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "md":
        from analysis.export_markdown import report_markdown

        return report_markdown(report).encode("utf-8")
    if fmt == "html":
        from analysis.export_html import report_html

        return report_html(report).encode("utf-8")
    if fmt == "xlsx":
        from analysis.export_excel import report_xlsx

        return report_xlsx(report)
    raise ValueError(f"unknown format {fmt}")
