"""Timeline files: the format a file's name asks for, and PDFs printed by a local browser.

A parent asked for `t.pdf` must get a PDF, not text under that name, and a name we
cannot write (`t.docx`) is refused before anything is written. We do not ship a PDF
engine: the HTML timeline is already laid out for A4, and Chromium, Chrome and Edge
print it faithfully with `--headless --print-to-pdf`, offline, from a private
temporary folder. Without one of them we say how to print the HTML from any browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from refusal_log.errors import InvalidInput
from refusal_log.text import shown

FORMATS = ("txt", "md", "html", "pdf")
SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
                  ".htm": "html", ".pdf": "pdf"}
# A browser in an unusual place can be named here.
ENV_BROWSER = "REFUSAL_LOG_BROWSER"
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
          "microsoft-edge", "microsoft-edge-stable", "msedge")
_PLACES = {
    "darwin": ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
               "/Applications/Chromium.app/Contents/MacOS/Chromium",
               "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"],
    "win32": [r"{ProgramFiles}\Google\Chrome\Application\chrome.exe",
              r"{ProgramFiles(x86)}\Google\Chrome\Application\chrome.exe",
              r"{ProgramFiles(x86)}\Microsoft\Edge\Application\msedge.exe",
              r"{ProgramFiles}\Microsoft\Edge\Application\msedge.exe"],
}
HOW_TO_PRINT = ("Save the timeline as HTML instead (refusal-log timeline --out timeline.html), open that file "
                "in any web browser, choose Print, and pick \"Save as PDF\" as the printer.")
_TIMEOUT = 120


def choose_format(fmt: str | None, out: str | None) -> str:
    """The format to write: from --out's extension, else --format, else txt; a clash is an error."""
    given = None
    if fmt is not None:
        given = fmt.strip().lower().lstrip(".")
        if given not in FORMATS:
            raise InvalidInput(f"--format must be txt, md, html or pdf; {shown(fmt)} is not.")
    if out is None:
        if given == "pdf":
            raise InvalidInput("A PDF is a file: give its name with --out, for example --out timeline.pdf.")
        return given or "txt"
    suffix = Path(out).suffix.lower()
    if not suffix:
        return given or "txt"
    named = SUFFIX_FORMATS.get(suffix)
    if named is None:
        raise InvalidInput(f"refusal-log cannot write a {shown(suffix, quoted=False)} file ({shown(out, quoted=False)}). Name it .txt, .md, .html or .pdf; "
                           "a word processor such as Word opens the .html one.")
    if given and given != named:
        raise InvalidInput(f"--format {given} does not match the file name {shown(out, quoted=False)}, which asks for {named}. "
                           f"Leave --format out, or end the name with .{given}.")
    return named


def find_browser() -> str | None:
    """A local Chromium, Chrome or Edge, or None."""
    chosen = os.environ.get(ENV_BROWSER)
    if chosen:
        return shutil.which(chosen) or (chosen if Path(chosen).is_file() else None)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    for place in _PLACES.get(sys.platform, []):
        path = place.format(**{k: os.environ.get(k, "") for k in ("ProgramFiles", "ProgramFiles(x86)")})
        if Path(path).is_file():
            return path
    return None


def require_browser() -> str:
    """The browser that will print the PDF; without one, say how to print the HTML instead."""
    browser = find_browser()
    if browser is None:
        raise InvalidInput(f"No Chromium, Chrome or Edge was found to make the PDF, so nothing was written. "
                           f"{HOW_TO_PRINT}")
    return browser


def print_pdf(html: str) -> bytes:
    """The HTML timeline printed to PDF by a local browser (raises InvalidInput without one)."""
    browser = require_browser()
    with tempfile.TemporaryDirectory(prefix="refusal-log-print-") as folder:
        page, pdf = Path(folder) / "timeline.html", Path(folder) / "timeline.pdf"
        page.write_text(html, encoding="utf-8")
        # Offline and self-contained: a throwaway profile, no sync, no updates, no
        # network (the page itself fetches nothing).
        command = [browser, "--headless", "--disable-gpu", "--no-first-run", "--disable-sync",
                   "--disable-background-networking", "--disable-component-update", "--disable-extensions",
                   f"--user-data-dir={Path(folder) / 'profile'}", "--no-pdf-header-footer",
                   "--print-to-pdf-no-header", f"--print-to-pdf={pdf}", page.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(2, "--no-sandbox")  # Chromium will not start as root without it
        try:
            subprocess.run(command, capture_output=True, timeout=_TIMEOUT, stdin=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InvalidInput(f"The browser {browser} could not make the PDF ({type(exc).__name__}), so nothing "
                               f"was written. {HOW_TO_PRINT}") from None
        data = pdf.read_bytes() if pdf.is_file() else b""
    if not data.startswith(b"%PDF"):
        raise InvalidInput(f"The browser {browser} did not make a PDF, so nothing was written. {HOW_TO_PRINT}")
    return data
