"""The app keeps one reading, one filtered table and one report per file and filters, shared by
every rerun, page and session (``st.cache_resource``, not copied): no page may change them."""
from __future__ import annotations

from app_harness import SAMPLE, engine_report, no_exception, open_app
from pandas.testing import assert_frame_equal

from analysis.export.json_report import report_json
from ui.state import CONTEXT_KEY

PAGES = ("data", "funnel", "feedback", "summary", "plan", "caseload")


def test_every_page_leaves_the_shared_reading_and_report_as_the_engine_made_them():
    at = open_app()
    shared = at.session_state[CONTEXT_KEY]
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        no_exception(at)
        assert at.session_state[CONTEXT_KEY].loaded is shared.loaded  # the very object every page was given
    fresh = engine_report(SAMPLE.read_bytes(), SAMPLE.name)
    report = shared.report()
    assert_frame_equal(shared.loaded.applications, fresh.loaded.applications)
    assert_frame_equal(report.applications, fresh.applications)
    assert_frame_equal(report.feedback.table, fresh.feedback.table)
    assert report_json(report) == report_json(fresh)


def test_a_filter_change_reuses_the_reading_and_a_rerun_reuses_the_report():
    at = open_app()
    first = at.session_state[CONTEXT_KEY]
    at.multiselect(key="filter_channels").set_value(["LinkedIn"]).run()
    filtered = at.session_state[CONTEXT_KEY]
    assert filtered.loaded is first.loaded
    assert len(filtered.applications) < len(first.applications)
    at.run()
    again = at.session_state[CONTEXT_KEY]
    assert again.applications is filtered.applications
    assert again.report() is filtered.report()
