#!/usr/bin/env python3
"""Builds the fuzzing binary from the Swift package's library targets (called by scripts/fuzz).

    python3 Fuzz/build.py OUT      builds OUT/vardplan-fuzz; prints nothing when it is up to date

The targets, their source files and their dependencies come from `swift package describe
--type json`, so a new library target is picked up without editing this script. Each library
target is compiled as its own module, in dependency order, with `-sanitize=fuzzer,address
-enable-testing` (objects and .swiftmodule files in OUT/modules/); then Fuzz/ is compiled as
the module VardplanFuzz, which reaches internal API with `@testable import`, and linked with
every library object. A module is rebuilt when one of its sources, or a module it depends
on, is newer than its object. System-library targets (Ccmark) add their folder as an include
path and link what their module map names. Exit 1 with the compiler's messages on a failure.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "Fuzz"
FLAGS = ["-sanitize=fuzzer,address", "-parse-as-library", "-O", "-g"]


def describe() -> dict:
    result = subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"Fuzz/build.py: swift package describe failed:\n{result.stderr}")
    return json.loads(result.stdout)


def dependency_order(libraries: dict[str, dict]) -> list[str]:
    """The library targets, each after the library targets it depends on."""
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered:
            return
        if name in visiting:
            sys.exit(f"Fuzz/build.py: the targets depend on each other in a cycle through {name}")
        visiting.add(name)
        for dependency in sorted(libraries[name].get("target_dependencies", [])):
            if dependency in libraries:
                visit(dependency)
        visiting.discard(name)
        ordered.append(name)

    for name in sorted(libraries):
        visit(name)
    return ordered


def newest(paths: list[Path]) -> float:
    return max((p.stat().st_mtime for p in paths if p.exists()), default=0.0)


def mtime(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else -1.0


def run(command: list[str], log: Path, what: str) -> None:
    started = time.monotonic()
    print(f"Fuzz/build.py: compiling {what}", file=sys.stderr, flush=True)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    with log.open("a", encoding="utf-8") as out:
        out.write("$ " + " ".join(command) + "\n" + result.stdout + result.stderr)
    if result.returncode != 0:
        messages = [line for line in (result.stdout + result.stderr).splitlines()
                    if "Cannot export local symbol" not in line]
        print("\n".join(messages), file=sys.stderr)
        sys.exit(f"Fuzz/build.py: compiling {what} failed (log: {log.relative_to(ROOT)})")
    print(f"Fuzz/build.py: {what} in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit("usage: Fuzz/build.py OUT")
    out = (ROOT / sys.argv[1]).resolve()
    modules = out / "modules"
    modules.mkdir(parents=True, exist_ok=True)
    log = out / "build.log"
    package = describe()
    targets = {t["name"]: t for t in package["targets"]}
    libraries = {name: t for name, t in targets.items()
                 if t["type"] == "library" and t.get("module_type") == "SwiftTarget"}
    for name, target in libraries.items():
        if target.get("product_dependencies"):
            sys.exit(f"Fuzz/build.py: {name} depends on another package ({', '.join(target['product_dependencies'])}); "
                     "this script builds only the package's own targets")

    # System libraries: an include path each (its module map) and the libraries it links.
    includes = ["-I", str(modules)]
    links: list[str] = []
    for target in targets.values():
        if target["type"] != "system-target":
            continue
        folder = ROOT / target["path"]
        includes += ["-I", str(folder)]
        modulemap = (folder / "module.modulemap").read_text(encoding="utf-8")
        for library in re.findall(r'\blink\s+"([^"]+)"', modulemap):
            for name in (f"lib{library}", library):
                found = subprocess.run(["pkg-config", "--libs-only-L", name], capture_output=True, text=True)
                if found.returncode == 0:
                    links += found.stdout.split()
                    break
            links.append(f"-l{library}")

    common = [*FLAGS, "-package-name", package["name"], *includes]
    objects: list[Path] = []
    for name in dependency_order(libraries):
        target = libraries[name]
        folder = ROOT / target["path"]
        sources = sorted(folder / source for source in target["sources"] if source.endswith(".swift"))
        obj = modules / f"{name}.o"
        module = modules / f"{name}.swiftmodule"
        dependencies = [modules / f"{d}.swiftmodule" for d in target.get("target_dependencies", []) if d in libraries]
        objects.append(obj)
        if mtime(obj) >= newest([*sources, *dependencies, Path(__file__)]) and module.exists():
            continue
        run(["swiftc", *common, "-enable-testing", "-module-name", name, "-wmo", "-c", *map(str, sources),
             "-emit-module", "-emit-module-path", str(module), "-o", str(obj)], log, f"{name} ({len(sources)} files)")
        # swiftc leaves an output that came out the same untouched: the object's time says when
        # the module was last compiled (the .swiftmodule's, when its interface last changed).
        os.utime(obj)

    binary = out / "vardplan-fuzz"
    sources = sorted(FUZZ.rglob("*.swift"))
    if mtime(binary) >= newest([*sources, *objects, Path(__file__)]):
        return 0
    run(["swiftc", *common, "-module-name", "VardplanFuzz", *map(str, sources), *map(str, objects), *links,
         "-o", str(binary) + ".new"], log, f"Fuzz/ and the link ({len(sources)} files, {len(objects)} modules)")
    os.replace(str(binary) + ".new", binary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
