"""The HTML report renders in a real browser: Debian's Chromium, headless, opens the report of the
example cases (plus one unreadable input), the page's own load check finds the summary table, the
trajectory chart and a closeness circle laid out, and nothing is written to the browser console.
A screenshot is taken as well, to catch a page that renders blank."""
import base64
import hashlib
import html as htmllib
import os
import pathlib
import re
import shutil
import struct
import subprocess

import pytest

WRITE_REPORT = os.environ.get("IPTKIT_WRITE_REPORT")
SOURCE = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.skipif(not WRITE_REPORT, reason="run through ctest (IPTKIT_WRITE_REPORT not given)"),
    pytest.mark.skipif(CHROMIUM is None,
                       reason="chromium is not installed (Debian package `chromium`; .ci/install-deps installs it)"),
]

# Chromium writes every console message (log, warn, error, uncaught exception, CSP violation) to
# stderr with --enable-logging=stderr as `[...:INFO:CONSOLE:<line>] "<message>", source: <url>`
# (older builds: `INFO:CONSOLE(<line>)`), without the message's level. The report logs nothing,
# so any such line is a failure; test_console_detection_works guards the pattern itself.
CONSOLE_LINE = re.compile(r":CONSOLE[:(]")


def chromium(tmp, name, url, *extra):
    """Runs headless Chromium on `url` with a fresh profile; returns the completed process."""
    profile = tmp / f"profile-{name}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
           *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def console_lines(stderr):
    return [line for line in stderr.splitlines() if CONSOLE_LINE.search(line)]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    data = SOURCE / "examples" / "data"
    broken = folder / "broken.jsonl"
    broken.write_text('{"schema": "iptkit.case/1", "case_id": "<b>BROKEN</b>"}\n', encoding="utf-8")
    inputs = sorted(str(p) for p in data.glob("*.json")) + [str(data / "cohort.jsonl"), str(broken)]
    out = folder / "report.html"
    subprocess.run([WRITE_REPORT, str(out), *inputs], check=True, capture_output=True, text=True)
    return folder, out


@pytest.fixture(scope="module")
def dumped(report):
    folder, out = report
    run = chromium(folder, "dom", out.as_uri(), "--dump-dom")
    assert run.returncode == 0, run.stderr[-3000:]
    return run


def test_console_detection_works(tmp_path):
    page = tmp_path / "console.html"
    page.write_text('<!DOCTYPE html><html><body><script>console.error("deliberate console error");'
                    "</script></body></html>", encoding="utf-8")
    run = chromium(tmp_path, "console", page.as_uri(), "--dump-dom")
    lines = console_lines(run.stderr)
    assert any("deliberate console error" in line for line in lines), \
        "Chromium's console log format changed; update CONSOLE_LINE:\n" + run.stderr[-3000:]


def test_report_renders(dumped):
    dom = dumped.stdout
    body = re.search(r"<body[^>]*>", dom)
    assert body, dom[:2000]
    assert 'data-rendered="true"' in body.group(0), f"the page's load check failed: {body.group(0)}"
    assert "data-missing" not in body.group(0)
    assert '<table id="summary">' in dom
    assert re.search(r'<svg [^>]*id="trajectory"', dom)
    assert 'class="closeness-circle"' in dom
    assert "Cases that could not be read" in dom


def test_no_console_messages(dumped):
    assert console_lines(dumped.stderr) == []


def test_unreadable_input_is_listed_escaped(dumped):
    dom = dumped.stdout
    section = dom[dom.index('id="unreadable"'):]
    assert "broken.jsonl" in section
    assert "<b>BROKEN</b>" not in dom


def test_script_hash_matches_the_content_security_policy(report):
    # The page allows exactly one script by its SHA-256; Chromium would block any other.
    _, out = report
    html = out.read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp, "no Content-Security-Policy"
    assert f"script-src 'sha256-{digest}'" in htmllib.unescape(csp.group(1))


def test_screenshot_is_not_blank(report):
    folder, out = report
    png = folder / "report.png"
    run = chromium(folder, "shot", out.as_uri(), f"--screenshot={png}", "--window-size=1280,2000",
                   "--hide-scrollbars")
    assert run.returncode == 0, run.stderr[-3000:]
    assert console_lines(run.stderr) == []
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    # A blank white page compresses to a few kilobytes; text, tables and colour do not.
    assert len(data) > 40_000, f"screenshot is only {len(data)} bytes: {png}"
