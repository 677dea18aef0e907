#!/usr/bin/env python3
"""Pathological inputs: every shape that once ran (or could run) slower than linear.

Run through `scripts/bench pathological` (or directly, after a release build). For
each shape it writes a one-step site into .build/bench/pathological/ at three sizes,
runs `vardplan check` and `vardplan build` on it, and prints the wall time of each
next to libcmark alone parsing and rendering the same step body in-process (ctypes
on libcmark.so: the floor).

It fails (exit 1) when, for any shape,
  - a run takes longer than --bound seconds (default 5), or
  - time grows faster than about linearly: from one size to the next, time may grow
    at most 2.5 times as much as the input (8x the input must cost < 20x the time);
    times under --floor-time seconds (default 0.15, mostly process start) count as
    that floor, so noise in tiny runs cannot fail the check, or
  - the result is wrong: `check`/`build` exit with an unexpected status, or an
    expected message is missing.

The shapes: cmark's own classic pathological inputs (test/pathological_tests.py:
nested brackets, nested emphasis, emphasis and link openers or closers without
partners, unclosed links, backticks, nested block quotes and lists, many link
reference definitions), vardplan's own (a paragraph of N reference links, before or
after a definition; backslash hard breaks and link titles across lines, which move
cmark's inline line count; long tables; tables whose cells use a reference link defined
in the body, at the top level, in block quotes, list items and callouts; N tables each with its own reference, N
definitions at the end), template shapes (sections nested 10, 100,
1000 deep; a section over the list its enclosing section iterates; partials that
include the next one twice, level after level) and links to '.' in content/.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench", "pathological")
TODAY = "2026-11-23"
STEP = "diagnoses/test/01-modul/01-avsnitt/01-steg.md"


# --- the shapes ----------------------------------------------------------------------

MARKDOWN_SHAPES = {
    # name: (body for size n, sizes)
    "reference links, one paragraph": (lambda n: "[a][r]\n" * n + "\n[r]: https://example.org/\n", (1000, 8000, 45000)),
    "reference links after a definition": (lambda n: "[r]: https://example.org/\n" + "[a][r]\n" * n, (1000, 8000, 45000)),
    "many link reference definitions": (
        lambda n: "".join(f"[d{i}]: /u{i}\n" for i in range(n)) + "\n[d1] [d2]\n", (1000, 8000, 45000)),
    "nested brackets": (lambda n: "[" * n + "a" + "]" * n + "\n", (5000, 40000, 225000)),
    "nested strong emphasis": (lambda n: "*a **a " * n + "b" + " a** a*" * n + "\n", (1000, 8000, 45000)),
    "emphasis closers without openers": (lambda n: "a_ " * n + "\n", (5000, 40000, 225000)),
    "emphasis openers without closers": (lambda n: "_a " * n + "\n", (5000, 40000, 225000)),
    "link openers without closers": (lambda n: "[a" * n + "\n", (5000, 40000, 225000)),
    "link closers without openers": (lambda n: "a]" * n + "\n", (5000, 40000, 225000)),
    "pattern [ (]( repeated": (lambda n: "[ (](" * n + "\n", (2000, 16000, 90000)),
    "unclosed links": (lambda n: "[a](<b" * n + "\n", (2000, 16000, 90000)),
    "backticks": (lambda n: "".join("e" + "`" * x for x in range(1, n)) + "\n", (100, 283, 670)),
    "nested block quotes": (lambda n: "> " * n + "a\n", (5000, 40000, 225000)),
    "deeply nested lists": (lambda n: "".join("  " * x + "* a\n" for x in range(n)), (60, 170, 400)),
    "backslash hard breaks": (lambda n: "rad\\\n" * n + "sist [l](m)\n", (1000, 8000, 45000)),
    "link titles across lines": (lambda n: '[a](b\n"t") ' * n + "\n", (1000, 8000, 45000)),
    "table rows": (lambda n: "| a | b |\n|---|---|\n" + "| x [l](m) | y |\n" * n, (500, 4000, 22500)),
    "tables in one paragraph": (lambda n: "text\n| a |\n|---|\n| 1 |\n" * n, (250, 2000, 11250)),
    # Cells are parsed on their own with the body's reference definitions appended: once
    # the whole body per table (quadratic), now only the lines that may define references.
    "tables with reference links": (
        lambda n: "".join(f"| Rubrik [x][] |\n| --- |\n| cell {i} |\n\n" for i in range(n)) + "[x]: /steg/\n",
        (250, 2000, 11250)),
    # Each table once got every definition of the body appended (N tables × N lines);
    # now only those whose label it can reference.
    "tables × definitions": (
        lambda n: "".join(f"| Rubrik [x{i}][] |\n| --- |\n| cell {i} |\n\n" for i in range(n))
        + "".join(f"[x{i}]: /steg/{i}\n" for i in range(n)),
        (250, 2000, 11250)),
    "tables with reference links in block quotes": (
        lambda n: "".join(f"> | Rubrik [x][] |\n> | --- |\n> | cell {i} |\n\n" for i in range(n)) + "> [x]: /steg/\n",
        (250, 2000, 11250)),
    "tables with reference links in list items": (
        lambda n: "".join(f"- | Rubrik [x][] |\n  | --- |\n  | cell {i} |\n\n" for i in range(n)) + "[x]: /steg/\n",
        (250, 2000, 11250)),
    "tables with reference links in callouts": (
        lambda n: "".join(f"> [!INFO]\n> | Rubrik [x][] |\n> | --- |\n> | cell {i} |\n\n" for i in range(n))
        + "[x]: /steg/\n", (250, 2000, 11250)),
}


def nested_sections(depth: int) -> tuple[str, str]:
    return "base", "{{^nope}}" * depth + "{{/nope}}" * depth


def same_list(depth: int) -> tuple[str, str]:
    return "sitemap", "{{#urls}}" * depth + "x" + "{{/urls}}" * depth


# name: (edit(size) -> (template to prefix, text), sizes, expected rc, expected message)
TEMPLATE_SHAPES = {
    "template sections nested 10/100/1000 deep": (nested_sections, (10, 100, 1000), None,
                                                  "sections are nested more than 100 deep"),
    "template section over the list around it": (same_list, (2, 8, 64), 1,
                                                 "iterates the list that the section around it already iterates"),
    "template partials doubling per level": ("doubling", (22, 25, 28), 1, "rendering stopped here"),
}


# --- sites -----------------------------------------------------------------------------

def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def make_site(folder: str, body: str) -> str:
    shutil.rmtree(folder, ignore_errors=True)
    content = os.path.join(folder, "content")
    write(os.path.join(content, "site.yaml"), "title: Patologisk\nlanguage: sv\nbase_url: https://example.org/\n")
    os.makedirs(os.path.join(content, "general"), exist_ok=True)
    write(os.path.join(content, "diagnoses/test/_diagnosis.md"),
          "---\ntitle: Test\nversion: \"1\"\napproved: 2026-01-01\nnext_review: 2027-06-01\n"
          "publisher: Bänk\nsummary: Patologiska indata.\n---\n\nText.\n")
    write(os.path.join(content, "diagnoses/test/01-modul/_module.md"), "---\ntitle: Modul\n---\n\nText.\n")
    write(os.path.join(content, "diagnoses/test/01-modul/01-avsnitt/_section.md"), "---\ntitle: Avsnitt\n---\n\nText.\n")
    write(os.path.join(content, STEP), "---\ntitle: Steg\n---\n\n" + body)
    return content


def make_templates(folder: str, shape, size: int) -> str:
    templates = os.path.join(folder, "templates")
    shutil.rmtree(templates, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "templates"), templates)
    if shape == "doubling":
        for level in range(size):
            write(os.path.join(templates, f"partials/p{level}.mustache"),
                  "{{> partials/p%d}}{{> partials/p%d}}" % (level + 1, level + 1))
        write(os.path.join(templates, f"partials/p{size}.mustache"), "")
        name, text = "404", "{{> partials/p0}}"
    else:
        name, text = shape(size)
    path = os.path.join(templates, name + ".mustache")
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    write(path, text + original)
    return templates


def template_bytes(templates: str) -> int:
    total = 0
    for directory, _, files in os.walk(templates):
        total += sum(os.path.getsize(os.path.join(directory, name)) for name in files if name.endswith(".mustache"))
    return total


# --- measuring -------------------------------------------------------------------------

class Cmark:
    """libcmark in-process: parse and render one body, timed (the floor)."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("cmark") or "libcmark.so"
        self.lib = ctypes.CDLL(name)
        self.lib.cmark_markdown_to_html.restype = ctypes.c_void_p
        self.lib.cmark_markdown_to_html.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
        self.libc = ctypes.CDLL(ctypes.util.find_library("c"))
        self.libc.free.argtypes = [ctypes.c_void_p]

    def seconds(self, body: str) -> float:
        data = body.encode("utf-8")
        start = time.perf_counter()
        pointer = self.lib.cmark_markdown_to_html(data, len(data), 1 << 10)  # CMARK_OPT_SMART
        elapsed = time.perf_counter() - start
        self.libc.free(pointer)
        return elapsed


