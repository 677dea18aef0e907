"""The one list of sample printouts: every example manifest in examples/, in normal and large
print. The print-layout check (layout.py) prints each of them to PDF; the gate builds those
with an HTML page range as HTML printouts in artifacts/print/ and runs every check over them
(html, links, axe, reflow and print, pdf.py). scripts/gate builds them with
`python3 -m gatekit printouts artifacts/print`.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import ROOT

BINARY = ROOT / ".build" / "release" / "vardplan"
TODAY = "2026-11-23"   # `vardplan print --today`, so that dates in the printouts do not move


@dataclass
class Printout:
    """One sample printout of a manifest in examples/."""
    manifest: str                      # the file in examples/
    large_print: bool
    pages: tuple[int, int] | None      # the HTML printout's A4 page count expected by the gate,
                                       # inclusive; None: only the print-layout check prints it

    @property
    def name(self) -> str:
        """artifacts/print/<name>.html and .pdf (and <name>.pdf of the layout check)."""
        return self.manifest.rsplit(".", 1)[0] + ("-storstil" if self.large_print else "")

    @property
    def path(self) -> str:
        return "examples/" + self.manifest

    @property
    def layout_key(self) -> str:
        """Its entry in print-pages.json."""
        return f"{self.manifest} {'large' if self.large_print else 'normal'}"


# Page counts measured on the bundled sample content when the gate was written (17, 36, 13 and
# 20 A4 pages). The ranges leave room for ordinary text edits (about -25 % to +35 %) but catch a
# lost print stylesheet, a blank page per step, or modules that should have been left out.
# The English and Arabic printouts (the patient's language, Arabic right to left) were 20 pages
# each when measured.
PRINTOUTS = [
    Printout("ny-patient.yaml", False, (13, 23)),
    Printout("ny-patient.yaml", True, None),
    Printout("i-behandling.yaml", False, (27, 48)),
    Printout("i-behandling.yaml", True, None),
    Printout("formular.json", False, (10, 17)),
    Printout("formular.json", True, (15, 27)),
    Printout("engelska.yaml", False, (15, 27)),
    Printout("engelska.yaml", True, None),
    Printout("arabiska.yaml", False, (15, 27)),
    Printout("arabiska.yaml", True, None),
]

# The printouts the gate checks as HTML (and prints to PDF with Chromium).
GATE_PRINTOUTS = [p for p in PRINTOUTS if p.pages is not None]


def vardplan_print(printout: Printout, target: Path, pdf: bool = False, site_output: Path | None = None) -> None:
    """`vardplan print` of one printout to `target`, as HTML or (with `pdf`) as a PDF."""
    command = [str(BINARY), "print", printout.path]
    command += ["--pdf", "-o", str(target), "--today", TODAY] if pdf else ["-o", str(target), "--today", TODAY]
    if site_output is not None:
        command += ["--site-output", str(site_output)]
    if printout.large_print:
        command.append("--large-print")
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL if pdf else None)


def build(folder: Path) -> None:
    """The gate's HTML printouts, as scripts/gate makes them before checking."""
    folder.mkdir(parents=True, exist_ok=True)
    for printout in GATE_PRINTOUTS:
        vardplan_print(printout, folder / f"{printout.name}.html")
