"""axe: axe-core (WCAG 2.1 AA tags) in headless Chromium, at 1280 px, 320 px and with the text doubled."""

from __future__ import annotations

from pathlib import Path

from .browser import AXE_TAGS, Browser, DESKTOP, NARROW
from .reflow import overflow_failure
from .report import Failure, Report, shorten


CONDITIONS = {
    "1280 px": (DESKTOP, False),
    "320 px": (NARROW, False),
    "text 200 %": (DESKTOP, True),
}


def check_axe(browser: Browser, runs: list[tuple[Path, str]], report: Report, label_of) -> None:
    """runs: (page, condition name)."""
    started = report.begin("axe")
    version = "?"
    incomplete = 0
    review: list[str] = []
    report.checks.setdefault("reflow", 0)
    for page, condition in runs:
        size, zoom = CONDITIONS[condition]
        name = f"{label_of(page)} ({condition})"
        try:
            browser.load(page, size, zoom)
            result = browser.run_axe()
        except Exception as error:   # noqa: BLE001 - a browser error is a failure of this page
            report.fail(Failure("axe", name, "axe could not run", "", shorten(str(error), 400)))
            continue
        if result.get("error"):
            report.fail(Failure("axe", name, "axe could not run", "", shorten(result["error"], 400)))
            continue
        version = result.get("version", version)
        incomplete += len(result.get("incomplete", []))
        for item in result.get("incomplete", []):
            review.append(f"{name}: {item}")
        if zoom:
            overflow_failure(browser.overflow(), name, report)
        for violation in result["violations"]:
            for node in violation["nodes"][:8]:
                summary = (node.get("summary") or "").replace("Fix any of the following:", "Fix any of:") \
                    .replace("Fix all of the following:", "Fix all of:")
                report.fail(Failure("axe", name, f"{violation['id']} ({violation['impact']}): {violation['help']}",
                                    node["target"], f"html: {shorten(node['html'], 200)}\n{shorten(summary, 300)}"))
            if len(violation["nodes"]) > 8:
                report.fail(Failure("axe", name, f"{violation['id']}", "",
                                    f"… and {len(violation['nodes']) - 8} more element(s)"))
    report.review.extend(review)
    pages = len({page for page, _ in runs})
    report.end("axe", started, f"axe-core {version}, {len(runs)} runs over {pages} pages, tags {', '.join(AXE_TAGS)}; "
               f"{incomplete} result(s) for a person to review (axe 'incomplete')")
