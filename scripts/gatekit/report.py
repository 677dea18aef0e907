"""Reporting: a failure names the page, the rule and the element; the report collects them."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT


@dataclass
class Failure:
    check: str      # html, links, axe, reflow, print, shots
    page: str       # path relative to the project (or the self-test's copy)
    rule: str       # vnu's message, an axe rule id, or this gate's rule name
    element: str    # a CSS selector or a snippet of markup
    detail: str = ""

    def render(self) -> str:
        lines = [f"FAIL [{self.check}] {self.page}: {self.rule}"]
        if self.element:
            lines.append(f"    element: {self.element}")
        if self.detail:
            for line in self.detail.splitlines():
                lines.append(f"    {line}")
        return "\n".join(lines)


@dataclass
class Report:
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)
    review: list[str] = field(default_factory=list)   # axe's "incomplete": for a person to look at
    checks: dict[str, int] = field(default_factory=dict)   # check name -> failures

    def fail(self, failure: Failure) -> None:
        self.failures.append(failure)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def begin(self, name: str) -> float:
        self.checks.setdefault(name, 0)
        print(f"gate: {name} …", flush=True)
        return time.monotonic()

    def end(self, name: str, started: float, summary: str = "") -> None:
        elapsed = time.monotonic() - started
        self.timings.append((name, elapsed))
        count = sum(1 for f in self.failures if f.check == name)
        self.checks[name] = count
        status = "ok" if count == 0 else f"{count} failure(s)"
        print(f"gate: {name}: {status}{' — ' + summary if summary else ''} ({elapsed:.1f} s)", flush=True)


def shorten(text: str, limit: int = 220) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
