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

FUNNEL = "app_pages/funnel.py"
funnel = st.Page(FUNNEL, title="Funnel", icon=":material/filter_alt:", default=True, url_path="start",
                 help="Where your applications stall: rates, the funnel, rejections per stage, channels, timing, trend.")
page = st.navigation([
    st.Page("app_pages/data.py", title="Data", icon=":material/table_view:", url_path="data",
            help="How your file was read: columns, statuses, date order, skipped rows. Correct the reading here."),
    funnel,
    st.Page("app_pages/feedback.py", title="Feedback", icon=":material/forum:", url_path="feedback",
            help="What the feedback you received keeps saying, and the strengths it names."),
    st.Page("app_pages/summary.py", title="Summary", icon=":material/summarize:", url_path="summary",
            help="Your focus areas and an improvement summary to keep or share with a coach."),
    st.Page("app_pages/plan.py", title="Plan", icon=":material/route:", url_path="plan",
            help="Your rates beside published figures, what one offer takes, what-if levers, and before/after a change."),
    st.Page("app_pages/caseload.py", title="Caseload", icon=":material/groups:", url_path="caseload",
            help="For coaches and recruiters: every candidate, who is stuck and why, funnels side by side."),
    # The default page is served at "/" (its url_path only reserved), so /funnel is a page of its own that opens it.
    st.Page(lambda: st.switch_page(funnel), title="Funnel", url_path="funnel", visibility="hidden"),
])
state.set_context(sidebar.render())
page.run()
