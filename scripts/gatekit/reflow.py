"""reflow: no horizontal scrolling at 320 px; on the same load, no request to another host."""

from __future__ import annotations

from pathlib import Path

from .browser import Browser, NARROW
from .report import Failure, Report, shorten


def overflow_failure(result: dict, name: str, report: Report) -> None:
    if not result["overflow"]:
        return
    offenders = result.get("offenders") or []
    element = offenders[0]["selector"] if offenders else "(the page)"
    detail = [f"the page is {result['scrollWidth']} px wide in a {result['clientWidth']} px window"]
    for offender in offenders:
        detail.append(f"too wide (right edge {offender['right']} px): {offender['selector']}: "
                      f"{shorten(offender['html'], 160)}")
    report.fail(Failure("reflow", name, "horizontal-scroll", element, "\n".join(detail)))


def check_reflow(browser: Browser, pages: list[Path], report: Report, label_of) -> None:
    """No horizontal scrolling at 320 px; and, on the same load, no request to another host."""
    started = report.begin("reflow")
    report.checks.setdefault("requests", 0)
    requests = 0
    for page in pages:
        name = f"{label_of(page)} (320 px)"
        try:
            browser.load(page, NARROW)
            result = browser.overflow()
            loaded = browser.requests()
        except Exception as error:   # noqa: BLE001
            report.fail(Failure("reflow", name, "could not load the page", "", shorten(str(error), 400)))
            continue
        requests += len(loaded)
        for address in loaded:
            if not (address.startswith(browser.server.origin + "/") or address.startswith("file:")
                    or address.startswith("data:")):
                report.fail(Failure("requests", label_of(page), "external-request", address,
                                    "the browser loaded this from another host"))
        overflow_failure(result, name, report)
    report.end("reflow", started, f"{len(pages)} pages at {NARROW[0]} px; the {requests} requests they made "
               "checked to stay on the site (check 'requests')")
