"""The gate's two modes share this: every check over a site (and its printouts); the real gate."""

from __future__ import annotations

import time
from pathlib import Path

from .axe import CONDITIONS, check_axe
from .browser import Browser, DESKTOP, NARROW, PHONE, SiteServer
from .links import base_path, check_links
from .pages import PageTypes, find_page_types, site_pages
from .pdf import check_print
from .printouts import GATE_PRINTOUTS
from .reflow import check_reflow
from .report import Failure, Report, display
from .vnu import Vnu


def page_list_for_axe(site: Path, types: PageTypes, extra: list[Path], printouts: list[Path]) -> list[tuple[Path, str]]:
    """Every page and printout at 1280 px; one page of each type (and any extra) at 320 px and
    with the text doubled. Grouped by condition: fewer viewport changes."""
    runs: list[tuple[Path, str]] = []
    for condition in CONDITIONS:
        pages = [*site_pages(site), *printouts] if condition == "1280 px" else [*types.pages.values(), *extra]
        for page in dict.fromkeys(pages):
            runs.append((page, condition))
    return runs


def run_checks(site: Path, print_dir: Path | None, report: Report, label_of, extra_axe: list[Path],
               screenshots: Path | None) -> None:
    types = find_page_types(site)
    for problem in types.problems:
        report.fail(Failure("axe", display(site), "page type missing", "", problem))
    printouts = [print_dir / f"{p.name}.html" for p in GATE_PRINTOUTS] if print_dir else []
    printouts = [p for p in printouts if p.is_file()]
    files = [*site_pages(site), *printouts, *sorted(site.rglob("*.css"))]
    labels = {str(f.resolve()): label_of(f) for f in files}
    vnu = Vnu(files).start()

    check_links(site, printouts, report, label_of)
    if print_dir is not None:
        check_print(site, print_dir, report, screenshots)

    started = time.monotonic()
    server = SiteServer(site, base_path())
    browser = Browser(server)
    report.timings.append(("browser start", time.monotonic() - started))
    try:
        check_axe(browser, page_list_for_axe(site, types, extra_axe, printouts), report, label_of)
        check_reflow(browser, [*site_pages(site), *printouts], report, label_of)
        if screenshots is not None:
            take_screenshots(browser, types, screenshots, report)
    finally:
        browser.close()
        server.close()
    vnu.collect(report, labels)


def take_screenshots(browser: Browser, types: PageTypes, folder: Path, report: Report) -> None:
    started = report.begin("shots")
    folder.mkdir(parents=True, exist_ok=True)
    shots = [("startsida-1280", "start page", DESKTOP), ("steg-390", "step page", PHONE),
             ("steg-1280", "step page", DESKTOP), ("personal-1280", "staff overview", DESKTOP),
             ("steg-320", "step page", NARROW), ("utskriftssida-1280", "nurse page", DESKTOP),
             ("utskriftssida-320", "nurse page", NARROW),
             ("arabiska-steg-1280", "ar step page", DESKTOP), ("arabiska-steg-320", "ar step page", NARROW)]
    made = []
    for name, kind, size in shots:
        page = types.pages.get(kind)
        if page is None:
            continue
        browser.load(page, size, text_zoom=name.endswith("text-200"))
        browser.screenshot(folder / f"{name}.png")
        made.append(f"{name}.png")
    report.end("shots", started, f"{display(folder)}/: {', '.join(made)} and utskrift-*-sida-1.png")


def finish(report: Report, total_started: float, title: str, written: Path | None = None) -> int:
    print()
    for failure in report.failures:
        print(failure.render())
    if report.failures:
        print()
    timings = ("timings: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings)
               + f"; total {time.monotonic() - total_started:.1f} s")
    print(f"{title}: {timings}")
    for name in report.checks:
        report.checks[name] = sum(1 for f in report.failures if f.check == name)
    passed = sum(1 for v in report.checks.values() if v == 0)
    failed = len(report.checks) - passed
    checks = ", ".join(f"{name} {'ok' if count == 0 else 'FAILED'}" for name, count in report.checks.items())
    if written is not None:
        written.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{title}: {checks}", timings, ""]
        lines += [failure.render() for failure in report.failures]
        lines += ["", "notes:"] + [f"  {note}" for note in report.notes]
        lines += ["", "for a person to review (axe 'incomplete': axe could not decide):"]
        lines += [f"  {item}" for item in report.review]
        written.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{title}: report in {display(written)}, screenshots in {display(written.parent.parent / 'screenshots')}/")
    print(f"{title}: {checks}")
    print(f"{title}: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def command_check(args) -> int:
    total = time.monotonic()
    site, print_dir = Path(args.site), Path(args.print_dir)
    screenshots = Path(args.artifacts) / "screenshots"
    if not (site / "index.html").is_file():
        raise SystemExit(f"gate: {site}/index.html is missing; build the site first (make site)")
    for old in screenshots.glob("*.png"):
        old.unlink()
    report = Report()
    run_checks(site, print_dir, report, lambda p: display(p), [], screenshots)
    return finish(report, total, "gate", Path(args.artifacts) / "gate" / "report.txt")
