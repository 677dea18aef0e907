#!/usr/bin/env python3
"""Writes a synthetic, deterministic content tree for benchmarking vardplan.

    python3 bench/generate_corpus.py --diagnoses 25 --out .build/bench/corpus-25

writes OUT/content/ (site.yaml, general/, diagnoses/<id>/) in the format of
docs/content-format.md, OUT/manifest-20.yaml (a plan for the first diagnosis that makes
20 steps visible) and OUT/corpus.json (counts, the 20 visible step titles, the step
file the benchmark edits). The same seed gives the same bytes; diagnosis number N is
identical in every corpus that has it, so a 25-diagnosis corpus contains the
1-diagnosis one.

Shape of every diagnosis: 12 modules (3 general ones written once under general/ and
shared, 9 of its own) x 6 sections x 5-7 steps (on average 6.25: about 450 steps per
diagnosis, the general ones included). Step bodies are 150-600 words of Swedish-looking
text with the Markdown the real content uses: ### headings, bullet and numbered lists,
*emphasis* and **strong emphasis**, links between steps [text](steg:id) (only to steps
of the same diagnosis; general steps link only to general steps, because they are part
of every diagnosis), GitHub pipe tables with an *emphasised caption* line before them,
callouts (> [!VIKTIGT] Titel, > [!AKUT] Ring 112, ...), external links and "quotes".

Only the Python 3 standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass, field

GENERATOR_VERSION = 1

# ---------------------------------------------------------------------------------------
# Vocabulary: plain Swedish words, many with å, ä and ö.

NOUNS = """behandling behandlingen sjuksköterska kontaktsjuksköterskan läkare läkaren mottagning
mottagningen närstående vårdplan återbesök undersökning undersökningen blodprov
strålbehandling läkemedel biverkningar trötthet illamående smärta oro sömn kost aptit
vikt hud håret munnen magen tarmen blodet provsvar remiss kallelse besök samtal kurator
fysioterapeut dietist arbetsterapeut sjukhuset avdelningen vården regionen journalen
frågor svar beslut planering operation operationen såret ärret feber infektion
temperaturen vätska måltider promenader rörelse träning vila återhämtning familjen
barnen vänner arbetet ekonomin sjukskrivning resor parkering tolk rättigheter patientlagen
väntetiden vårdgarantin kroppen känslor tankar stöd råd egenvård symtom besvär
förändringar tiden veckan dagen kvällen natten månaderna året läget hemmet""".split()

VERBS = """får kan ska bör behöver känner märker brukar vill orkar märks påverkar minskar ökar
hjälper lindrar förebygger försvinner kommer går tar ger visar berättar frågar svarar
ringer kontaktar träffar väljer bestämmer planerar följer kontrollerar undersöker
behandlar skriver läser förbereder vänjer återhämtar""".split()

ADJECTIVES = """vanlig vanligt vanliga svår svårt svåra lätt lätta tydlig tydligt viktig viktigt
viktiga möjlig möjligt bättre sämre trött trötta orolig oroliga lugn lugnt försiktig
noggrann kort kortare lång längre ny nya nästa första sista egen eget egna enkel enkelt
särskild särskilt känslig känsliga närmaste dagliga tillfälliga""".split()

ADVERBS = """ofta ibland alltid sällan gärna också även därför sedan först snart redan fortfarande
tillsammans direkt genast långsamt ganska mycket lite oftast vanligtvis särskilt""".split()

SMALL = """och eller men att som när om för med till från på i av under efter före mellan hos
utan inför enligt""".split()

PRONOUNS = """du vi det den många de flesta några""".split()

HEADING_WORDS = """Så går det till|Före behandlingen|Efter behandlingen|Det här kan du göra själv|
Att tänka på|Vanliga frågor|Om du får besvär|När ska du söka vård|Biverkningar|Provsvar och
besked|Stöd för dig och dina närstående|Kost och aptit|Fysisk aktivitet|Sömn och vila|
Läkemedel|Hur du förbereder dig|Vad händer sedan|Egenvård i vardagen|Mer information|
Tider och kallelser|Resor till behandlingen|Ditt återbesök|Om du är orolig|
Rätt till tolk|Kontakt med vården""".replace("\n", "").split("|")

CALLOUTS = [
    ("AKUT", ["Ring 112", "Sök vård direkt", "Feber under behandlingen", "Svårt att andas"]),
    ("VIKTIGT", ["Kontakta din kontaktsjuksköterska", "Tänk på det här", "Ta med dina läkemedel",
                 "Ät inte före undersökningen", "Viktigt att veta"]),
    ("TIPS", ["Skriv ner dina frågor", "Ta med en närstående", "Prova små måltider"]),
    ("INFO", ["Så länge tar det", "Om provsvaren", "Regionala skillnader"]),
]

TITLE_TOPICS = """Trötthet|Illamående|Håravfall|Smärta och smärtlindring|Sömnproblem|Oro och ångest|
Munhälsa|Hudbesvär|Förstoppning|Diarré|Aptitlöshet|Viktnedgång|Kost under behandlingen|
Fysisk aktivitet|Sexualitet och närhet|Fertilitet|Blodprov|Röntgen|Datortomografi|
Magnetkameraundersökning|Ultraljud|Vävnadsprov|Provsvar|Ditt första besök|Multidisciplinär konferens|
Behandlingsbeslut|Operation|Inför operationen|Efter operationen|Strålbehandling|Cytostatika|
Hormonbehandling|Immunterapi|Målriktade läkemedel|Biverkningar av behandlingen|Infektionskänslighet|
Lymfödem|Ärr och sårläkning|Återbesök|Kontroller efter behandlingen|Rehabilitering|
Återgång till arbetet|Sjukskrivning|Högkostnadsskydd|Resor och parkering|Stöd i vardagen|
Närstående|Barn som anhöriga|Samtalsstöd|Kurator|Fysioterapeut|Dietist|Arbetsterapeut|
Egenvård|Läkemedel hemma|Venport och PICC-line|Feber|Blodpropp|Andfåddhet|Hosta|
Känselrubbningar|Klimakteriebesvär|Koncentrationssvårigheter|Ensamhet|Framtiden|
Patientlagen|Ny medicinsk bedömning|Vårdgaranti|Fast vårdkontakt|Rätt till tolk|
Journalen|Sekretess|Patientnämnden|Palliativ vård|Smärtpump|Nutrition|Sondmatning|
Stomi|Urinläckage|Balans och yrsel|Synförändringar|Hörsel|Tandvård|Vaccinationer|
Resor utomlands|Körkort|Alkohol och tobak|Sol och värme|Graviditet|Ärftlighet|
Genetisk vägledning|Studier och forskning|Second opinion|Hjälpmedel|Hemsjukvård|
Korttidsboende|Stödgrupper|Patientföreningar|Digitala tjänster|Min vårdplan i appen""".replace(
    "\n", "").split("|")

TITLE_QUALIFIERS = """vid behandling|efter operationen|under strålbehandling|hemma|på sjukhuset|
för närstående|i vardagen|på natten|inför besöket|efter behandlingen|vid cytostatika|
hos barn|på jobbet|under utredningen|vid återbesök|i början|på längre sikt|
när du är trött|vid feber|i livets slutskede""".replace("\n", "").split("|")

SECTION_TITLES = """Före|Under behandlingen|Efter behandlingen|Undersökningar|Provtagning|
Samtal och stöd|Symtom|Biverkningar|Egenvårdsråd|Kost och rörelse|Vardagen|Arbete och ekonomi|
Dina rättigheter|Kontakt med vården|Närstående|Information|Läkemedel|Operation|Strålning|
Kontroller|Rehabilitering|Planering|Besked|Mötet med vården|Praktiskt|Känslor|Kroppen|
Familjen|Framåt|Beslut""".replace("\n", "").split("|")

DIAGNOSIS_BASES = """Bröstcancer|Prostatacancer|Tjocktarmscancer|Ändtarmscancer|Lungcancer|
Malignt melanom|Urinblåsecancer|Njurcancer|Bukspottkörtelcancer|Magsäckscancer|Matstrupscancer|
Levercancer|Gallvägscancer|Äggstockscancer|Livmoderkroppscancer|Livmoderhalscancer|
Vulvacancer|Testikelcancer|Peniscancer|Sköldkörtelcancer|Huvud- och halscancer|
Hjärntumör|Lymfom|Myelom|Akut leukemi|Kronisk lymfatisk leukemi|Sarkom|
Neuroendokrina tumörer|Analcancer|Hudcancer""".replace("\n", "").split("|")

# The twelve modules in the order of docs/content-format.md: (order, id, title, general).
MODULES = [
    (1, "vad-ar-viktigt-for-mig", "Vad är viktigt för mig just nu?", False),
    (2, "motet-med-varden", "Mötet med vården", True),
    (3, "cancerrehabilitering", "Cancerrehabilitering och egenvård för symtom och biverkningar", False),
    (4, "utredning", "Utredning", False),
    (5, "undersokningar", "Undersökningar och provtagningar", False),
    (6, "diagnos", "Diagnos", False),
    (7, "behandling", "Behandling", False),
    (8, "uppfoljning", "Uppföljning och nästa steg", False),
    (9, "praktiska-rad", "Praktiska råd", True),
    (10, "mina-rattigheter", "Mina rättigheter som patient", True),
    (11, "halsoskattning", "Hälsoskattning för cancerrehabilitering", False),
    (12, "stod-och-samtal", "Stöd och samtal", False),
]
ACTIVE_MODULES = {"motet-med-varden", "mina-rattigheter", "cancerrehabilitering"}
GENERAL_IDS = [m[1] for m in MODULES if m[3]]
PRINT_MODULE = "behandling"     # the module the 20-step manifest makes current
PRINT_STEPS = 20
SECTIONS_PER_MODULE = 6
STEPS_PER_SECTION = [5, 6, 7, 7]  # mean 6.25: 72 sections x 6.25 = 450 steps per diagnosis
PHASES = ["utredning", "diagnos", "behandling", "uppfoljning", "rehabilitering", "palliativ"]


def slug(text: str) -> str:
    """The id rule: a-z, 0-9 and single dashes; å/ä → a, ö → o, é → e."""
    text = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        text = text.replace(a, b)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return re.sub(r"-{2,}", "-", text)


@dataclass
class Step:
    id: str
    title: str
    rel: str                      # path relative to content/
    visible: bool
    general: bool
    phases: list[str] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    rel: str
    steps: list[Step] = field(default_factory=list)


@dataclass
class Module:
    order: int
    id: str
    title: str
    general: bool
    rel: str
    sections: list[Section] = field(default_factory=list)


class Writer:
    """Generates the text of one diagnosis (or of the general modules) from one seed."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    # -- words and sentences -----------------------------------------------------------

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.30:
            return self.rng.choice(NOUNS)
        if r < 0.48:
            return self.rng.choice(VERBS)
        if r < 0.62:
            return self.rng.choice(ADJECTIVES)
        if r < 0.72:
            return self.rng.choice(ADVERBS)
        if r < 0.80:
            return self.rng.choice(PRONOUNS)
        return self.rng.choice(SMALL)

    def words(self, n: int) -> list[str]:
        out = [self.word() for _ in range(n)]
        # A few inline features, never at the first word.
        if n > 4 and self.rng.random() < 0.12:
            i = self.rng.randrange(1, n)
            out[i] = f"*{out[i]}*"
        if n > 4 and self.rng.random() < 0.06:
            i = self.rng.randrange(1, len(out) - 1)
            if "*" not in out[i] + out[i + 1]:
                out[i] = f"**{out[i]} {out[i + 1]}**"
                del out[i + 1]
        if n > 6 and self.rng.random() < 0.04:
            i = self.rng.randrange(1, len(out) - 1)
            if "*" not in out[i] + out[i + 1]:
                out[i] = f"\"{out[i]} {out[i + 1]}\""
                del out[i + 1]
        return out

    def sentence(self, lo: int = 6, hi: int = 16) -> tuple[str, int]:
        n = self.rng.randint(lo, hi)
        ws = self.words(n)
        if len(ws) > 8 and self.rng.random() < 0.35:
            ws[self.rng.randrange(3, len(ws) - 3)] += ","
        first = ws[0]
        ws[0] = first[:1].upper() + first[1:]
        end = "?" if self.rng.random() < 0.06 else "."
        return " ".join(ws) + end, n

    def paragraph(self, links: list[Step], sentences: tuple[int, int] = (2, 5)) -> tuple[str, int]:
        parts, count = [], 0
        for _ in range(self.rng.randint(*sentences)):
            s, n = self.sentence()
            parts.append(s)
            count += n
        if links and self.rng.random() < 0.45:
            target = self.rng.choice(links)
            parts.append(f"Läs mer om [{target.title.lower()}](steg:{target.id}).")
            count += 3 + len(target.title.split())
        if self.rng.random() < 0.05:
            parts.append("Läs mer på [1177.se](https://www.1177.se/).")
            count += 3
        if self.rng.random() < 0.04:
            parts.append("Det tar ofta 2--3 veckor.")
            count += 5
        return " ".join(parts), count

    def bullet_list(self, links: list[Step], numbered: bool) -> tuple[str, int]:
        items, count = [], 0
        for i in range(self.rng.randint(3, 7)):
            n = self.rng.randint(3, 11)
            ws = self.words(n)
            ws[0] = ws[0][:1].upper() + ws[0][1:]
            text = " ".join(ws) + "."
            if links and self.rng.random() < 0.12:
                target = self.rng.choice(links)
                text += f" Se [{target.title.lower()}](steg:{target.id})."
                n += 1 + len(target.title.split())
            items.append((f"{i + 1}. " if numbered else "- ") + text)
            count += n
        return "\n".join(items), count

    def table(self) -> tuple[str, int]:
        cols = self.rng.randint(2, 4)
        rows = self.rng.randint(3, 6)
        count = 0
        caption_words = self.words(self.rng.randint(2, 5))
        caption = " ".join(w.strip("*\"") for w in caption_words)
        caption = caption[:1].upper() + caption[1:]
        count += len(caption_words)
        header = []
        for _ in range(cols):
            h = self.rng.choice(NOUNS)
            header.append(h[:1].upper() + h[1:])
        lines = [f"*{caption}*", "", "| " + " | ".join(header) + " |",
                 "|" + "|".join("---" for _ in range(cols)) + "|"]
        for r in range(rows):
            cells = []
            for c in range(cols):
                if c == 0 and self.rng.random() < 0.5:
                    cells.append(f"Dag {r * 7 + 1}–{r * 7 + 6}")
                    count += 2
                else:
                    n = self.rng.randint(1, 8)
                    cells.append(" ".join(self.words(n)))
                    count += n
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines), count

    def callout(self) -> tuple[str, int]:
        kind, titles = self.rng.choice(CALLOUTS)
        title = self.rng.choice(titles)
        body, n = self.paragraph([], sentences=(1, 3))
        return f"> [!{kind}] {title}\n> {body}", n + len(title.split())

    def body(self, links: list[Step]) -> str:
        target = self.rng.randint(150, 600)
        blocks, count = [], 0
        text, n = self.paragraph(links, sentences=(2, 4))
        blocks.append(text)
        count += n
        features = {"table": self.rng.random() < 0.3, "callout": self.rng.random() < 0.45,
                    "numbered": self.rng.random() < 0.45}
        since_heading = 0
        last = "paragraph"
        headings = [h for h in HEADING_WORDS]
        self.rng.shuffle(headings)
        while count < target:
            if since_heading >= 2 and headings and self.rng.random() < 0.6:
                blocks.append("### " + headings.pop())
                count += len(blocks[-1].split()) - 1
                since_heading = 0
                last = "heading"
                continue
            kind = "other"
            r = self.rng.random()
            if features["table"] and r < 0.25:
                text, n = self.table()
                features["table"] = False
            elif features["callout"] and r < 0.45:
                text, n = self.callout()
                features["callout"] = False
            elif features["numbered"] and r < 0.6:
                text, n = self.bullet_list(links, numbered=True)
                features["numbered"] = False
            elif r < 0.75 and last != "bullets":  # two in a row would merge into one loose list
                text, n = self.bullet_list(links, numbered=False)
                kind = "bullets"
            else:
                text, n = self.paragraph(links)
            last = kind
            blocks.append(text)
            count += n
            since_heading += 1
        if links and self.rng.random() < 0.6:
            chosen = self.rng.sample(links, min(len(links), self.rng.randint(1, 3)))
            refs = [f"[{s.title}](steg:{s.id})" for s in chosen]
            joined = refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " och " + refs[-1]
            blocks.append(f"Läs också {joined}.")
        return "\n\n".join(blocks) + "\n"

    def title(self, used: set[str]) -> tuple[str, str]:
        for attempt in range(1000):
            title = self.rng.choice(TITLE_TOPICS)
            if attempt > 0 or self.rng.random() < 0.55:
                title += " " + self.rng.choice(TITLE_QUALIFIERS)
            if attempt > 40:
                title += f" {attempt}"
            sid = slug(title)
            if sid not in used:
                used.add(sid)
                return title, sid
        raise RuntimeError("could not find a free step id")


