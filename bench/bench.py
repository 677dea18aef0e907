#!/usr/bin/env python3
"""vardplan's benchmark: how fast, against the libcmark floor, at national scale.

Run through scripts/bench (or make bench). For each corpus size (diagnoses) it
generates a deterministic corpus with bench/generate_corpus.py, checks it with
`vardplan check`, then times in interleaved rounds:

  floor mem      bench/floor.c: every step body rendered by cmark_markdown_to_html
  floor write    the same, writing one HTML file per step
  floor cat      the 20 steps of the printout rendered into one file
  full build     vardplan build into an empty output folder
  no-op rebuild  vardplan build again, nothing changed
  one change     vardplan build after a sentence was appended to one step file (the
                 first rebuild after a full build into an empty folder: no spare yet)
  next change    vardplan build after a sentence was appended to another step file
                 (an editor's next save: the previous site is in place as the spare)
  print          vardplan print of a manifest that shows 20 steps
  in memory      vardplan's stages through VardplanCore without writing (bench/inmemory)
  hugo           Hugo building the same corpus (bench/hugo_site.py) into an empty folder

Every figure is whole-process wall time (process start included), median of --runs
runs with min and max, peak memory is the child's ru_maxrss (os.wait4). Results go to
stdout and to .build/bench/results.md and results.json.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
TODAY = "2026-11-23"
PRINT_STEPS = 20


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- running and measuring --------------------------------------------------------------

@dataclass
class Sample:
    wall: float
    user: float
    sys: float
    maxrss_kb: int
    rc: int
    out: str


def run_timed(argv: list[str], out_path: str, cwd: str = ROOT) -> Sample:
    """Runs argv, returning whole-process wall time and the child's own rusage."""
    with open(out_path, "w+b") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Sample(wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, proc.returncode, text)


def must(sample: Sample, what: str) -> Sample:
    if sample.rc != 0:
        log(sample.out[-4000:])
        raise SystemExit(f"bench: {what} failed with exit code {sample.rc}")
    return sample


def last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError(f"no JSON line in: {text[-500:]}")


@dataclass
class Series:
    samples: list[Sample] = field(default_factory=list)

    def add(self, s: Sample) -> Sample:
        self.samples.append(s)
        return s

    @property
    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def lo(self) -> float:
        return min(self.walls)

    @property
    def hi(self) -> float:
        return max(self.walls)

    @property
    def cpu_per_wall(self) -> float:
        return statistics.median([(s.user + s.sys) / s.wall for s in self.samples])

    @property
    def maxrss_mb(self) -> float:
        return max(s.maxrss_kb for s in self.samples) / 1024

    @property
    def cpu_s(self) -> float:
        return statistics.median([s.user + s.sys for s in self.samples])

    def summary(self) -> dict:
        return {"median_s": self.median, "min_s": self.lo, "max_s": self.hi, "runs": len(self.samples),
                "cpu_per_wall": self.cpu_per_wall, "cpu_s": self.cpu_s, "maxrss_mb": self.maxrss_mb,
                "walls_s": self.walls}


def rm(path: str) -> None:
    if os.path.lexists(path):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)


def rm_site(out: str) -> None:
    """Removes a vardplan output folder and the spare a build keeps beside it
    (docs/output-safety.md), so that the next build starts from nothing."""
    rm(out)
    rm(os.path.join(os.path.dirname(out), "." + os.path.basename(out) + ".spare"))


# --- setup ------------------------------------------------------------------------------

def cpu_times() -> list[int]:
    with open("/proc/stat") as f:
        return [int(x) for x in f.readline().split()[1:]]


def steal_share(before: list[int], after: list[int]) -> float:
    """Share of CPU time the hypervisor gave to other guests (the 'st' of top)."""
    delta = [b - a for a, b in zip(before, after)]
    total = sum(delta[:8])
    return delta[7] / total if total > 0 and len(delta) > 7 else 0.0


def fs_type(path: str) -> str:
    r = subprocess.run(["df", "--output=fstype", path], capture_output=True, text=True)
    lines = r.stdout.split()
    return lines[-1] if r.returncode == 0 and len(lines) > 1 else "?"


