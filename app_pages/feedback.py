"""Feedback: the themes in the feedback received (placeholder until the feedback page lands)."""
import streamlit as st

st.title("Feedback")
st.info("This page will group the feedback you received into themes (experience, skills, preparation, "
        "communication…), show the strengths it names, and separate what was in your control from what was not.",
        icon=":material/construction:")