def plan_modules(rng: random.Random, modules: list[tuple[int, str, str, bool]], base: str,
                 used_step_ids: set[str], general: bool) -> list[Module]:
    """Decides folders, ids and titles (bodies come later, so links can point anywhere)."""
    writer = Writer(rng)
    planned = []
    for order, mid, title, is_general in modules:
        module = Module(order, mid, title, is_general, f"{base}/{order:02d}-{mid}")
        section_titles = rng.sample(SECTION_TITLES, SECTIONS_PER_MODULE)
        for si, stitle in enumerate(section_titles, start=1):
            sid = slug(stitle)
            section = Section(sid, stitle, f"{module.rel}/{si:02d}-{sid}")
            for ti in range(1, rng.choice(STEPS_PER_SECTION) + 1):
                ttitle, tid = writer.title(used_step_ids)
                phases = sorted(rng.sample(PHASES, rng.randint(1, 2)), key=PHASES.index) \
                    if rng.random() < 0.7 else []
                section.steps.append(Step(tid, ttitle, f"{section.rel}/{ti:02d}-{tid}.md",
                                          visible=rng.random() >= 0.08, general=general, phases=phases))
            module.sections.append(section)
        planned.append(module)
    return planned


def write(path: str, text: str) -> int:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def write_modules(root: str, rng: random.Random, modules: list[Module], link_pool: list[Step]) -> tuple[int, int]:
    writer = Writer(rng)
    files = total = 0
    for module in modules:
        fm = [f"title: {module.title}"]
        if module.id in ACTIVE_MODULES:
            fm.append("active: true")
        intro, _ = writer.paragraph([], sentences=(1, 3))
        summary, _ = writer.sentence(5, 10)
        fm.append("summary: " + re.sub(r'[*"]', "", summary))
        total += write(f"{root}/{module.rel}/_module.md", "---\n" + "\n".join(fm) + "\n---\n\n" + intro + "\n")
        files += 1
        for section in module.sections:
            intro, _ = writer.paragraph([], sentences=(1, 2))
            body = f"---\ntitle: {section.title}\n---\n\n{intro}\n" if rng.random() < 0.5 \
                else f"---\ntitle: {section.title}\n---\n"
            total += write(f"{root}/{section.rel}/_section.md", body)
            files += 1
            for step in section.steps:
                fm = [f"title: {step.title}"]
                if not step.visible:
                    fm.append("visible: false")
                if step.phases:
                    fm.append(f"phases: [{', '.join(step.phases)}]")
                links = [s for s in rng.sample(link_pool, min(len(link_pool), 8)) if s.id != step.id]
                total += write(f"{root}/{step.rel}", "---\n" + "\n".join(fm) + "\n---\n\n" + writer.body(links))
                files += 1
    return files, total