def machine() -> dict:
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_kb = 0
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_kb = int(line.split()[1])
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    cc = subprocess.run(["gcc", "--version"], capture_output=True, text=True).stdout.splitlines()
    cmark = subprocess.run(["pkg-config", "--modversion", "libcmark"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": model, "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "kernel": platform.release(), "swift": swift[0] if swift else "?", "gcc": cc[0] if cc else "?",
            "libcmark": cmark, "loadavg_start": os.getloadavg()}


def build_release(skip: bool, work: str) -> str:
    binary = os.path.join(ROOT, ".build", "release", "vardplan")
    if not skip:
        log("bench: make release (waits if another build holds the lock)")
        subprocess.run(["make", "--no-print-directory", "release"], cwd=ROOT, check=True)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"bench: {binary} is missing; run without --no-build")
    # A snapshot, so that a rebuild by someone else during the run cannot mix versions.
    snapshot = os.path.join(work, "bin", "vardplan")
    os.makedirs(os.path.dirname(snapshot), exist_ok=True)
    shutil.copy2(binary, snapshot + ".tmp")
    os.replace(snapshot + ".tmp", snapshot)
    return snapshot


def source_state(binary: str, given: bool) -> dict:
    """The commit measured and whether Sources/ had uncommitted changes (read-only git)."""
    def git(*argv: str) -> str:
        r = subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else "?"
    return {"commit": git("rev-parse", "--short", "HEAD"),
            "sources_modified": bool(git("status", "--porcelain", "--", "Sources")),
            "binary": os.path.relpath(binary, ROOT) if given else None,
            "binary_mtime": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(
                binary if given else os.path.join(ROOT, ".build", "release", "vardplan"))))}


def build_floor(work: str) -> str:
    source = os.path.join(BENCH, "floor.c")
    binary = os.path.join(work, "floor")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark"], capture_output=True, text=True)
    if flags.returncode != 0:
        raise SystemExit("bench: pkg-config cannot find libcmark; run scripts/setup (apt-get install libcmark-dev)")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        log("bench: gcc -O2 bench/floor.c $(pkg-config --cflags --libs libcmark)")
        subprocess.run(["gcc", "-O2", "-o", binary, source] + flags.stdout.split(), check=True)
    return binary


def build_inmemory(work: str, skip: bool) -> str | None:
    """bench/inmemory/main.swift as a package of its own that depends on the project by path."""
    package = os.path.join(work, "inmemory")
    sources = os.path.join(package, "Sources", "vardplan-inmemory")
    os.makedirs(sources, exist_ok=True)
    identity = os.path.basename(ROOT).lower()
    manifest = f"""// swift-tools-version:6.0
// Written by bench/bench.py: the in-memory runner, built against the project at {ROOT}.
import PackageDescription

let package = Package(
    name: "vardplan-inmemory",
    dependencies: [.package(path: {json.dumps(ROOT)})],
    targets: [
        .executableTarget(
            name: "vardplan-inmemory",
            dependencies: [.product(name: "VardplanCore", package: {json.dumps(identity)})],
            path: "Sources/vardplan-inmemory"),
    ]
)
"""
    for path, text in ((os.path.join(package, "Package.swift"), manifest),
                       (os.path.join(sources, "main.swift"), open(os.path.join(BENCH, "inmemory", "main.swift")).read())):
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
    binary = os.path.join(package, ".build", "release", "vardplan-inmemory")
    if not skip:
        log("bench: swift build -c release (bench/inmemory, the in-memory runner)")
        # SwiftPM keeps a path dependency's file list in its build plan: drop the plan so
        # files added to Sources/ since the last run are compiled too.
        for stale in (os.path.join(package, ".build", "release.yaml"),
                      os.path.join(package, ".build", "release", "description.json")):
            if os.path.exists(stale):
                os.unlink(stale)
        result = subprocess.run(["swift", "build", "-c", "release"], cwd=package)
        if result.returncode != 0:
            log("bench: the in-memory runner did not build; its rows are left out")
            return None
    return binary if os.access(binary, os.X_OK) else None


