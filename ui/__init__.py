"""Shared Streamlit helpers of the app: state and caching, the sidebar, display components."""