def diagnosis_title(index: int) -> str:
    base = DIAGNOSIS_BASES[index % len(DIAGNOSIS_BASES)]
    round_ = index // len(DIAGNOSIS_BASES)
    return base if round_ == 0 else f"{base} typ {round_ + 1}"


def manifest(diagnosis_id: str, version: str, modules: list[Module]) -> tuple[str, list[Step]]:
    """A plan with one current module and 20 visible steps (the rest hidden)."""
    statuses, visible, hide = [], [], []
    for module in modules:
        status = "aktuell" if module.id == PRINT_MODULE else "kommande"
        statuses.append(f"  {module.id}: {status}")
        if status != "aktuell":
            continue
        for section in module.sections:
            for step in section.steps:
                if not step.visible:
                    continue
                if len(visible) < PRINT_STEPS:
                    visible.append(step)
                else:
                    hide.append(step.id)
    if len(visible) < PRINT_STEPS:
        raise RuntimeError(f"module {PRINT_MODULE} has only {len(visible)} visible steps")
    text = f"""# Generated by bench/generate_corpus.py: one current module, {PRINT_STEPS} visible steps.
diagnosis: {diagnosis_id}
content_version: "{version}"
start_date: 2026-09-01
modules:
{chr(10).join(statuses)}
hide: [{", ".join(hide)}]
contacts:
  - name: Anna Lind
    role: Kontaktsjuksköterska
    phone: 031-342 10 00
    note: Telefontid vardagar 8–9
  - name: Karin Holm
    role: Läkare
planning:
  - date: 2026-12-03
    what: Nästa behandling
  - when: i början av april
    what: Återbesök hos läkaren
welcome: |
  Hej! Det här är din vårdplan. Vi har gått igenom den tillsammans.
comments:
  - step: {visible[0].id}
    text: Du får sex behandlingar med tre veckors mellanrum.
"""
    return text, visible


