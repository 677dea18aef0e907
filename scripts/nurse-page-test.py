#!/usr/bin/env python3
"""The nurse's page in a real browser (headless Chromium through selenium, as the gate, scripts/gatekit/browser.py).

    python3 scripts/nurse-page-test.py [--keep DIR]

Builds the site with .build/release/vardplan into a temporary folder and checks:

  parity    for each example manifest (examples/*.yaml, *.json): the page opened from file://,
            the manifest loaded through its file input and printed to PDF (Page.printToPDF)
            gives the same step titles in the same order as `vardplan print` of that manifest,
            and the same PDF text (pdftotext) as the CLI's printout printed by the same browser;
            the plan the page saves, given to `vardplan print`, prints the same steps (and the
            same HTML)
  presets   for each care phase: choose it, save, and the saved statuses, `show` and `hide`
            follow the rule of docs/nurse-page.md; `vardplan print` accepts the file
  refusals  a personal identity number in a text field (every separator of the rule, a line
            break between the parts) and a start date in the future or older than 730 days
            block printing and saving; a 10-digit mobile number is fine in the phone field
  files     YAML from `vardplan manifest new`, JSON from the page; a broken file is refused with
            a message naming the line, and the form is left as it was
  privacy   the page runs from file:// and over http from `python3 -m http.server` on
            127.0.0.1 under its Content-Security-Policy; it makes no request, sets no cookie,
            uses no localStorage, sessionStorage or IndexedDB
  budget    the page's script is at most SCRIPT_BUDGET bytes unminified

Dates: the examples start in November 2026; the page is opened with ?today=2026-11-30 and the
CLI runs with --today 2026-11-30. Exit 0 when everything passed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "release" / "vardplan"
TODAY = "2026-11-30"
SCRIPT = ROOT / "templates" / "partials" / "nurse-script.mustache"
SCRIPT_BUDGET = 56 * 1024          # bytes, unminified (docs/nurse-page.md)
SCRIPT_GZIP_BUDGET = 16 * 1024     # bytes, gzip -9
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

failures: list[str] = []


def check(condition: bool, what: str, detail: str = "") -> bool:
    print(("  ok   " if condition else "  FAIL ") + what, flush=True)
    if not condition:
        failures.append(what + (("\n       " + detail) if detail else ""))
        if detail:
            print("       " + detail.replace("\n", "\n       "), flush=True)
    return condition


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


class StepTitles(HTMLParser):
    """The step titles of a printout, in order, from its h4#rubrik-steg-… headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        # A step's heading: an h4, or an h3 when it stands for its section too (one heading once).
        if tag in ("h3", "h4") and dict(attrs).get("id", "").startswith("rubrik-steg-"):
            self._open = []

    def handle_endtag(self, tag):
        if tag in ("h3", "h4") and self._open is not None:
            self.titles.append(normalise("".join(self._open)))
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)


class StepIDs(HTMLParser):
    """The ids of a printout's steps, in order, from its <article data-step="…"> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "article" and values.get("data-step"):
            self.ids.append(values["data-step"])


def step_ids(html: str) -> list[str]:
    parser = StepIDs()
    parser.feed(html)
    return parser.ids


def manifest_language(path: Path) -> str:
    """The manifest's `language`, or "sv" (the examples write it as a top-level key or JSON key)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r'^\s*"?language"?\s*:\s*"?([a-z]{2,3})"?', text, flags=re.M)
    return found.group(1) if found else "sv"


def step_titles(html: str) -> list[str]:
    parser = StepTitles()
    parser.feed(html)
    return parser.titles


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BINARY), *arguments], cwd=ROOT, capture_output=True, text=True)


def pdf_text(pdf: bytes, folder: Path, name: str) -> str:
    path = folder / (name + ".pdf")
    path.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


