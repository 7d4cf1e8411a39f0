"""Next Steps: learn from job rejections. Entry point: page config, navigation, shared sidebar."""
import gc

import streamlit as st

from ui import sidebar, state

if not gc.get_freeze_count():
    # Once per server process: the libraries' objects (hundreds of thousands) will never be
    # garbage, so take them out of the collector's full passes, which otherwise cost ~75 ms
    # at unpredictable moments of a rerun.
    gc.collect()
    gc.freeze()

st.set_page_config(page_title="Next Steps", page_icon="📈", layout="wide")

page = st.navigation([
    st.Page("app_pages/data.py", title="Data", icon=":material/table_view:",
            help="How your file was read: columns, statuses, date order, skipped rows. Correct the reading here."),
    st.Page("app_pages/funnel.py", title="Funnel", icon=":material/filter_alt:", default=True,
            help="Where your applications stall: rates, the funnel, rejections per stage, channels, timing, trend."),
    st.Page("app_pages/feedback.py", title="Feedback", icon=":material/forum:",
            help="What the feedback you received keeps saying, and the strengths it names."),
    st.Page("app_pages/summary.py", title="Summary", icon=":material/summarize:",
            help="Your focus areas and an improvement summary to keep or share with a coach."),
    st.Page("app_pages/plan.py", title="Plan", icon=":material/route:",
            help="Your rates beside published figures, what one offer takes, what-if levers, and before/after a change."),
    st.Page("app_pages/caseload.py", title="Caseload", icon=":material/groups:",
            help="For coaches and recruiters: every candidate, who is stuck and why, funnels side by side."),
])
state.set_context(sidebar.render())
page.run()