def generate(out: str, diagnoses: int, seed: str) -> dict:
    content = os.path.join(out, "content")
    if os.path.exists(content):
        shutil.rmtree(content)
    os.makedirs(content)
    total_bytes = write(f"{content}/site.yaml", """title: Min vårdplan
language: sv
languages: [sv, en]
base_url: https://example.org/min-vardplan/
phases: [utredning, diagnos, behandling, uppfoljning, rehabilitering, palliativ]
""")
    md_bytes = 0
    md_files = 0

    general_ids: set[str] = set()
    general_rng = random.Random(f"{seed}:general")
    general = plan_modules(general_rng, [m for m in MODULES if m[3]], "general", general_ids, general=True)
    general_steps = [s for m in general for sec in m.sections for s in sec.steps]
    f, b = write_modules(content, general_rng, general, general_steps)
    md_files += f
    md_bytes += b

    own_steps_total = 0
    first_manifest = None
    edit_step = None
    for index in range(diagnoses):
        rng = random.Random(f"{seed}:diagnosis:{index}")
        title = diagnosis_title(index)
        did = slug(title)
        used = set(general_ids)
        own = plan_modules(rng, [m for m in MODULES if not m[3]], f"diagnoses/{did}", used, general=False)
        own_steps = [s for m in own for sec in m.sections for s in sec.steps]
        own_steps_total += len(own_steps)
        writer = Writer(rng)
        intro, _ = writer.paragraph([], sentences=(2, 4))
        version = "2025.1"
        md_bytes += write(f"{content}/diagnoses/{did}/_diagnosis.md", f"""---
title: {title}
version: "{version}"
approved: 2025-03-01
next_review: 2027-06-01
publisher: Regionala cancercentrum i samverkan
summary: Information till dig som utreds eller behandlas för {title.lower()}, och till dina närstående.
general_modules: [{", ".join(GENERAL_IDS)}]
---

{intro}
""")
        md_files += 1
        f, b = write_modules(content, rng, own, own_steps + general_steps)
        md_files += f
        md_bytes += b
        if index == 0:
            modules = sorted(own + general, key=lambda m: m.order)
            first_manifest = manifest(did, version, modules)
            edit_step = own_steps[len(own_steps) // 2].rel

    manifest_text, visible = first_manifest
    write(os.path.join(out, "manifest-20.yaml"), manifest_text)
    step_files = len(general_steps) + own_steps_total
    info = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "diagnoses": diagnoses,
        "step_files": step_files,
        "general_step_files": len(general_steps),
        "steps_per_diagnosis": round(len(general_steps) + own_steps_total / max(diagnoses, 1), 1),
        "markdown_files": md_files,
        "markdown_bytes": md_bytes,
        "site_yaml_bytes": total_bytes,
        "manifest": "manifest-20.yaml",
        "manifest_visible_titles": [s.title for s in visible],
        "manifest_visible_paths": [s.rel for s in visible],
        "edit_step": edit_step,
    }
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, ensure_ascii=False, indent=1)
    return info


ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK_RE = re.compile(r"\]\(steg:([^)\s]*)\)")


