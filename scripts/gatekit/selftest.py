"""Self-test: broken pages must be caught. Copies output/ to a temporary folder, injects broken
pages and proves the same checks catch each of them."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

from .check import run_checks
from .report import Failure, Report, display


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
