#!/usr/bin/env python3
"""Converts a benchmark corpus to a Hugo site that does the same work as vardplan.

    bench/hugo_site.py CONTENT OUT

CONTENT is a corpus's content/ folder (bench/generate_corpus.py); OUT receives a Hugo
site (hugo.toml, layouts/, content/). Each diagnosis gets its own copy of the general
modules it lists (as vardplan renders them once per diagnosis), metadata files
(_diagnosis.md, _module.md, _section.md) become _index.md, layouts are minimal (one page
per step with its title and body, one list page per diagnosis, module and section), no
theme, ugly URLs (one .html file per page, as vardplan writes) and a sitemap. Every
language of site.yaml's `languages:` is a Hugo language with its own copy of the content
(vardplan writes each language's tree, the national text where a translation is missing),
the first one at the top, the others under /<code>/. Deterministic: the same corpus gives
the same bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

CONFIG = """baseURL = "https://example.org/min-vardplan/"
languageCode = "sv"
defaultContentLanguage = "sv"
title = "Min vårdplan"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false
[markup.goldmark.extensions]
  typographer = true
  table = true
"""

BASEOF = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""

SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""

METADATA = {"_diagnosis.md", "_module.md", "_section.md"}


def general_modules(diagnosis_file: str) -> list[str]:
    with open(diagnosis_file, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"^general_modules:\s*\[(.*)\]\s*$", text, re.M)
    return [name.strip() for name in match.group(1).split(",")] if match else []


def copy_tree(source: str, target: str) -> int:
    """Copies a content folder, renaming metadata files to _index.md. Returns files copied."""
    count = 0
    for folder, dirs, names in os.walk(source):
        dirs.sort()
        relative = os.path.relpath(folder, source)
        destination = os.path.normpath(os.path.join(target, relative))
        os.makedirs(destination, exist_ok=True)
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            shutil.copyfile(os.path.join(folder, name),
                            os.path.join(destination, "_index.md" if name in METADATA else name))
            count += 1
    return count


def site_languages(content: str) -> list[str]:
    """site.yaml's `languages: [sv, en]` (the national language first); ["sv"] without it."""
    with open(os.path.join(content, "site.yaml"), encoding="utf-8") as f:
        match = re.search(r"^languages:\s*\[(.*)\]\s*$", f.read(), re.M)
    return [code.strip() for code in match.group(1).split(",")] if match else ["sv"]


def convert(content: str, out: str) -> int:
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "layouts", "_default"))
    languages = site_languages(content)
    config = CONFIG.replace('defaultContentLanguage = "sv"', f'defaultContentLanguage = "{languages[0]}"')
    for weight, code in enumerate(languages, 1):
        config += f'[languages.{code}]\n  weight = {weight}\n  contentDir = "content/{code}"\n'
    config = config.replace("[markup.goldmark.extensions]", "", 1)
    config = config.replace("  typographer = true\n  table = true\n", "", 1)
    config += "[markup.goldmark.extensions]\n  typographer = true\n  table = true\n"
    files = {"hugo.toml": config, "layouts/_default/baseof.html": BASEOF,
             "layouts/_default/single.html": SINGLE, "layouts/_default/list.html": LIST}
    for code in languages:
        files[f"content/{code}/_index.md"] = "---\ntitle: Min vårdplan\n---\n"
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(out, path)), exist_ok=True)
        with open(os.path.join(out, path), "w", encoding="utf-8") as f:
            f.write(text)
    count = 0
    for code in languages:
        count += convert_language(content, os.path.join(out, "content", code))
    return count


def convert_language(content: str, target_root: str) -> int:
    general = {}
    general_root = os.path.join(content, "general")
    for name in sorted(os.listdir(general_root)):
        general[re.sub(r"^\d+-", "", name)] = os.path.join(general_root, name)
    count = 0
    diagnoses = os.path.join(content, "diagnoses")
    for diagnosis in sorted(os.listdir(diagnoses)):
        source = os.path.join(diagnoses, diagnosis)
        target = os.path.join(target_root, diagnosis)
        count += copy_tree(source, target)
        for module in general_modules(os.path.join(source, "_diagnosis.md")):
            if module in general:
                count += copy_tree(general[module], os.path.join(target, os.path.basename(general[module])))
    return count


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count = convert(argv[0], argv[1])
    print(f"hugo_site: {count} Markdown files in {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