def verify(out: str) -> list[str]:
    """Independent re-read of the written tree: ids, unique step ids, link targets."""
    content = os.path.join(out, "content")
    problems: list[str] = []

    def steps_under(base: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for folder, dirs, names in os.walk(base):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, content)
                stem = re.sub(r"^[0-9]+-", "", name[:-3]) if name.endswith(".md") else None
                if name.startswith("_"):
                    stem = re.sub(r"^[0-9]+-", "", os.path.basename(folder))
                elif stem is not None:
                    if stem in found:
                        problems.append(f"{rel}: duplicate step id '{stem}'")
                    found[stem] = path
                if stem is not None and not ID_RE.match(stem):
                    problems.append(f"{rel}: id '{stem}' is not a-z, 0-9 and single dashes")
        return found

    general = steps_under(os.path.join(content, "general"))
    checked = [(general, general)]
    diagnoses_dir = os.path.join(content, "diagnoses")
    for did in sorted(os.listdir(diagnoses_dir)):
        own = steps_under(os.path.join(diagnoses_dir, did))
        for sid in own.keys() & general.keys():
            problems.append(f"diagnoses/{did}: step id '{sid}' is also a general step")
        checked.append((own, {**general, **own}))
    for files, targets in checked:
        for path in files.values():
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for target in LINK_RE.findall(text):
                if target not in targets:
                    problems.append(f"{os.path.relpath(path, content)}: link to unknown step '{target}'")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--diagnoses", type=int, required=True, help="number of diagnoses (1, 25, 100, ...)")
    parser.add_argument("--out", required=True, help="folder to write content/, manifest-20.yaml, corpus.json into")
    parser.add_argument("--seed", default="vardplan-bench-1", help="seed (default: vardplan-bench-1)")
    args = parser.parse_args(argv)
    if args.diagnoses < 1:
        parser.error("--diagnoses must be at least 1")
    info = generate(args.out, args.diagnoses, args.seed)
    problems = verify(args.out)
    for problem in problems[:20]:
        print(f"generate_corpus: {problem}", file=sys.stderr)
    if problems:
        print(f"generate_corpus: {len(problems)} problems in the generated content", file=sys.stderr)
        return 1
    print(f"wrote {args.out}/content: {info['diagnoses']} diagnoses, {info['step_files']} step files "
          f"({info['steps_per_diagnosis']} steps per diagnosis), {info['markdown_bytes'] / 1e6:.1f} MB of Markdown")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
