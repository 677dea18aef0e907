#!/usr/bin/env bash
# Where vardplan's time goes, on the 1-diagnosis corpus (or SIZE diagnoses):
#
#   bash bench/profile.sh [SIZE]
#
# - valgrind --tool=callgrind of `vardplan build` (into an empty folder), `vardplan print`
#   and of the floor (bench/floor.c, in memory) on the same corpus: instruction counts,
#   top functions by self and inclusive cost (Swift names demangled);
# - perf record -e cpu-clock of `vardplan build`, when perf works here (hardware counters
#   such as `perf stat -e instructions` are not needed: cpu-clock is a software event);
# - strace -c -w of `vardplan build`: wall time per system call (fsync, rename, ...).
#
# Needs the binary, the floor and the corpus from scripts/bench (run it first,
# e.g. scripts/bench --sizes 1 --runs 5), and valgrind (apt-get install valgrind).
# Writes .build/bench/profile/*.txt and prints the summaries.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1}
work=.build/bench
prof=$work/profile
corpus=$work/corpus-$size
# The binary scripts/bench measured (its snapshot), else the release build.
bin=.build/bench/bin/vardplan
[ -x "$bin" ] || bin=.build/release/vardplan
today=2026-11-23
mkdir -p "$prof"

for need in "$bin" "$work/floor" "$corpus/content"; do
  [ -e "$need" ] || { echo "bench/profile.sh: $need is missing; run scripts/bench --sizes $size first" >&2; exit 1; }
done
if ! command -v valgrind >/dev/null 2>&1; then
  echo "bench/profile.sh: installing valgrind" >&2
  apt-get install -y -qq valgrind >/dev/null
fi
demangle() { if command -v swift-demangle >/dev/null 2>&1; then swift-demangle --simplified; else cat; fi; }

annotate() {  # annotate OUT NAME: self and inclusive top functions, without the header
  local out=$1 name=$2
  callgrind_annotate --threshold=100 "$out" 2>/dev/null | demangle \
    | sed -n '/PROGRAM TOTALS/,$p' | grep -v '^-\|^Ir \|^$' | sed -n '1,80p' >"$prof/$name.self.txt"
  callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | demangle \
    | sed -n '/PROGRAM TOTALS/,$p' | grep -v '^-\|^Ir \|^$' | sed -n '1,120p' >"$prof/$name.inclusive.txt"
}
by_object() {  # by_object OUT: self cost summed per shared object (libcmark has no symbols)
  callgrind_annotate --threshold=100 "$1" 2>/dev/null | python3 -c '
import re, sys, collections
total, per = 0, collections.Counter()
for line in sys.stdin:
    m = re.match(r"^\s*([\d,]+) \([ \d.]+%\)  (.*?)(?: \[(.*)\])?$", line)
    if not m:
        continue
    n = int(m.group(1).replace(",", ""))
    if "PROGRAM TOTALS" in m.group(2):
        total = n
        continue
    if not m.group(3):
        continue
    obj = m.group(3).rsplit("/", 1)[-1]
    per[re.sub(r"\.so[.\d]*$", ".so", obj)] += n
for obj, n in per.most_common(8):
    print(f"{n:>15,} ({100 * n / total:5.1f}%)  {obj}")
'
}
short() { sed -e 's/ \[[^]]*\]$//' -e 's#  [^ ]*/\([^/ ]*\.[a-z]*:\)#  \1#' -e 's#  ???:#  #' | cut -c1-220; }

echo "== callgrind: vardplan build ($size diagnoses) =="
rm -rf "$prof/site" "$prof/.site.spare"
valgrind --tool=callgrind --callgrind-out-file="$prof/callgrind.build.out" \
  "$bin" build --content "$corpus/content" --output "$prof/site" --templates templates --today $today \
  2>"$prof/valgrind.build.log"
annotate "$prof/callgrind.build.out" build
echo "-- self cost by object --"
by_object "$prof/callgrind.build.out" | tee "$prof/build.objects.txt"
echo "-- self --"
short <"$prof/build.self.txt" | sed -n '1,30p'
echo "-- inclusive --"
short <"$prof/build.inclusive.txt" | sed -n '1,40p'

echo "== callgrind: vardplan print (20 steps) =="
valgrind --tool=callgrind --callgrind-out-file="$prof/callgrind.print.out" \
  "$bin" print "$corpus/manifest-20.yaml" -o "$prof/print.html" --content "$corpus/content" \
  --templates templates --today $today 2>"$prof/valgrind.print.log"
annotate "$prof/callgrind.print.out" print
by_object "$prof/callgrind.print.out" | tee "$prof/print.objects.txt"
short <"$prof/print.self.txt" | sed -n '1,20p'

echo "== callgrind: floor, in memory =="
valgrind --tool=callgrind --callgrind-out-file="$prof/callgrind.floor.out" \
  "$work/floor" mem "$corpus/content" 2>"$prof/valgrind.floor.log"
annotate "$prof/callgrind.floor.out" floor
short <"$prof/floor.self.txt" | sed -n '1,15p'

echo "== strace -c -w: vardplan build (wall time in system calls, all threads) =="
if command -v strace >/dev/null 2>&1; then
  rm -rf "$prof/site" "$prof/.site.spare"
  strace -f -c -w -o "$prof/strace.build.txt" \
    "$bin" build --content "$corpus/content" --output "$prof/site" --templates templates --today $today >/dev/null
  sed -n '1,14p' "$prof/strace.build.txt"
else
  echo "(strace not installed: apt-get install strace)"
fi

echo "== perf record -e cpu-clock: vardplan build =="
if command -v perf >/dev/null 2>&1 && perf record -q -e cpu-clock -o "$prof/perf.probe" true 2>/dev/null; then
  rm -rf "$prof/site" "$prof/.site.spare"
  perf record -q -e cpu-clock -F 2000 -g -o "$prof/perf.build.data" \
    "$bin" build --content "$corpus/content" --output "$prof/site" --templates templates --today $today >/dev/null 2>&1
  perf report -i "$prof/perf.build.data" --stdio --no-children --sort dso,sym -g none 2>/dev/null \
    | demangle | grep -v '^$' | sed -n '1,45p' >"$prof/perf.build.txt"
  sed -n '1,40p' "$prof/perf.build.txt"
else
  echo "(perf cannot sample here)"
fi
rm -rf "$prof/site" "$prof/.site.spare" "$prof/perf.probe"
echo "bench/profile.sh: full listings in $prof/"
