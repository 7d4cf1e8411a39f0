"""Plotly figures shared by the pages and exports, their findings in words, and the drill-down."""