def corpus(work: str, size: int, seed: str, regenerate: bool) -> tuple[str, dict]:
    out = os.path.join(work, f"corpus-{size}")
    generator = os.path.join(BENCH, "generate_corpus.py")
    with open(generator, "rb") as f:
        stamp = hashlib.sha256(f.read() + seed.encode()).hexdigest()
    stamp_path = os.path.join(out, "stamp")
    if not regenerate and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return out, json.load(open(os.path.join(out, "corpus.json"), encoding="utf-8"))
    log(f"bench: generating the {size}-diagnosis corpus in {os.path.relpath(out, ROOT)}")
    rm(out)
    subprocess.run([sys.executable, generator, "--diagnoses", str(size), "--out", out, "--seed", seed], check=True)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return out, json.load(open(os.path.join(out, "corpus.json"), encoding="utf-8"))


def hugo_site(base: str, content: str) -> str | None:
    """The corpus as a Hugo site (bench/hugo_site.py), written again when either changes."""
    if not shutil.which("hugo"):
        log("bench: hugo is missing (scripts/setup bench installs it); its rows are left out")
        return None
    site = os.path.join(base, "hugo")
    converter = os.path.join(BENCH, "hugo_site.py")
    with open(converter, "rb") as f:
        stamp = hashlib.sha256(f.read() + open(os.path.join(base, "stamp"), "rb").read()).hexdigest()
    stamp_path = os.path.join(base, "hugo-stamp")
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp and os.path.isdir(site):
        return site
    log(f"bench: converting {os.path.relpath(content, ROOT)} to a Hugo site")
    subprocess.run([sys.executable, converter, content, site], check=True, stdout=subprocess.DEVNULL)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return site


# --- the benchmark of one size ----------------------------------------------------------

