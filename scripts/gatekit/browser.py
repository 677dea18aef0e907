"""The browser: one headless Chromium session (selenium) over a local server of the site, for
axe, reflow and screenshots."""

from __future__ import annotations

import importlib.util
import shutil
import threading
import urllib.parse
from pathlib import Path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

DESKTOP = (1280, 900)
NARROW = (320, 720)
PHONE = (390, 844)


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
