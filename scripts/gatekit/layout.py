"""The print-layout check: what no HTML check sees, read from a printout's PDF.

    python3 scripts/print-layout.py check PDF [--large-print]   report one PDF's findings
    python3 scripts/print-layout.py examples [--record]          print every sample printout
                                                                 (printouts.py: each example manifest
                                                                 in normal and large print) with
                                                                 `vardplan print --pdf` and check
                                                                 them against scripts/print-pages.json
    (or `PYTHONPATH=scripts python3 -m gatekit layout …`)

Findings (each names the page):
  small-text     any text below the minimum size: 16 pt in large print, 9 pt in normal print
                 (the page footer included)
  underfilled    a page whose text ends above FILL_SHARE of the page's text area, unless it is the
                 last page of a module, of the cover or table of contents, or of the printout
  stranded       a heading or caption (a line all in bold) followed by fewer than two lines on
                 its page (a form field after it, or a framed box that ends on the page, is whole)
  split-box      a framed box or a table row cut by the page's end: a border that runs into the
                 bottom of the text area
  page-count     (examples) a page count that is not the one recorded in scripts/print-pages.json;
                 re-record with --record when the change is intended

`examples` also prints the first example twice: the two PDFs must have the same text, page
numbers included (the layout passes are deterministic).

scripts/print-pages.json holds, per example and size, the page count and the findings accepted
as known (matched without their page number); `examples` fails on any other finding.

Needs PyMuPDF (`pip install pymupdf`; scripts/setup gate installs it) and, for `examples`, the
release binary (.build/release/vardplan), Chromium and poppler-utils. Exit 0 when nothing is found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import ROOT
from .printouts import PRINTOUTS, Printout, vardplan_print

GOLDEN = ROOT / "scripts" / "print-pages.json"

FILL_SHARE = 0.5          # a page whose text ends above half its text area is underfilled
MIN_SIZE = {False: 9.0, True: 16.0}
MM = 72 / 25.4
# The page margins of templates/partials/print-style.mustache (top, bottom), in points.
MARGINS = {False: (18 * MM, 22 * MM), True: (16 * MM, 27 * MM)}
BOLD = 16                 # PyMuPDF's span flag for a bold font


@dataclass
class Finding:
    page: int
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.rule}: {self.detail}"

    @property
    def key(self) -> str:
        """The finding without its page: what a recorded, accepted finding is matched on."""
        return f"{self.rule}: {self.detail}"


def module_start_pages(doc) -> set[int]:
    """1-based pages where a module begins (its heading is a named destination)."""
    names = doc.resolve_names()
    return {entry["page"] + 1 for name, entry in names.items() if name.startswith("rubrik-modul-")}


def lines_of(page) -> list[dict]:
    """Text lines of a page, top to bottom: bbox, size (smallest span), bold (every span), text."""
    result = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            result.append({
                "bbox": line["bbox"],
                "size": min(s["size"] for s in spans),
                "bold": all(s["flags"] & BOLD or "Bold" in s["font"] for s in spans),
                "text": "".join(s["text"] for s in spans).strip(),
            })
    result.sort(key=lambda l: (round(l["bbox"][1]), l["bbox"][0]))
    return result


def check_pdf(path: Path, large_print: bool) -> tuple[int, list[Finding]]:
    import pymupdf
    doc = pymupdf.open(str(path))
    findings: list[Finding] = []
    top, bottom = MARGINS[large_print]
    starts = module_start_pages(doc)
    first_module = min(starts) if starts else 1
    count = doc.page_count
    for index, page in enumerate(doc):
        number = index + 1
        height = page.rect.height
        area_bottom = height - bottom
        lines = lines_of(page)
        for line in lines:
            if line["size"] < MIN_SIZE[large_print] - 0.05:
                findings.append(Finding(number, "small-text", f"{line['size']:.1f} pt < {MIN_SIZE[large_print]:.0f} pt: "
                                                              f"\"{line['text'][:60]}\""))
        body = [l for l in lines if l["bbox"][3] <= area_bottom + 1]
        # Drawn things (borders, form lines, boxes to tick), without the white page background.
        drawings = [d for d in page.get_drawings()
                    if not (d.get("fill") in ((1.0, 1.0, 1.0), [1.0, 1.0, 1.0]) and not d.get("color"))]
        # Underfilled: not the last page of the printout, nor a page before a module starts.
        exempt = number == count or (number + 1) in starts or number < first_module
        if body and not exempt:
            filled = (max(l["bbox"][3] for l in body) - top) / (area_bottom - top)
            if filled < FILL_SHARE:
                findings.append(Finding(number, "underfilled", f"text ends at {filled:.0%} of the page "
                                                               f"(last line: \"{body[-1]['text'][:60]}\")"))
        # Stranded headings and captions: a bold line with fewer than two lines after it.
        for position, line in enumerate(body):
            if not line["bold"] or number < first_module:
                continue
            after = [l for l in body[position + 1:] if l["bbox"][1] > line["bbox"][3] - 1]
            following_rows = {round(l["bbox"][1]) for l in after}
            # A form field after it (a line to write on, a box to tick, a scale) is complete on its own.
            field_after = any(d["rect"].y0 > line["bbox"][3] - 1 and d["rect"].y1 <= area_bottom + 1 for d in drawings)
            # So is a framed box (a callout, a comment) that ends on this page.
            in_box = any(d["rect"].y0 < line["bbox"][1] and d["rect"].y1 > line["bbox"][3] and d["rect"].y1 < area_bottom - 2
                         and d["rect"].height > 10 for d in drawings)
            if len(following_rows) < 2 and not field_after and not in_box and number != count:
                findings.append(Finding(number, "stranded", f"\"{line['text'][:60]}\" has "
                                                             f"{len(following_rows)} line(s) after it on its page"))
        # Split boxes and rows: a drawn border that runs into the bottom of the text area.
        for drawing in drawings:
            rect = drawing["rect"]
            if rect.height < 2 and rect.width < 2:
                continue
            if rect.y1 >= area_bottom - 0.5 and rect.y0 < area_bottom - 2 and rect.y1 <= area_bottom + 2:
                findings.append(Finding(number, "split-box", f"a border from y={rect.y0:.0f} runs into the page's end "
                                                              f"(y={rect.y1:.0f} of {area_bottom:.0f})"))
                break
    return count, findings


def print_example(printout: Printout, folder: Path) -> Path:
    target = folder / f"{printout.name}.pdf"
    vardplan_print(printout, target, pdf=True, site_output=folder / "no-site")
    return target


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def command_examples(args) -> int:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.is_file() else {}
    recorded: dict[str, dict] = {}
    failed = 0
    folder = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="vardplan-layout-"))
    folder.mkdir(parents=True, exist_ok=True)
    for printout in PRINTOUTS:
        key = printout.layout_key
        pdf = print_example(printout, folder)
        count, findings = check_pdf(pdf, printout.large_print)
        recorded[key] = {"pages": count, "known": sorted(f.key for f in findings)}
        want = golden.get(key, {})
        known = set(want.get("known", []))
        accepted = [f for f in findings if f.key in known]
        new = [f for f in findings if f.key not in known]
        if not args.record and want.get("pages") != count:
            new.append(Finding(0, "page-count", f"{count} pages, recorded {want.get('pages')} in {GOLDEN.name} "
                                                "(re-record with --record when the change is intended)"))
        status = "ok" if not new else f"{len(new)} new finding(s)"
        print(f"print-layout: {key}: {count} pages: {status}"
              f"{f' ({len(accepted)} known, recorded in {GOLDEN.name})' if accepted else ''}", flush=True)
        for finding in new:
            print(f"    {finding}")
        for finding in accepted:
            print(f"    known: {finding}")
        failed += bool(new) and not args.record
    # Deterministic: the same manifest printed again gives the same text, page numbers included.
    again = folder / "again"
    again.mkdir(exist_ok=True)
    first = print_example(PRINTOUTS[0], folder)
    second = print_example(PRINTOUTS[0], again)
    same = pdf_text(first) == pdf_text(second)
    print(f"print-layout: {PRINTOUTS[0].manifest} printed twice: {'the same text and page numbers' if same else 'DIFFERENT text'}")
    failed += not same
    if args.record:
        GOLDEN.write_text(json.dumps(recorded, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"print-layout: recorded the page counts in {GOLDEN.relative_to(ROOT)}")
    print(f"print-layout: PDFs in {folder}")
    return 1 if failed else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="layout_command", required=True)
    one = sub.add_parser("check")
    one.add_argument("pdf")
    one.add_argument("--large-print", action="store_true")
    many = sub.add_parser("examples")
    many.add_argument("--record", action="store_true")
    many.add_argument("--out", help="folder for the PDFs (default: a new temporary folder)")


def command(args) -> int:
    if args.layout_command == "check":
        count, findings = check_pdf(Path(args.pdf), args.large_print)
        for finding in findings:
            print(finding)
        print(f"print-layout: {args.pdf}: {count} pages, {len(findings)} finding(s)")
        return 1 if findings else 0
    return command_examples(args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return command(parser.parse_args())
