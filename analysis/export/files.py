"""Turn a report into the bytes of a download: JSON, Markdown, HTML, Excel, and the cleaned CSV."""
from __future__ import annotations

import io
import json
import zipfile
from typing import TYPE_CHECKING

import pandas as pd

from analysis.core.safety import neutralise_frame

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only


def applications_csv(applications: pd.DataFrame) -> bytes:
    """The canonical table as UTF-8 CSV (with BOM so Excel reads accents), formulas neutralised."""
    table = applications.assign(
        **{name: applications[name].dt.strftime("%Y-%m-%d") for name in ("applied_on", "responded_on", "last_update")}
    )
    return neutralise_frame(table).to_csv(index=False).encode("utf-8-sig")


def render(report: Report, fmt: str) -> bytes:
    """The report in one of the formats json, md, html, xlsx."""
    if fmt == "json":
        from analysis.export.json_report import report_json

        return (json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "md":
        from analysis.export.markdown import report_markdown

        return report_markdown(report).encode("utf-8")
    if fmt == "html":
        from analysis.export.html import report_html

        return report_html(report).encode("utf-8")
    if fmt == "xlsx":
        from analysis.export.excel import report_xlsx

        return report_xlsx(report)
    raise ValueError(f"unknown format {fmt}")


def candidate_summaries_zip(report: Report) -> bytes:
    """A zip of one self-contained HTML summary per candidate of a caseload."""
    from analysis.core.safety import safe_filename
    from analysis.export.html import report_html

    buffer = io.BytesIO()
    names: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for candidate, applications in report.applications.groupby("candidate", sort=True):
            one = report.restricted_to(applications)
            stem = safe_filename(str(candidate) or "no-name", default="candidate")
            while stem in names:
                stem += "-1"
            names.add(stem)
            archive.writestr(f"{stem}-next-steps.html", report_html(one))
    return buffer.getvalue()
