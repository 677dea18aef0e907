#!/usr/bin/env python3
"""Copies the seed inputs of one fuzz target into a corpus folder (called by scripts/fuzz).

Seeds come from the repository (content/, templates/, examples/, the test fixtures) and,
when it is present, from the conformance data (shared/conformance beside the
repository or beside a folder above it, as for a git worktree; or the folder in
VARDPLAN_CONFORMANCE). Missing sources are skipped with a
note. Inputs longer than max_len are left out (libFuzzer would cut them anyway)."""

import hashlib
import json
import os
import sys
from pathlib import Path


def front_matter(text):
    """The YAML between the opening and closing `---` of a content file, or None."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]) + "\n"
    return None


def files(root, pattern):
    return sorted(p for p in Path(root).glob(pattern) if p.is_file()) if Path(root).is_dir() else []


def read(path):
    return path.read_text(encoding="utf-8", errors="surrogateescape")


def json_field(path, field, in_tests=False):
    """Every `field` of a conformance JSON file (a list of examples, or {"tests": [...]})."""
    data = json.loads(read(path))
    cases = data.get("tests", []) if isinstance(data, dict) else data
    return [case[field] for case in cases if isinstance(case, dict) and isinstance(case.get(field), str)]


def seeds(target, repo, conformance):
    repo = Path(repo)
    c = Path(conformance) if conformance else None
    have_c = c is not None and c.is_dir()
    out = []
    if target in ("yaml", "manifest"):
        out += [read(p) for p in files(repo / "examples", "*.yaml")]
        out += [read(p) for p in files(repo / "Tests/VardplanCoreTests/Fixtures/manifests", "*.yaml")]
    if target == "yaml":
        out += [read(p) for p in files(repo / "content", "*.yaml")]
        out += [fm for p in files(repo / "content", "**/*.md") if (fm := front_matter(read(p)))]
        if have_c:
            out += [read(p) for p in files(c / "yaml-test-suite", "*/in.yaml")]
    if target in ("json", "manifest"):
        out += [read(p) for p in files(repo / "examples", "*.json")]
        out += [read(p) for p in files(repo / "Tests/VardplanCoreTests/Fixtures/manifests", "*.json")]
    if target == "json" and have_c:
        out += [read(p) for p in files(c / "yaml-test-suite", "*/in.json")]
    if target == "template":
        out += [read(p) for p in files(repo / "templates", "**/*.mustache")]
        if have_c:
            for p in files(c / "mustache", "*.json"):
                out += json_field(p, "template")
    if target == "markdown":
        out += [read(p) for p in files(repo / "content", "**/*.md")]
        if have_c:
            out += json_field(c / "commonmark/spec-0.30.json", "markdown") if (c / "commonmark/spec-0.30.json").is_file() else []
            for name in ("tables-spec.json", "extensions.json"):
                if (c / "gfm" / name).is_file():
                    out += json_field(c / "gfm" / name, "markdown")
    if target == "index":
        out += [index_seed(entries) for entries in (0, 1, 3)]
    return out, have_c


def index_seed(count):
    """A content index as ContentIndex+Coding.swift lays it out, for the fuzz target's
    header ("fuzz", "/c", "shared"), without the checksum (the target appends it)."""
    import struct

    def string(text):
        data = text.encode()
        return struct.pack("<I", len(data)) + data

    def stamp(n):
        return struct.pack("<QQQqq", 2049, 1000 + n, 120 + n, 1_700_000_000_000_000_000, 1_700_000_000_000_000_001)

    # Format 4; a step given by its front matter (kind 1) carries the whole file's
    # fingerprint and its body's words after the kind.
    out = b"VPIX" + struct.pack("<I", 4) + string("fuzz") + string("/c") + string("shared")
    out += struct.pack("<I", count)
    for n in range(count):
        text = f"---\nid: steg-{n}\ntitle: Steg {n}\n---\nT".encode()
        kind = n % 2
        body = struct.pack("<QI", 0x0123456789ABCDEF + n, 40 + n) if kind == 1 else b""
        out += string(f"general/a/b/steg-{n}.md") + stamp(n) + bytes([kind]) + body + struct.pack("<I", len(text)) + text
    out += struct.pack("<I", 1 if count else 0)
    if count:
        out += string("general/a/b") + stamp(99) + struct.pack("<I", count)
        for n in range(count):
            out += string(f"steg-{n}.md") + bytes([2]) + struct.pack("<QQ", 2049, 1000 + n)
    return out.decode("utf-8", "surrogateescape")


def main():
    target, repo, corpus, max_len = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    conformance = os.environ.get("VARDPLAN_CONFORMANCE") or next(
        (str(folder / "shared/conformance") for folder in Path(repo).resolve().parents
         if (folder / "shared/conformance").is_dir()),
        str(Path(repo).resolve().parent / "shared/conformance"))
    texts, have_c = seeds(target, repo, conformance)
    os.makedirs(corpus, exist_ok=True)
    written = 0
    for text in texts:
        data = text.encode("utf-8", errors="surrogateescape")
        if not data or len(data) > max_len:
            continue
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            written += 1
    note = "" if have_c else f" (no conformance data at {conformance}: skipped)"
    print(f"{target}: {written} new seeds{note}")


if __name__ == "__main__":
    main()
