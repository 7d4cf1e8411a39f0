"""Bytes to a raw table: sniffing the format and encoding, reading workbooks and text files."""
