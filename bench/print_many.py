#!/usr/bin/env python3
"""Benchmark: many plans in one run (`vardplan print A.yaml B.json … --out-dir DIR`).

Generates N manifests (default 100) from the three in examples/, each a little
different (contacts, planning, which steps are shown), prints them all in one run,
then, for comparison, one `vardplan print` process per manifest. Reports wall time
(median of --runs) in total and per plan.

    swift build -c release --product vardplan
    python3 bench/print_many.py [--plans 100] [--runs 3] [--pdf]

Everything is written under .build/bench/print-many/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-23"


def generate(folder: str, count: int) -> list[str]:
    """Writes `count` manifests derived from examples/; returns their paths."""
    examples = sorted(os.listdir(os.path.join(ROOT, "examples")))
    texts = {name: open(os.path.join(ROOT, "examples", name), encoding="utf-8").read() for name in examples}
    paths = []
    for index in range(count):
        name = examples[index % len(examples)]
        text = texts[name]
        if name.endswith(".json"):
            plan = json.loads(text)
            plan["contacts"] = [{"name": f"Sköterska {index}", "role": "Kontaktsjuksköterska", "phone": "031-342 10 00"}]
            body = json.dumps(plan, ensure_ascii=False, indent=2)
            path = os.path.join(folder, f"plan-{index:03d}.json")
        else:
            body = text + f"\nwhat_matters: |\n  Plan nummer {index}: att orka vara med mina barn.\n"
            path = os.path.join(folder, f"plan-{index:03d}.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(body)
        paths.append(path)
    return paths


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command[:4])} …\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="print PDFs (needs Chromium; slow)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/vardplan"))
    options = parser.parse_args()
    if not os.access(options.binary, os.X_OK):
        sys.exit(f"{options.binary} is missing; run: swift build -c release --product vardplan")

    work = os.path.join(ROOT, ".build/bench/print-many")
    shutil.rmtree(work, ignore_errors=True)
    manifests = os.path.join(work, "manifests")
    os.makedirs(manifests)
    paths = generate(manifests, options.plans)
    extra = ["--pdf"] if options.pdf else []
    suffix = ".pdf" if options.pdf else ".html"

    one_run, separate = [], []
    for run in range(options.runs):
        out = os.path.join(work, f"one-run-{run}")
        one_run.append(timed([options.binary, "print", *paths, "--out-dir", out, "--today", TODAY, *extra]))
        count = len([name for name in os.listdir(out) if name.endswith(suffix)])
        if count != options.plans:
            sys.exit(f"expected {options.plans} printouts in {out}, found {count}")
        out = os.path.join(work, f"separate-{run}")
        os.makedirs(out)
        started = time.perf_counter()
        for path in paths:
            target = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + suffix)
            timed([options.binary, "print", path, "-o", target, "--today", TODAY, *extra])
        separate.append(time.perf_counter() - started)

    def line(label: str, figures: list[float]) -> str:
        median = statistics.median(figures)
        return (f"{label:<28} {median:8.2f} s  ({median / options.plans * 1000:6.1f} ms per plan; "
                f"min {min(figures):.2f} s, max {max(figures):.2f} s)")

    print(f"{options.plans} plans ({'PDF' if options.pdf else 'HTML'}), median of {options.runs} runs, {os.cpu_count()} cores")
    print(line("one run (--out-dir)", one_run))
    print(line("one process per plan", separate))


if __name__ == "__main__":
    main()
