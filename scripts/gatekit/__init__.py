"""vardplan's quality gate: what patients get must be valid, accessible and printable.

Run through `scripts/gate` (which installs the tools and builds the site and the sample
printouts first); this package only checks (`PYTHONPATH=scripts python3 -m gatekit …`):

    check               the real gate over output/ and artifacts/print/
    self-test           copies output/ to a temporary folder, injects broken pages and
                        proves the same checks catch each of them
    printouts FOLDER    prints the sample printouts (gatekit/printouts.py) into FOLDER
    layout …            the print-layout check (gatekit/layout.py; scripts/print-layout.py)

Checks:
  html      the Nu Html Checker (vnu.jar) over every page, printout and stylesheet: 0 errors
  links     every internal link and #anchor resolves; nothing is loaded from another host;
            every <html> has a lang
  axe       axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) in headless Chromium on every
            page type (the nurse's page <diagnosis>/utskrift.html among them, after its script
            has run) and the printouts at 1280 px; page types also at 320 px and with the
            text size doubled (the html element's computed font size set to 2x, 18 px -> 36 px)
  reflow    no horizontal scrolling of any page at 320 px (tables scroll in their own box)
  print     each printout printed to PDF by headless Chromium: page count in range, every
            visible step's title in the PDF text, no hidden step's title
  shots     screenshots in artifacts/screenshots/ for a person to look at

A failure names the page, the rule and the element. Exit 0 when everything passed.

Modules: report (failures and the report), printouts (the one list of sample printouts),
pages (parsing the site's HTML), vnu (html), links, browser (Chromium and a local server
of the site), axe, reflow, pdf (print), layout (print layout), check (the real gate),
selftest, __main__ (the command line).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
