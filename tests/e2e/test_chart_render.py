"""Every chart renders in plotly.js (headless Chromium) without console warnings.

plotly.js reports some problems only in the browser console, such as "Invalid color specifier:
Array(n)" when a list of colours reaches an attribute that takes one colour.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import plotly
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_charts import all_charts, variety

pytestmark = pytest.mark.e2e
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def test_every_chart_renders_without_console_warnings(page):
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.set_content("<div id='chart' style='width:700px;height:450px'></div>")
    page.add_script_tag(path=str(PLOTLY_JS))
    drawn = 0
    for number, apps in enumerate(variety()):
        for name, chart in all_charts(apps).items():
            if chart.figure is None:
                continue
            messages.clear()
            page.evaluate("figure => Plotly.newPlot('chart', figure.data, figure.layout)", json.loads(chart.figure.to_json()))
            page.wait_for_function("() => document.querySelector('#chart .main-svg') !== null")
            assert messages == [], f"input {number}, {name} chart: {messages}"
            drawn += 1
    assert drawn >= 10
