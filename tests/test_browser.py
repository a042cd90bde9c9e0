"""The HTML timeline in a real browser: headless Chromium prints it to PDF and takes a
screenshot. Skipped (with the reason) where no Chromium is installed, except in CI,
where a missing browser is a failure: CI is meant to prove the page prints.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refusal_log.cli import app

pytestmark = pytest.mark.browser


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("No chromium binary was found, and CI must run the browser test (apt-get install chromium).")
    pytest.skip("No chromium binary found (install it with: apt-get install chromium).")


def headless(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    # Each switch keeps the run offline and self-contained: no network, no updates,
    # no sync, a throwaway profile. --no-sandbox because CI runs as root.
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def demo_timeline(tmp_path_factory, built_demo) -> Path:
    # The session's demo (conftest.py), copied once for the module: every test here only reads it.
    folder = built_demo.copy(tmp_path_factory.mktemp("browser") / "demo")
    return folder / "timeline.html"


def test_timeline_prints_to_pdf_and_screenshots(demo_timeline, tmp_path):
    binary = chromium()
    pdf, png = tmp_path / "timeline.pdf", tmp_path / "timeline.png"
    url = demo_timeline.resolve().as_uri()

    printed = headless(binary, tmp_path / "profile-pdf", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    assert pdf.is_file(), printed.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # Page objects, not the /Type /Pages node above them.
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages >= 1
    # A term's log does not fit on one page, and printing must not explode into scraps either.
    assert 3 <= pages <= 40, pages

    shot = headless(binary, tmp_path / "profile-png", f"--screenshot={png}", "--window-size=1024,1400", url)
    assert png.is_file(), shot.stderr
    assert png.stat().st_size > 0
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


# --- accessibility: axe-core in the same headless Chromium -------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_script() -> Path:
    """axe-core's axe.min.js: from npm (AXE_CORE_JS, set by .ci/run) or the [test] extra's copy."""
    chosen = os.environ.get("AXE_CORE_JS")
    if chosen and Path(chosen).is_file():
        return Path(chosen)
    try:
        import axe_core_python
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-core was not found: .ci/run installs it (npm axe-core, or pip install -e '.[test]').")
        pytest.skip("axe-core is not installed (pip install -e '.[test]').")
    return Path(axe_core_python.__file__).with_name("axe.min.js")


def run_axe(binary: str, page: Path, profile: Path) -> list[dict]:
    """Every violation axe-core finds in the page, WCAG 2.1 A and AA and best practice.

    A copy of the page loads axe and, once loaded, writes the results into the DOM,
    which --dump-dom prints; the page under test is otherwise unchanged.
    """
    import json

    runner = (f'<script src="{axe_script().resolve().as_uri()}"></script><script>'
              'window.addEventListener("load", function () {'
              f' axe.run(document, {{runOnly: {{type: "tag", values: {json.dumps(AXE_TAGS)}}}}})'
              '  .then(function (r) { var p = document.createElement("pre"); p.id = "axe-results";'
              '    p.textContent = JSON.stringify(r.violations); document.body.appendChild(p); })'
              '  .catch(function (e) { var p = document.createElement("pre"); p.id = "axe-results";'
              '    p.textContent = JSON.stringify([{id: "axe-error", help: String(e)}]); document.body.appendChild(p); });'
              '});</script>')
    html = page.read_text(encoding="utf-8")
    checked = page.with_name("axe-" + page.name)
    checked.write_text(html.replace("</head>", runner + "</head>", 1), encoding="utf-8")
    dumped = headless(binary, profile, "--allow-file-access-from-files", "--virtual-time-budget=30000",
                      "--dump-dom", checked.resolve().as_uri())
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', dumped.stdout, re.S)
    assert found, f"axe-core did not report (stderr: {dumped.stderr[-500:]})"
    import html as html_lib

    return json.loads(html_lib.unescape(found.group(1)))


def test_the_demo_timeline_has_no_accessibility_violations(demo_timeline, tmp_path):
    violations = run_axe(chromium(), demo_timeline, tmp_path / "profile-axe")
    described = [f"{v['id']}: {v['help']} ({len(v.get('nodes', []))} elements)" for v in violations]
    assert violations == [], "\n".join(described)


def test_timeline_out_pdf_writes_a_real_pdf(demo_timeline, tmp_path):
    chromium()
    target = tmp_path / "t.pdf"
    result = CliRunner().invoke(app, ["--home", str(demo_timeline.parent), "timeline", "--out", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_mode & 0o777 == 0o600
    assert f"to {target}" in result.stderr
