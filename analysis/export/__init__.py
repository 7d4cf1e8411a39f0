"""Writers of the downloads: JSON, Markdown, HTML, Excel, CSV and zips."""