def run(argv: list[str], bound: float) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=max(bound * 4, 10))
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, -1, "timed out"
    return time.perf_counter() - start, done.returncode, done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/vardplan"))
    parser.add_argument("--bound", type=float, default=5.0, help="most seconds any run may take (default 5)")
    parser.add_argument("--floor-time", type=float, default=0.15,
                        help="times below this count as this when comparing sizes (default 0.15 s)")
    parser.add_argument("--only", default="", help="run only shapes whose name contains this text")
    options = parser.parse_args()
    cmark = Cmark()
    failures: list[str] = []
    results = []
    print(f"{'shape':44} {'size':>7} {'bytes':>8} {'cmark':>8} {'check':>8} {'build':>8}")

    def judge(name: str, rows: list[dict]) -> None:
        for row in rows:
            for command in ("check", "build"):
                if row[command] > options.bound:
                    failures.append(f"{name} at {row['size']}: {command} took {row[command]:.2f} s > {options.bound} s")
        for small, large in zip(rows, rows[1:]):
            growth = large["bytes"] / small["bytes"]
            for command in ("check", "build"):
                ratio = max(large[command], options.floor_time) / max(small[command], options.floor_time)
                if ratio > 2.5 * growth:
                    failures.append(f"{name}: {command} {small['size']} → {large['size']}: input ×{growth:.1f}, "
                                    f"time ×{ratio:.1f} (more than ×{2.5 * growth:.1f})")

    def measure(name: str, size: int, folder: str, content: str, templates: str, size_bytes: int,
                floor: float | None, expected_check: int, expected_build: int, message: str | None) -> dict:
        output = os.path.join(folder, "output")
        check_time, check_rc, check_out = run([options.binary, "check", "--content", content, "--today", TODAY],
                                              options.bound)
        build_time, build_rc, build_out = run([options.binary, "build", "--content", content, "--templates", templates,
                                               "--output", output, "--today", TODAY, "--force"], options.bound)
        row = {"shape": name, "size": size, "bytes": size_bytes, "cmark": floor, "check": check_time,
               "build": build_time, "check_rc": check_rc, "build_rc": build_rc}
        floor_text = f"{floor:8.3f}" if floor is not None else f"{'–':>8}"
        print(f"{name:44} {size:7} {size_bytes:8} {floor_text} {check_time:8.3f} {build_time:8.3f}", flush=True)
        if check_rc != expected_check:
            failures.append(f"{name} at {size}: check exited {check_rc}, expected {expected_check}: {check_out.strip()[-300:]}")
        if build_rc != expected_build:
            failures.append(f"{name} at {size}: build exited {build_rc}, expected {expected_build}: {build_out.strip()[-300:]}")
        if message and message not in build_out:
            failures.append(f"{name} at {size}: the build's messages lack '{message}'")
        return row

    for name, (body_of, sizes) in MARKDOWN_SHAPES.items():
        if options.only not in name:
            continue
        rows = []
        for size in sizes:
            folder = os.path.join(WORK, name.replace(" ", "-").replace("/", "-"), str(size))
            body = body_of(size)
            content = make_site(folder, body)
            templates = os.path.join(ROOT, "templates")
            rows.append(measure(name, size, folder, content, templates, len(body.encode("utf-8")),
                                cmark.seconds(body), 0, 0, None))
        judge(name, rows)
        results.extend(rows)

    for name, (shape, sizes, expected_rc, message) in TEMPLATE_SHAPES.items():
        if options.only not in name:
            continue
        rows = []
        for size in sizes:
            folder = os.path.join(WORK, "template-" + name.replace(" ", "-").replace("/", "-"), str(size))
            content = make_site(folder, "Text.\n")
            templates = make_templates(folder, shape, size)
            rc = expected_rc if expected_rc is not None else (1 if size > 100 else 0)
            rows.append(measure(name, size, folder, content, templates, template_bytes(templates), None, 0, rc,
                                message if rc == 1 else None))
        judge(name, rows)
        results.extend(rows)

    name = "links to '.' in content/"
    if options.only in name:
        rows = []
        for size in (2, 16, 128):
            folder = os.path.join(WORK, "links-to-dot", str(size))
            content = make_site(folder, "Text.\n")
            for index in range(size):
                os.symlink(".", os.path.join(content, "diagnoses/test", f"l{index:03}"))
            rows.append(measure(name, size, folder, content, os.path.join(ROOT, "templates"), size, None, 1, 1,
                                "again (a symbolic link"))
        judge(name, rows)
        results.extend(rows)

    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "results.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=1)
    if failures:
        print(f"\n{len(failures)} pathological case(s) failed:", file=sys.stderr)
        for failure in failures:
            print("  " + failure, file=sys.stderr)
        return 1
    print(f"\nevery shape linear within ×2.5 of its input growth and under {options.bound} s per run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
