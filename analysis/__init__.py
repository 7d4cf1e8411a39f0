"""Next Steps engine: job-search spreadsheets in, funnel, themes and focus areas out.

Pure Python; never imports streamlit. The command line lives in ``analysis.cli``; the packages and
the flow of one upload are described in docs/ARCHITECTURE.md.
"""
