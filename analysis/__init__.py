"""Next Steps engine: job-search spreadsheets in, funnel, themes and focus areas out.

Pure Python; never imports streamlit. The command line lives in ``analysis.cli``.
"""