def bench_size(size: int, args, work: str, vardplan: str, floor: str, inmemory: str | None) -> dict:
    base, info = corpus(work, size, args.seed, args.regenerate)
    content = os.path.join(base, "content")
    templates = os.path.join(ROOT, "templates")
    outputs = os.path.abspath(args.out_root or work)
    os.makedirs(outputs, exist_ok=True)
    out = os.path.join(outputs, f"site-{size}")
    floor_out = os.path.join(outputs, f"floor-{size}")
    print_out = os.path.join(outputs, f"print-{size}.html")
    floor_print_out = os.path.join(outputs, f"floor-print-{size}.html")
    hugo_out = os.path.join(outputs, f"hugo-{size}")
    hugo_source = None if args.no_hugo or size > args.hugo_max_size else hugo_site(base, content)
    hugo = ["hugo", "--source", hugo_source or "", "--destination", hugo_out, "--quiet",
            "--cacheDir", os.path.join(work, "hugo-cache")]
    manifest = os.path.join(base, info["manifest"])
    edit = os.path.join(content, info["edit_step"])
    # The editor's next save: another step of the same section (the first other step file).
    siblings = sorted(n for n in os.listdir(os.path.dirname(edit))
                      if n.endswith(".md") and not n.startswith("_") and n != os.path.basename(edit))
    edit_next = os.path.join(os.path.dirname(edit), siblings[0])
    log_path = os.path.join(work, "last-run.log")
    result: dict = {"size": size, "corpus": {k: v for k, v in info.items() if not k.startswith("manifest_visible")}}

    # Validate: zero errors from vardplan check (its time is one run, for information).
    check = run_timed([vardplan, "check", "--content", content, "--today", TODAY], log_path)
    errors = re.findall(r": error: ", check.out)
    if check.rc != 0 or errors:
        log(check.out[-4000:])
        raise SystemExit(f"bench: vardplan check found {len(errors)} errors in the generated corpus")
    result["check"] = {"wall_s": check.wall, "maxrss_mb": check.maxrss_kb / 1024,
                       "summary": check.out.strip().splitlines()[-1] if check.out.strip() else ""}
    log(f"bench: {size} diagnoses: {result['check']['summary']}")

    # The printout must show the 20 steps of the manifest.
    p = must(run_timed([vardplan, "print", manifest, "-o", print_out, "--content", content,
                        "--templates", templates, "--today", TODAY], log_path), "vardplan print")
    printed = open(print_out, encoding="utf-8").read()
    titles = info["manifest_visible_titles"]
    found = sum(1 for t in titles if html.escape(t, quote=False) in printed or t in printed)
    reported = re.search(r": (\d+) steps", p.out)
    result["print_check"] = {"titles_expected": len(titles), "titles_found": found,
                             "steps_reported": int(reported.group(1)) if reported else None,
                             "html_bytes": len(printed.encode())}
    if found != PRINT_STEPS:
        log(f"bench: warning: the printout shows {found} of the {len(titles)} step titles of the manifest")
    # The floor of a printout renders the same 20 step files into one file.
    print_steps = [os.path.join(content, rel) for rel in info["manifest_visible_paths"]]

    # Warm-up (file cache, dynamic loader): one untimed run each.
    rm_site(out)
    must(run_timed([vardplan, "build", "--content", content, "--output", out, "--templates", templates,
                    "--today", TODAY], log_path), "vardplan build (warm-up)")
    pages = sum(1 for _, _, names in os.walk(out) for n in names if n.endswith(".html"))
    files_out = sum(len(names) for _, _, names in os.walk(out))
    out_bytes = sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(out) for n in names)
    must(run_timed([floor, "mem", content], log_path), "floor mem (warm-up)")
    if hugo_source:
        rm(hugo_out)
        must(run_timed(hugo, log_path), "hugo (warm-up)")
        result["hugo_pages"] = sum(1 for _, _, names in os.walk(hugo_out) for n in names if n.endswith(".html"))

    series = {name: Series() for name in
              ("floor_mem", "floor_write", "floor_cat", "full", "hugo", "noop", "change", "change_next", "print",
               "inmemory",
               "markdown")}
    floor_stats: list[dict] = []
    inmem_stats: list[dict] = []
    md_stats: list[dict] = []
    original = open(edit, "rb").read()
    original_next = open(edit_next, "rb").read()
    try:
        for r in range(args.runs):
            log(f"bench: {size} diagnoses: round {r + 1} of {args.runs}")
            s = must(series["floor_mem"].add(run_timed([floor, "mem", content], log_path)), "floor mem")
            floor_stats.append(last_json(s.out))
            rm(floor_out)
            os.makedirs(floor_out)
            must(series["floor_write"].add(run_timed([floor, "write", content, floor_out], log_path)), "floor write")
            must(series["floor_cat"].add(run_timed([floor, "cat", floor_print_out] + print_steps, log_path)),
                 "floor cat")

            rm_site(out)
            build = [vardplan, "build", "--content", content, "--output", out, "--templates", templates,
                     "--today", TODAY]
            must(series["full"].add(run_timed(build, log_path)), "full build")
            if hugo_source:
                rm(hugo_out)
                must(series["hugo"].add(run_timed(hugo, log_path)), "hugo")
            must(series["noop"].add(run_timed(build, log_path)), "no-op rebuild")
            with open(edit, "ab") as f:
                f.write(f"\nEn ny mening i omgång {r + 1}.\n".encode())
            s = must(series["change"].add(run_timed(build, log_path)), "rebuild after one change")
            if r == 0:
                result["change_report"] = s.out.strip().splitlines()[-1]
            with open(edit_next, "ab") as f:
                f.write(f"\nEn till mening i omgång {r + 1}.\n".encode())
            s = must(series["change_next"].add(run_timed(build, log_path)), "rebuild after the next change")
            if r == 0:
                result["change_next_report"] = s.out.strip().splitlines()[-1]
            must(series["print"].add(run_timed(
                [vardplan, "print", manifest, "-o", print_out, "--content", content, "--templates", templates,
                 "--today", TODAY], log_path)), "print")
            if inmemory:
                s = must(series["inmemory"].add(run_timed([inmemory, "site", content, templates, TODAY], log_path)),
                         "in-memory runner")
                inmem_stats.append(last_json(s.out))
                s = must(series["markdown"].add(run_timed([inmemory, "markdown", content], log_path)),
                         "in-memory runner, Markdown stage")
                md_stats.append(last_json(s.out))
    finally:
        with open(edit, "wb") as f:
            f.write(original)
        with open(edit_next, "wb") as f:
            f.write(original_next)
        if not args.keep:  # the built trees take hundreds of MB (of RAM on tmpfs)
            rm_site(out)
            rm(floor_out)
            rm(hugo_out)

    md_bytes = info["markdown_bytes"]
    fm = lambda key: statistics.median(x[key] for x in floor_stats)  # noqa: E731
    result.update({
        "pages": pages, "output_files": files_out, "output_bytes": out_bytes,
        "series": {k: v.summary() for k, v in series.items() if v.samples},
        "floor_internal": {"render_s": fm("render_s"), "read_s": fm("read_s"), "body_bytes": floor_stats[0]["body_bytes"],
                           "file_bytes": floor_stats[0]["file_bytes"], "files": floor_stats[0]["files"]},
        "inmemory_internal": ({"total_s": statistics.median(x["total_s"] for x in inmem_stats)}
                              if inmem_stats else None),
        "markdown_internal": ({k: statistics.median(x[k] for x in md_stats)
                               for k in ("read_s", "render_s", "render_parallel_s")} | {
                                  "body_bytes": md_stats[0]["body_bytes"], "html_bytes": md_stats[0]["html_bytes"],
                                  "files": md_stats[0]["files"]} if md_stats else None),
        "loadavg_end": os.getloadavg(),
    })
    full = series["full"]
    fw = series["floor_write"]
    result["derived"] = {
        "markdown_mb": md_bytes / 1e6,
        "full_over_floor_write": full.median / fw.median,
        "noop_over_full": series["noop"].median / full.median,
        "noop_over_floor_write": series["noop"].median / fw.median,
        "change_over_full": series["change"].median / full.median,
        "change_over_floor_write": series["change"].median / fw.median,
        "change_next_over_full": series["change_next"].median / full.median,
        "change_next_over_floor_write": series["change_next"].median / fw.median,
        "print_over_floor_cat": series["print"].median / series["floor_cat"].median,
        "build_mb_s": md_bytes / 1e6 / full.median,
        "floor_write_mb_s": md_bytes / 1e6 / fw.median,
        "floor_mem_mb_s": md_bytes / 1e6 / series["floor_mem"].median,
        "floor_render_mb_s": floor_stats[0]["body_bytes"] / 1e6 / fm("render_s"),
        "build_pages_s": pages / full.median,
        "floor_write_pages_s": info["step_files"] / fw.median,
        "rss_over_floor_write": full.maxrss_mb / fw.maxrss_mb,
    }
    if series["hugo"].samples:
        hugo_series = series["hugo"]
        result["derived"].update({
            "hugo_over_full": hugo_series.median / full.median,
            "hugo_cpu_over_full": hugo_series.cpu_s / full.cpu_s,
            "hugo_rss_over_full": hugo_series.maxrss_mb / full.maxrss_mb,
        })
    if inmem_stats:
        inm = series["inmemory"]
        result["derived"].update({
            "inmemory_mb_s": md_bytes / 1e6 / inm.median,
            "inmemory_internal_mb_s": md_bytes / 1e6 / statistics.median(x["total_s"] for x in inmem_stats),
            "inmemory_over_floor_mem": inm.median / series["floor_mem"].median,
        })
    if md_stats:
        mi = result["markdown_internal"]
        result["derived"].update({
            "markdown_mb_s": mi["body_bytes"] / 1e6 / mi["render_s"],
            "markdown_parallel_mb_s": mi["body_bytes"] / 1e6 / mi["render_parallel_s"],
            "markdown_over_floor_render": (mi["body_bytes"] / mi["render_s"])
                                          / (floor_stats[0]["body_bytes"] / fm("render_s")),
        })
    return result


