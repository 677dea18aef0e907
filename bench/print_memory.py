#!/usr/bin/env python3
"""The two issue-15 figures that scripts/bench takes 20 minutes to give, in one minute:
the 20-step printout with process start (median wall and CPU of --runs runs per size)
and the peak memory (ru_maxrss) of one full build per size, into an empty folder.

    python3 bench/generate_corpus.py --diagnoses N --out CORPORA/corpus-N   (N = 1, 25, 100)
    python3 bench/print_memory.py --binary .build/release/vardplan --corpora CORPORA [--sizes 1,25,100] [--runs 11] [--no-build]

Outputs go under CORPORA (put it on tmpfs: /dev/shm/...). Prints one line per figure and
the load average before and after."""
import argparse, os, statistics, subprocess, time

from bench import rm_site  # bench/bench.py: an output folder and the spare beside it

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-23"


def timed(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpora", required=True)
    parser.add_argument("--sizes", default="1,25,100")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--no-build", action="store_true", help="printouts only")
    args = parser.parse_args()
    templates = os.path.join(ROOT, "templates")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    for size in args.sizes.split(","):
        corpus = os.path.join(args.corpora, f"corpus-{size}")
        content = os.path.join(corpus, "content")
        printout = os.path.join(args.corpora, f"print-{size}.html")
        command = [args.binary, "print", os.path.join(corpus, "manifest-20.yaml"), "-o", printout,
                   "--content", content, "--templates", templates, "--today", TODAY]
        timed(command)  # warm the file cache
        samples = [timed(command) for _ in range(args.runs)]
        wall = [s[0] for s in samples]
        cpu = [s[1] for s in samples]
        print(f"{size:>4} diagnoses: print wall {statistics.median(wall):.1f} ms (min {min(wall):.1f}), "
              f"CPU {statistics.median(cpu):.1f} ms, peak {statistics.median(s[2] for s in samples):.0f} MB")
        if not args.no_build:
            out = os.path.join(args.corpora, f"out-{size}")
            rm_site(out)
            wall, cpu, peak = timed([args.binary, "build", "--content", content, "--output", out,
                                     "--templates", templates, "--today", TODAY])
            print(f"{size:>4} diagnoses: full build {wall / 1000:.2f} s wall, {cpu / 1000:.2f} s CPU, peak {peak:.0f} MB")
            rm_site(out)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
