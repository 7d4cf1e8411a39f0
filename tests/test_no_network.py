"""Nothing leaves the machine: no network call from the engine, the exports or any page of the app.

The socket layer is patched so that any attempt to reach a non-loopback address is recorded and
refused; the tests assert that no attempt was made at all (a library that swallowed the refusal
would still be caught). The HTML summary must work offline: no src or href pointing at the web.
The Streamlit settings that keep data local are checked in .streamlit/config.toml.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import tomllib
from pathlib import Path

import pytest
from app_harness import SAMPLE, TODAY, html_links, no_exception, open_app, upload

from analysis.core.limits import MAX_UPLOAD_BYTES
from analysis.export.files import applications_csv, render
from analysis.feedback.classifier import classify_many
from analysis.funnel.sankey import to_sankeymatic
from analysis.normalize.loading import LoadSettings, load
from analysis.report import build_report

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("data", "funnel", "feedback", "summary", "plan", "caseload")
FORMATS = ("json", "md", "html", "xlsx")
HOSTILE_FEEDBACK = (b"Company,Role,Date Applied,Status,Feedback\n"
                    b'Acme,Analyst,2026-09-01,Rejected,"see <a href=""https://evil.example/a"">this</a> '
                    b'<img src=""http://evil.example/p.png""> <script src=""//evil.example/x.js""></script>"\n'
                    b"Beta,Analyst,2026-09-02,Rejected,https://evil.example/plain and www.evil.example\n"
                    b"Gamma,Analyst,2026-09-03,Offer,Great communication\n")


def _is_loopback(host: object) -> bool:
    if host is None:  # getaddrinfo(None, port): the local host's own addresses
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", errors="replace")
    host = str(host).strip("[]").split("%", 1)[0]
    if host.lower() in ("localhost", "localhost.localdomain", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture
def network_attempts(monkeypatch):
    """A list that records every attempt to reach a non-loopback address; each attempt fails."""
    attempts: list[str] = []
    original_connect, original_connect_ex = socket.socket.connect, socket.socket.connect_ex
    original_create, original_getaddrinfo = socket.create_connection, socket.getaddrinfo

    def refuse(what: str, target: object) -> OSError:
        attempts.append(f"{what} {target!r}")
        return OSError(f"network access is disabled in this test: {what} {target!r}")

    def host_of(address: object) -> object:
        return address[0] if isinstance(address, tuple) else None  # a str address is a Unix socket path

    def connect(self, address):
        if not _is_loopback(host_of(address)):
            raise refuse("connect", address)
        return original_connect(self, address)

    def connect_ex(self, address):
        if not _is_loopback(host_of(address)):
            raise refuse("connect_ex", address)
        return original_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):
        if not _is_loopback(host_of(address)):
            raise refuse("create_connection", address)
        return original_create(address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_loopback(host):
            raise refuse("getaddrinfo", host)
        return original_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def test_the_guard_catches_an_attempt(network_attempts):
    with pytest.raises(OSError, match="network access is disabled"):
        socket.create_connection(("example.com", 443), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.com", 443)
    with socket.socket() as probe, pytest.raises(OSError):
        probe.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
    assert len(network_attempts) == 3
    network_attempts.clear()
    with socket.socket() as server:  # loopback stays allowed (the e2e tests' own server)
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    assert network_attempts == []


def _web_links(html: str) -> list[tuple[str, str, str]]:
    return [url for url in html_links(html) if re.match(r"\s*(https?:)?//", url[2], re.IGNORECASE)]


@pytest.mark.parametrize(("name", "data"), [(SAMPLE.name, SAMPLE.read_bytes()), ("links.csv", HOSTILE_FEEDBACK)])
def test_the_engine_and_every_export_make_no_network_call(network_attempts, name, data):
    loaded = load(data, name, LoadSettings(today=TODAY))
    report = build_report(loaded, TODAY)
    outputs = {fmt: render(report, fmt) for fmt in FORMATS}
    outputs["csv"] = applications_csv(loaded.applications)
    outputs["sankeymatic"] = to_sankeymatic(report.flows).encode()
    classify_many(["We went with an internal candidate.", "Great communication skills"])
    assert network_attempts == []
    assert all(outputs.values())

    html = outputs["html"].decode("utf-8")
    assert _web_links(html) == []
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.IGNORECASE)
    assert "connect-src 'none'" in html  # the page's own policy forbids fetching anything


def test_every_page_of_the_app_makes_no_network_call(network_attempts):
    at = open_app()
    no_exception(at)
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        no_exception(at)
        assert at.title, page
    upload(at, "links.csv", HOSTILE_FEEDBACK)
    no_exception(at)
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        no_exception(at)
    assert network_attempts == []


def test_streamlit_keeps_everything_local():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert isinstance(config["server"]["maxUploadSize"], int)
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_UPLOAD_BYTES  # the app's own limit, in MB