class Browser:
    def __init__(self, downloads: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=sv-SE",
                         "--window-size=1280,900", "--no-first-run", "--disable-background-networking"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(60)
        self.downloads = downloads
        try:
            self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        except Exception:   # noqa: BLE001 - older Chromium: the page-level command
            self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.driver.get_log("browser")   # start each page with an empty console

    def console(self) -> list[str]:
        return [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]

    def js(self, script: str, *arguments):
        return self.driver.execute_script(script, *arguments)

    def load_plan(self, path: Path) -> str:
        self.js("document.getElementById('f-open-status').textContent = '';")
        self.driver.find_element("id", "f-open").send_keys(str(path.resolve()))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            status = self.js("return document.getElementById('f-open-status').textContent;")
            if status:
                return status
            time.sleep(0.05)
        return ""

    def pdf(self) -> bytes:
        import base64
        result = self.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
        return base64.b64decode(result["data"])

    def save(self) -> dict | None:
        for old in self.downloads.iterdir():
            old.unlink()
        self.driver.find_element("id", "f-save").click()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            done = [p for p in self.downloads.iterdir() if p.suffix == ".json"]
            if done:
                time.sleep(0.1)
                return json.loads(done[0].read_text(encoding="utf-8"))
            time.sleep(0.1)
        return None

    def visible_step_ids(self) -> list[str]:
        return self.js(
            "return Array.from(document.querySelectorAll('#utskrift main article.step[data-step]'))"
            ".filter(a => a.offsetParent !== null).map(a => a.getAttribute('data-step'));")

    def visible_step_titles(self) -> list[str]:
        return [normalise(t) for t in self.js(
            "return Array.from(document.querySelectorAll('#utskrift main article.step [id^=\"rubrik-steg-\"]'))"
            ".filter(h => h.offsetParent !== null).map(h => h.textContent);")]

    def close(self) -> None:
        self.driver.quit()


def expected_preset(controls: list[dict], phases: list[str], phase: str) -> tuple[dict, list[str], list[str]]:
    """The rule of docs/nurse-page.md, written again independently of the page's script."""
    position = phases.index(phase)
    statuses: dict[str, str] = {}
    show: list[str] = []
    hide: list[str] = []
    for module in controls:
        steps = module["steps"]
        tagged = [s for s in steps if s["phases"]]
        if module["active"] or any(phase in s["phases"] for s in steps):
            statuses[module["id"]] = "aktuell"
        elif tagged and all(p in phases and phases.index(p) < position for s in tagged for p in s["phases"]):
            statuses[module["id"]] = "avklarad"
        else:
            statuses[module["id"]] = "kommande"
        for s in steps:
            visible = (phase in s["phases"]) if s["phases"] else s["visible"]
            if visible and not s["visible"]:
                show.append(s["id"])
            if not visible and s["visible"]:
                hide.append(s["id"])
    return statuses, show, hide


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="keep the PDFs, downloads and site in this folder")
    options = parser.parse_args()
    if not BINARY.is_file():
        print(f"nurse-page-test: {BINARY.relative_to(ROOT)} is missing; run `make release` first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="vardplan-nurse-")) if not options.keep else options.keep.resolve()
    work.mkdir(parents=True, exist_ok=True)
    site, downloads, pdfs = work / "site", work / "downloads", work / "pdf"
    for folder in (downloads, pdfs):
        folder.mkdir(parents=True, exist_ok=True)
    build = run("build", "--content", "content", "--output", str(site), "--force", "--today", TODAY)
    if build.returncode != 0:
        print(build.stdout + build.stderr, file=sys.stderr)
        return 2
    pages = sorted(site.glob("*/utskrift.html"))
    if not check(bool(pages), "build writes <diagnosis>/utskrift.html"):
        return 1
    page = pages[0]
    page_url = page.resolve().as_uri() + "?today=" + TODAY

    print("budget")
    script = SCRIPT.read_bytes()
    zipped = len(gzip.compress(script, 9))
    check(len(script) <= SCRIPT_BUDGET, f"script {len(script)} bytes unminified, budget {SCRIPT_BUDGET}")
    check(zipped <= SCRIPT_GZIP_BUDGET, f"script {zipped} bytes gzip -9, budget {SCRIPT_GZIP_BUDGET}")
    check(b"{{" not in script, "the script has no Mustache tags (it is inserted as it is)")
    check(b"innerHTML" not in script and b"insertAdjacentHTML" not in script and b"document.write" not in script,
          "the script never inserts markup (textContent only)")

    browser = Browser(downloads)
    server = None
    try:
        print("privacy")
        for label, url in (("file://", page_url), ("http", None)):
            if url is None:
                server_log = (work / "server.log").open("w")
                server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1",
                                           "--directory", str(site)], stdout=subprocess.PIPE, stderr=server_log,
                                          text=True)
                line = server.stdout.readline()
                port = re.search(r"port (\d+)", line).group(1)
                url = f"http://127.0.0.1:{port}/{page.relative_to(site).as_posix()}?today={TODAY}"
            browser.open(url)
            ran = browser.js("return !document.getElementById('plan').hidden && !document.getElementById('forhandsgranskning').hidden;")
            check(ran, f"{label}: the script runs under the page's CSP (controls and preview shown)")
            check(not browser.console(), f"{label}: no console errors or CSP reports", "\n".join(browser.console()))
            state = browser.js(
                "return {resources: performance.getEntriesByType('resource').map(e => e.name), cookie: document.cookie,"
                " local: (function(){try{return localStorage.length}catch(e){return 0}})(),"
                " session: (function(){try{return sessionStorage.length}catch(e){return 0}})()};")
            check(state["resources"] == [], f"{label}: no request besides the page itself", str(state["resources"]))
            check(state["cookie"] == "" and state["local"] == 0 and state["session"] == 0, f"{label}: no cookie, no storage")
            target = url.split("/brostcancer/")[0] + "/index.html" if label == "http" else "https://example.org/"
            attempts = browser.driver.execute_async_script("""
                const done = arguments[arguments.length - 1], target = arguments[0], seen = [];
                document.addEventListener('securitypolicyviolation', e => seen.push(e.effectiveDirective));
                const image = new Image(); image.src = target + '?image';
                fetch(target + '?fetch').then(() => 'loaded', () => 'refused').then(fetched => {
                  setTimeout(() => done({fetched, seen: seen.sort(),
                    resources: performance.getEntriesByType('resource').map(e => e.name)}), 300);
                });""", target)
            check(attempts["fetched"] == "refused" and "connect-src" in attempts["seen"] and "img-src" in attempts["seen"],
                  f"{label}: a fetch and an image to {target} are refused by the CSP", str(attempts))
            if label == "http":
                time.sleep(0.3)
                log = (work / "server.log").read_text()
                check("?fetch" not in log and "?image" not in log and "utskrift.html" in log,
                      "http: the server saw the page and nothing else from it", log[-400:])
        html = page.read_text(encoding="utf-8")
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        check(bool(csp) and "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)
              and "form-action 'none'" in csp.group(1) and "base-uri 'none'" in csp.group(1)
              and "unsafe" not in csp.group(1), "the CSP forbids every request and allows only hashed inline code")
        script_source = browser.js("return Array.from(document.scripts).map(s => s.src).join('')")
        check(script_source == "", "no external script")
        has_indexeddb_use = b"indexedDB" in script or b"localStorage" in script or b"document.cookie" in script
        check(not has_indexeddb_use, "the script never touches cookies, localStorage or IndexedDB")

        print("without JavaScript")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        plain_options = webdriver.ChromeOptions()
        plain_options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
            plain_options.add_argument(argument)
        plain_options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        plain = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=plain_options)
        try:
            plain.get(page_url)
            notice = plain.find_element("css selector", "noscript p, p.noscript")
            visible = plain.find_element("tag name", "body").text
            check("Den här sidan behöver JavaScript" in visible and "översikten för vårdpersonal" in visible,
                  "without JavaScript the page says it needs it and links the staff overview", visible[:300])
            check(not plain.find_element("id", "plan").is_displayed() and not plain.find_element("id", "forhandsgranskning").is_displayed(),
                  "without JavaScript the controls and the preview stay hidden")
            del notice
        finally:
            plain.quit()

        print("layout and keyboard")
        for width in (1280, 320):
            browser.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
            browser.open(page_url)
            browser.load_plan(ROOT / "examples" / "i-behandling.yaml")
            spill = browser.js("""const tool = document.getElementById('verktyg').getBoundingClientRect();
                return Array.from(document.querySelectorAll('#verktyg *')).filter(e => { const r = e.getBoundingClientRect();
                  return r.width > 0 && r.right > tool.right + 1; }).slice(0, 3).map(e => e.outerHTML.slice(0, 80));""")
            check(spill == [], f"{width} px: every control stays inside the controls' column", str(spill))
            wide = browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            check(wide <= 1, f"{width} px: no horizontal scrolling ({wide} px)")
        browser.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.common.action_chains import ActionChains
        browser.open(page_url)
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0);")
        reached, unlabelled = [], []
        for _ in range(140):
            ActionChains(browser.driver).send_keys(Keys.TAB).perform()
            focused = browser.js("""const e = document.activeElement;
                const named = (e.labels && e.labels.length) || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' && e.textContent.trim())
                  || (e.tagName === 'A' && e.textContent.trim()) || (e.getAttribute('role') === 'region' && e.getAttribute('aria-labelledby'));
                return [e.id || e.tagName, !!named];""")
            reached.append(focused[0])
            if not focused[1]:
                unlabelled.append(focused[0])
            if focused[0] == "forhandsgranskning":
                break
        for control in ("f-open", "f-phase", "f-phase-apply", "f-start", "f-contact-add", "f-steg-mina-fragor-infor-besoket"):
            check(control in reached, f"keyboard: Tab reaches #{control}")
        check(not unlabelled, "keyboard: every control reached has a name", str(unlabelled[:5]))
        browser.driver.find_element("id", "f-steg-mina-fragor-infor-besoket").send_keys(Keys.SPACE)
        check(not browser.js("return document.getElementById('f-steg-mina-fragor-infor-besoket').checked;")
              and browser.js("return document.querySelector('#utskrift article[data-step=\"mina-fragor-infor-besoket\"]').hidden;"),
              "keyboard: Space on a step's checkbox hides it in the printout")

        print("parity")
        examples = sorted(list((ROOT / "examples").glob("*.yaml")) + list((ROOT / "examples").glob("*.json")))
        for example in examples:
            name = example.stem
            cli_html = work / f"{name}-cli.html"
            result = run("print", str(example), "-o", str(cli_html), "--today", TODAY)
            if not check(result.returncode == 0, f"{name}: vardplan print accepts the example", result.stderr):
                continue
            expected = step_titles(cli_html.read_text(encoding="utf-8"))
            expected_ids = step_ids(cli_html.read_text(encoding="utf-8"))
            browser.open(page_url)
            status = browser.load_plan(example)
            check(status.startswith("Planen är öppnad"), f"{name}: the page opens the manifest", status)
            shown_ids = browser.visible_step_ids()
            check(expected_ids and shown_ids == expected_ids,
                  f"{name}: the page shows the same {len(expected_ids)} steps as the CLI, in its order (by id)",
                  f"page: {shown_ids[:6]}…\ncli:  {expected_ids[:6]}…")
            if manifest_language(example) != "sv":
                # The page's printout is Swedish (docs/nurse-page.md): it says so, and the saved plan
                # prints in the patient's language through `vardplan print` (checked below).
                messages = browser.js("return document.getElementById('f-messages').textContent;")
                check("på svenska" in messages and "vardplan print" in messages,
                      f"{name}: a plan in another language is told that the page prints Swedish", messages)
            else:
                shown = browser.visible_step_titles()
                check(shown == expected, f"{name}: the page shows the CLI's {len(expected)} steps in its order",
                      f"page: {shown[:6]}…\ncli:  {expected[:6]}…")
                page_text = normalise(pdf_text(browser.pdf(), pdfs, name + "-page"))
                positions, at = [], 0
                for title in expected:
                    found = page_text.find(title, page_text.find("Innehåll") + 1 if not positions else at)
                    positions.append(found)
                    at = found + 1 if found >= 0 else at
                check(all(p >= 0 for p in positions), f"{name}: every step title is in the page's PDF, in order")
                browser.open(cli_html.resolve().as_uri())
                cli_text = normalise(pdf_text(browser.pdf(), pdfs, name + "-cli"))
                same = page_text == cli_text
                detail = ""
                if not same:
                    index = next((i for i, (a, b) in enumerate(zip(page_text, cli_text)) if a != b), min(len(page_text), len(cli_text)))
                    detail = f"first difference at {index}:\npage: …{page_text[max(0, index - 80):index + 80]}…\ncli:  …{cli_text[max(0, index - 80):index + 80]}…"
                check(same, f"{name}: the page's PDF text equals the CLI printout's PDF text ({len(cli_text)} characters)", detail)
            # Save, and print the saved file.
            browser.open(page_url)
            browser.load_plan(example)
            saved = browser.save()
            if not check(saved is not None, f"{name}: the page saves a plan file"):
                continue
            saved_path = work / f"{name}-saved.json"
            saved_path.write_text(json.dumps(saved, ensure_ascii=False, indent=2), encoding="utf-8")
            again = work / f"{name}-saved.html"
            result = run("print", str(saved_path), "-o", str(again), "--today", TODAY)
            if check(result.returncode == 0, f"{name}: vardplan print accepts the saved plan", result.stderr):
                check(step_titles(again.read_text(encoding="utf-8")) == expected, f"{name}: the saved plan prints the same steps")
                check(again.read_text(encoding="utf-8") == cli_html.read_text(encoding="utf-8"),
                      f"{name}: the saved plan prints the same HTML as the example")
            check("start_date" in saved and saved.get("content_version"), f"{name}: the saved plan has start_date and content_version")

        print("large print")
        browser.open(page_url)
        browser.load_plan(ROOT / "examples" / "formular.json")
        browser.driver.find_element("id", "f-large-print").click()
        large = browser.js("return getComputedStyle(document.querySelector('#utskrift main p')).fontSize;")
        check(large in ("22.6667px", "22.66px", "22.667px") or abs(float(large[:-2]) - 17 * 4 / 3) < 0.1,
              f"large print: body text 17 pt ({large})")
        large_pdf = browser.pdf()
        cli_large = work / "formular-large.html"
        run("print", "examples/formular.json", "--large-print", "-o", str(cli_large), "--today", TODAY)
        browser.open(cli_large.resolve().as_uri())
        check(normalise(pdf_text(large_pdf, pdfs, "formular-large-page")) == normalise(pdf_text(browser.pdf(), pdfs, "formular-large-cli")),
              "large print: the page's PDF text equals `vardplan print --large-print`")

        print("presets")
        browser.open(page_url)
        controls = browser.js("""
            return Array.from(document.querySelectorAll('fieldset.module-controls')).map(f => ({
              id: f.dataset.module, active: f.dataset.active === 'true',
              steps: Array.from(f.querySelectorAll('input.step')).map(b => ({
                id: b.dataset.step, visible: b.dataset.default === 'true',
                phases: (b.dataset.phases || '').split(' ').filter(Boolean)}))}));""")
        phases = browser.js("return Array.from(document.querySelectorAll('#f-phase option')).map(o => o.value).filter(Boolean);")
        check(len(phases) >= 3, f"the page offers the site's phases ({', '.join(phases)})")
        for phase in phases:
            browser.open(page_url)
            browser.js("document.getElementById('f-phase').value = arguments[0];", phase)
            browser.driver.find_element("id", "f-phase-apply").click()
            # A contact, so the plan is what a nurse would save.
            browser.js("const i = document.querySelector('#f-contacts input'); i.value = 'Anna Lind';"
                       "document.querySelectorAll('#f-contacts input')[1].value = 'Kontaktsjuksköterska';"
                       "i.dispatchEvent(new Event('input', {bubbles: true}));")
            saved = browser.save()
            if not check(saved is not None, f"preset {phase}: saved"):
                continue
            statuses, show, hide = expected_preset(controls, phases, phase)
            check(saved["modules"] == statuses, f"preset {phase}: module statuses follow the rule",
                  f"saved {saved['modules']}\nrule  {statuses}")
            check(sorted(saved["show"]) == sorted(show) and sorted(saved["hide"]) == sorted(hide),
                  f"preset {phase}: show {len(show)}, hide {len(hide)} steps as the rule says")
            path = work / f"preset-{phase}.json"
            path.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
            result = run("print", str(path), "-o", str(work / f"preset-{phase}.html"), "--today", TODAY)
            check(result.returncode == 0, f"preset {phase}: vardplan print accepts the saved plan", result.stderr)

        print("refusals")
        numbers = ["19121212-1212", "121212-1212", "121212+1212", "20121212 1212", "121212\u20131212", "121212\u20141212",
                   "121212\u22121212", "121212 \u2010 1212", "121212\n1212", "1212121212", "191212121212", "121272-1219"]
        for number in numbers:
            browser.open(page_url)
            browser.js("const t = document.getElementById('f-welcome'); t.value = 'Hej ' + arguments[0] + ' då';"
                       "t.dispatchEvent(new Event('input', {bubbles: true}));", number)
            blocked = browser.js("return document.body.classList.contains('blocked') && document.getElementById('f-welcome').getAttribute('aria-invalid') === 'true';")
            check(blocked, f"a personal identity number {number!r} in the welcome text is refused at the field")
        text = normalise(pdf_text(browser.pdf(), pdfs, "refused"))
        check("Planen kan inte skrivas ut" in text and "Hej" not in text, "a refused plan prints only the notice")
        check(browser.js("return document.getElementById('utskrift').offsetParent === null;"), "a refused plan's preview is not shown either")
        check(browser.save() is None, "a refused plan is not saved")
        for harmless, field in (("0701234567", "phone"), ("031-342 10 00", "phone"), ("121212-1213", "text"), ("2026-11-30", "text")):
            browser.open(page_url)
            browser.js("const i = document.querySelector('#f-contacts input[data-text=\"' + arguments[1] + '\"]') || document.getElementById('f-region');"
                       "i.value = arguments[0]; i.dispatchEvent(new Event('input', {bubbles: true}));", harmless, field)
            check(browser.js("return !(document.querySelector('#f-contacts input[data-text=\"' + arguments[0] + '\"]') || document.getElementById('f-region')).hasAttribute('aria-invalid');", field),
                  f"{harmless!r} in a {field} field is accepted")
        browser.open(page_url)
        browser.js("const i = document.querySelector('#f-contacts input[data-text=\"phone\"]'); i.value = '121212-1212';"
                   "i.dispatchEvent(new Event('input', {bubbles: true}));")
        check(browser.js("return document.querySelector('#f-contacts input[data-text=\"phone\"]').getAttribute('aria-invalid') === 'true';"),
              "'121212-1212' in the phone field is refused")
        for date, why in (("2026-12-01", "in the future"), ("2024-11-29", "731 days ago")):
            browser.open(page_url)
            browser.js("const i = document.getElementById('f-start'); i.value = arguments[0]; i.dispatchEvent(new Event('input', {bubbles: true}));", date)
            check(browser.js("return document.body.classList.contains('blocked');"), f"a start date {why} is refused")
        browser.open(page_url)
        browser.js("const i = document.getElementById('f-start'); i.value = '2024-11-30'; i.dispatchEvent(new Event('input', {bubbles: true}));")
        check(not browser.js("return document.body.classList.contains('blocked');"), "a start date 730 days ago is accepted")

        print("warnings")
        browser.open(page_url)
        browser.load_plan(ROOT / "examples" / "ny-patient.yaml")
        messages = browser.js("return document.getElementById('f-messages').textContent;")
        check("2026-11-26 har redan varit" in messages, "a planning date already past is warned about", messages)
        browser.js("document.querySelectorAll('#f-contacts .entry button').forEach(b => b.click());")
        messages = browser.js("return document.getElementById('f-messages').textContent;")
        check("ingen kontakt" in messages, "a plan with no contact is warned about", messages)
        browser.js("document.getElementById('f-steg-brostrekonstruktion').click();")
        messages = browser.js("return document.getElementById('f-messages').textContent;")
        check("Bröstrekonstruktion" in messages and "kommande" in messages, "a shown step in a module that is not current is warned about", messages)

        print("files")
        template = work / "new.yaml"
        run("manifest", "new", "brostcancer", "-o", str(template), "--today", TODAY)
        browser.open(page_url)
        status = browser.load_plan(template)
        check(status.startswith("Planen är öppnad"), "opens the YAML of `vardplan manifest new`", status)
        handwritten = work / "handwritten.yaml"
        handwritten.write_text(
            "# a comment\ndiagnosis: brostcancer\nstart_date: 2026-11-02\nmodules:\n  behandling: aktuell   # now\n"
            "show: [brostrekonstruktion, 'pet-dt']\nhide:\n- mammografi\ncontacts:\n  - name: \"Anna: Lind\"\n    role: Kontaktsjuksköterska\n"
            "    phone: '031-342 10 00'\nplanning:\n  - when: i början av april\n    what: >\n      Besök\n      hos läkaren\n"
            "welcome: |\n  Hej!\n\n  Ring mig.\ncomments:\n  - step: mastektomi\n    text: Första raden\n      fortsätter här\n",
            encoding="utf-8")
        browser.open(page_url)
        status = browser.load_plan(handwritten)
        check(status.startswith("Planen är öppnad"), "opens hand-written YAML (comments, flow lists, quotes, | and >, a '- ' list at the key's indent)", status)
        saved = browser.save()
        check(saved is not None and saved["contacts"][0]["name"] == "Anna: Lind" and saved["planning"][0]["what"] == "Besök hos läkaren"
              and saved["welcome"] == "Hej!\n\nRing mig.\n" and saved["comments"][0]["text"] == "Första raden fortsätter här"
              and saved["show"] == ["pet-dt", "brostrekonstruktion"] and saved["hide"] == ["mammografi"],
              "the hand-written YAML reads as YAML does", json.dumps(saved, ensure_ascii=False)[:600] if saved else "")
        broken = work / "broken.yaml"
        broken.write_text("diagnosis: brostcancer\nstart_date: 2026-11-02\nwelcome: Hej! Ring mig: 070-123 45 67\n", encoding="utf-8")
        browser.open(page_url)
        browser.js("document.getElementById('f-region').value = 'kvar';")
        status = browser.load_plan(broken)
        check("Rad 3:" in status and "citattecken" in status, "a YAML error is refused naming its line", status)
        check(browser.js("return document.getElementById('f-region').value;") == "kvar", "a refused file leaves the form as it was")
        for content, expect in (('{"diagnosis": "brostcancer", "modules": {"behandlingg": "aktuell"}}', "behandlingg"),
                                ('{"diagnosis": "brostcancer", "show": ["mastektomi"], "hide": ["mastektomi"]}', "både"),
                                ('{"diagnosis": "lungcancer"}', "lungcancer"),
                                ('{"diagnosis": "brostcancer",\n "name": "x"}', "okänd nyckel"),
                                ('{"diagnosis": "brostcancer",\n "start_date": "2026-02-30"}', "2026-02-30"),
                                ('{"diagnosis": "brostcancer",\n\n "x": }', "Rad 3")):
            path = work / "refused.json"
            path.write_text(content, encoding="utf-8")
            browser.open(page_url)
            status = browser.load_plan(path)
            check("kunde inte öppnas" in status and expect in status, f"refuses {content[:60]!r}", status)
    finally:
        try:
            browser.close()
            if server:
                server.terminate()
                server.wait()
        finally:
            # The saved plans and PDFs hold the examples' (made-up) patient data: never left behind.
            if not options.keep:
                shutil.rmtree(work, ignore_errors=True)

    print()
    if failures:
        print(f"nurse-page-test: {len(failures)} failure(s)")
        return 1
    print("nurse-page-test: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