# --- reporting --------------------------------------------------------------------------

def ms(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def cell(series: dict, ratio: float | None = None, unit: str = "× floor") -> str:
    text = f"{ms(series['median_s'])} ({ms(series['min_s'])}–{ms(series['max_s'])})"
    if ratio is not None:
        text += f" · {ratio:.1f}{unit}" if ratio >= 10 else f" · {ratio:.2f}{unit}"
    return text


def source_line(meta: dict) -> str:
    src = meta["source"]
    if src["binary"]:
        text = (f"Binary: {src['binary']} of {src['binary_mtime']} (given with --binary; "
                f"the working tree was at commit {src['commit']}). ")
    else:
        dirty = " with uncommitted changes in Sources/" if src["sources_modified"] else ""
        text = (f"Source: commit {src['commit']}{dirty}, release binary of {src['binary_mtime']} "
                f"(copied to .build/bench/bin before the runs). ")
    return text + f"Outputs written to {meta['outputs']} ({fs_type(meta['outputs'])})."


def report(results: list[dict], meta: dict) -> str:
    sizes = [r["size"] for r in results]
    head = "| | " + " | ".join(f"{s} diagnos{'is' if s == 1 else 'er'}" for s in sizes) + " |"
    lines = [head, "|---|" + "---|" * len(sizes)]

    def row(label: str, fn) -> None:
        cells = []
        for r in results:
            try:
                cells.append(fn(r))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("–")
        if any(c != "–" for c in cells):  # rows of a skipped part (--no-inmemory) are left out
            lines.append(f"| {label} | " + " | ".join(cells) + " |")

    S = lambda r, k: r["series"][k]  # noqa: E731
    D = lambda r, k: r["derived"][k]  # noqa: E731
    row("Markdown (all .md files)", lambda r: f"{D(r, 'markdown_mb'):.1f} MB in {r['corpus']['markdown_files']} files")
    row("Step files (per diagnosis, general ones included)",
        lambda r: f"{r['corpus']['step_files']} ({r['corpus']['steps_per_diagnosis']:.0f})")
    row("Pages the build writes (all files)", lambda r: f"{r['pages']} ({r['output_files']}, {r['output_bytes'] / 1e6:.0f} MB)")
    row("**Floor**, in memory (cmark render only)",
        lambda r: f"{cell(S(r, 'floor_mem'))}; render {D(r, 'floor_render_mb_s'):.0f} MB/s")
    row("**Floor**, one HTML file per step", lambda r: cell(S(r, "floor_write")))
    row("**Floor**, 20 steps into one file", lambda r: cell(S(r, "floor_cat")))
    row("Full build (empty output)", lambda r: cell(S(r, "full"), D(r, "full_over_floor_write")))
    row("  CPU time / wall (cores used)", lambda r: f"{S(r, 'full')['cpu_per_wall']:.2f}")
    row("  CPU time, user+sys (floor with writes)",
        lambda r: f"{ms(S(r, 'full')['cpu_s'])} ({ms(S(r, 'floor_write')['cpu_s'])}) · "
                  f"{S(r, 'full')['cpu_s'] / S(r, 'floor_write')['cpu_s']:.1f}× floor")
    row("**Hugo**, full build (empty output)", lambda r: cell(S(r, "hugo"), D(r, "hugo_over_full"), "× vardplan")
        + f"; {r['hugo_pages']} pages")
    row("  Hugo: CPU time, user+sys; cores used",
        lambda r: f"{ms(S(r, 'hugo')['cpu_s'])} · {D(r, 'hugo_cpu_over_full'):.1f}× vardplan's; "
                  f"{S(r, 'hugo')['cpu_per_wall']:.2f}")
    row("  Hugo: peak memory", lambda r: f"{S(r, 'hugo')['maxrss_mb']:.0f} MB · {D(r, 'hugo_rss_over_full'):.1f}× vardplan's")
    row("No-op rebuild", lambda r: cell(S(r, "noop"), D(r, "noop_over_floor_write"))
        + f" · {D(r, 'noop_over_full') * 100:.0f} % of full")
    row("Rebuild after one step changed (the first after a full build)",
        lambda r: cell(S(r, "change"), D(r, "change_over_floor_write"))
        + f" · {D(r, 'change_over_full') * 100:.0f} % of full")
    row("Rebuild after the next step changed (the previous site in place as the spare)",
        lambda r: cell(S(r, "change_next"), D(r, "change_next_over_floor_write"))
        + f" · {D(r, 'change_next_over_full') * 100:.0f} % of full")
    row("Print, 20 steps (process start included)", lambda r: cell(S(r, "print"), D(r, "print_over_floor_cat")))
    row("In memory: all stages, no writes (bench/inmemory)",
        lambda r: cell(S(r, "inmemory"), D(r, "inmemory_over_floor_mem")))
    row("Markdown stage in memory, one thread (floor: cmark render)",
        lambda r: f"{D(r, 'markdown_mb_s'):.1f} MB/s ({D(r, 'floor_render_mb_s'):.1f} MB/s) · "
                  f"{D(r, 'markdown_over_floor_render'):.2f}× floor")
    row("Markdown stage in memory, both cores", lambda r: f"{D(r, 'markdown_parallel_mb_s'):.1f} MB/s")
    row("  the same, in process (process start excluded)", lambda r: ms(r["inmemory_internal"]["total_s"]))
    row("Peak memory, full build (floor: write)",
        lambda r: f"{S(r, 'full')['maxrss_mb']:.0f} MB ({S(r, 'floor_write')['maxrss_mb']:.0f} MB) · "
                  f"{D(r, 'rss_over_floor_write'):.1f}× floor")
    row("Peak memory, print", lambda r: f"{S(r, 'print')['maxrss_mb']:.0f} MB")
    row("Pages/s, full build (floor: steps/s)",
        lambda r: f"{D(r, 'build_pages_s'):,.0f} ({D(r, 'floor_write_pages_s'):,.0f}) · "
                  f"{D(r, 'build_pages_s') / D(r, 'floor_write_pages_s'):.2f}× floor".replace(",", " "))
    row("MB/s of Markdown, full build (floor with writes)",
        lambda r: f"{D(r, 'build_mb_s'):.1f} ({D(r, 'floor_write_mb_s'):.1f}) · "
                  f"{D(r, 'build_mb_s') / D(r, 'floor_write_mb_s'):.2f}× floor")
    row("MB/s in memory (floor in memory, whole process)",
        lambda r: f"{D(r, 'inmemory_mb_s'):.1f} ({D(r, 'floor_mem_mb_s'):.1f}) · "
                  f"{D(r, 'inmemory_mb_s') / D(r, 'floor_mem_mb_s'):.2f}× floor")
    row("`vardplan check` (one run)", lambda r: f"{ms(r['check']['wall_s'])}, {r['check']['maxrss_mb']:.0f} MB")
    row("Load average before → after; CPU steal", lambda r: f"{r['loadavg_start'][0]:.2f} → {r['loadavg_end'][0]:.2f}; "
                                                        f"{r['steal_share'] * 100:.0f} %")

    out = ["## Results", "",
           f"{meta['date']}, {meta['runs']} runs per figure: median (min–max) of whole-process wall time; "
           "× floor is the median over the floor's median (floor with writes for builds, "
           "the 20 steps into one file for print, in memory for in memory).", "",
           f"Machine: {meta['machine']['nproc']} cores, {meta['machine']['cpu']}, "
           f"{meta['machine']['memory_gb']} GB, Linux {meta['machine']['kernel']}; "
           f"{meta['machine']['swift']}; libcmark {meta['machine']['libcmark']}; {meta['machine']['gcc']}.", "",
           source_line(meta), ""]
    out += lines
    out += ["", "## Targets", ""] + targets(results)
    return "\n".join(out) + "\n"


def targets(results: list[dict]) -> list[str]:
    """The targets of issue 15, each with its figure from this run."""
    by = {r["size"]: r for r in results}
    lines = []

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**not met**"

    if 25 in by:
        r = by[25]
        ratio = r["derived"]["full_over_floor_write"]
        cpu = r["series"]["full"]["cpu_s"] / r["series"]["floor_write"]["cpu_s"]
        lines.append(f"- Full build of 25 diagnoses ≤ 1.3× the floor with writes (CPU time ≤ 2×): "
                     f"{verdict(ratio <= 1.3 and cpu <= 2)} — {ratio:.2f}× "
                     f"({ms(r['series']['full']['median_s'])} vs {ms(r['series']['floor_write']['median_s'])}), "
                     f"CPU time {cpu:.2f}×, CPU/wall {r['series']['full']['cpu_per_wall']:.2f}.")
        pct = r["derived"]["change_over_full"] * 100
        pct_next = r["derived"]["change_next_over_full"] * 100
        lines.append(f"- One step's body changed, 25 diagnoses, ≤ 5 % of a full build: {verdict(pct_next <= 5)} — "
                     f"{pct_next:.0f} % ({ms(r['series']['change_next']['median_s'])}) for an editor's next save; "
                     f"{pct:.0f} % ({ms(r['series']['change']['median_s'])}) for the first after a full build.")
        if "hugo_over_full" in r["derived"]:
            faster, memory = r["derived"]["hugo_over_full"], r["derived"]["hugo_rss_over_full"]
            lines.append(f"- Against Hugo, 25 diagnoses, ≥ 10× faster and ≤ 1/10 of its memory: "
                         f"{verdict(faster >= 10 and memory >= 10)} — {faster:.1f}× faster "
                         f"({ms(r['series']['full']['median_s'])} vs {ms(r['series']['hugo']['median_s'])}; "
                         f"CPU time {r['derived']['hugo_cpu_over_full']:.1f}×), 1/{memory:.1f} of its memory "
                         f"({r['series']['full']['maxrss_mb']:.0f} MB vs {r['series']['hugo']['maxrss_mb']:.0f} MB).")
    else:
        lines.append("- Targets at 25 diagnoses: not measured (size 25 not run).")
    for r in results:
        d = r["derived"]
        if "markdown_mb_s" in d:
            lines.append(f"- Markdown stage on one core ≥ 0.8× libcmark alone ({r['size']}): "
                         f"{verdict(d['markdown_over_floor_render'] >= 0.8)} — {d['markdown_over_floor_render']:.2f}× "
                         f"({d['markdown_mb_s']:.1f} MB/s against {d['floor_render_mb_s']:.0f} MB/s; both cores "
                         f"{d['markdown_parallel_mb_s']:.1f} MB/s).")
    for r in results:
        p = r["series"]["print"]["median_s"]
        lines.append(f"- Print of 20 steps ≤ 12 ms, process start included ({r['size']}): {verdict(p <= 0.012)} — "
                     f"{ms(p)} ({r['print_check']['titles_found']} of {r['print_check']['titles_expected']} titles "
                     f"in the printout).")
    if 100 in by:
        rss = by[100]["series"]["full"]["maxrss_mb"]
        lines.append(f"- Peak memory ≤ 150 MB at 100 diagnoses: {verdict(rss <= 150)} — {rss:.0f} MB.")
    else:
        lines.append("- Peak memory at 100 diagnoses: not measured (size 100 not run).")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,25,100", help="corpus sizes in diagnoses (default: 1,25,100)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default: 5)")
    parser.add_argument("--seed", default="vardplan-bench-1", help="corpus seed")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"), help="git-ignored work folder")
    parser.add_argument("--out-root", help="where the built sites, floor output and printouts go (default: the "
                        "work folder, on disk); e.g. /dev/shm/vardplan-bench to take the file system out")
    parser.add_argument("--results", default="results", help="name of the result files in the work folder "
                        "(default: results → results.md, results.json)")
    parser.add_argument("--binary", help="measure this vardplan binary as it is (no build, no snapshot), e.g. "
                        "the snapshot of an earlier run, to compare on the same binary")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary of vardplan")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo (bench/hugo_site.py)")
    parser.add_argument("--hugo-max-size", type=int, default=25, help="run Hugo up to this many diagnoses (default: "
                        "25; at 100 it takes about 40 s of CPU and 5 GB per run here)")
    parser.add_argument("--no-inmemory", action="store_true", help="skip the in-memory runner (bench/inmemory)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites and floor output of the last round")
    parser.add_argument("--regenerate", action="store_true", help="write the corpora again even if unchanged")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes numbers separated by commas, such as 1,25")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        parser.error("--sizes and --runs must be at least 1")
    if args.runs < 5:
        log(f"bench: note: {args.runs} runs per figure; the documented figures use at least 5")
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)

    meta = {"date": time.strftime("%Y-%m-%d %H:%M"), "runs": args.runs, "sizes": sizes, "machine": machine(),
            "outputs": os.path.abspath(args.out_root or work)}
    if args.binary:
        vardplan = os.path.abspath(args.binary)
        if not os.access(vardplan, os.X_OK):
            parser.error(f"--binary {args.binary} is not an executable file")
    else:
        vardplan = build_release(args.no_build, work)
    meta["source"] = source_state(vardplan, given=bool(args.binary))
    floor = build_floor(work)
    inmemory = None if args.no_inmemory else build_inmemory(work, False)
    results = []
    for size in sizes:
        start, ticks = os.getloadavg(), cpu_times()
        r = bench_size(size, args, work, vardplan, floor, inmemory)
        r["loadavg_start"] = start
        r["steal_share"] = steal_share(ticks, cpu_times())
        results.append(r)
    text = report(results, meta)
    with open(os.path.join(work, args.results + ".md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(work, args.results + ".json"), "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "results": results}, f, ensure_ascii=False, indent=1)
    print(text)
    log(f"bench: wrote {os.path.relpath(os.path.join(work, args.results + '.md'), ROOT)} and {args.results}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
