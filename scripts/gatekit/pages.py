"""Parsing pages: ids, links, resources, headings and text of the site's HTML; one page of each type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


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
