#!/usr/bin/env python3
"""Time from saving a step to the rebuilt page being served by `vardplan serve`.

Generates (or reuses) a benchmark corpus, starts `vardplan serve --port 0` on it,
listens on the live-reload stream like an open page, then N times: rewrites one step
file the way editors save (write a temporary file, rename it over the step), and
measures until (a) the reload event arrives and (b) a GET of the step's page returns
the new text. Prints median, min and max of both, and the server's own rebuild times.

  python3 bench/serve_latency.py --diagnoses 25 --runs 15
"""
import argparse, os, re, socket, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_until(sock, marker, timeout):
    data = b""
    deadline = time.monotonic() + timeout
    while marker not in data:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def get(port, path):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(1 << 20)
            if not chunk:
                return data
            data += chunk


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--diagnoses", type=int, default=25)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--vardplan", default=os.path.join(ROOT, ".build/release/vardplan"))
    parser.add_argument("--work", default=os.path.join(ROOT, ".build/bench/serve"))
    args = parser.parse_args()

    corpus = os.path.join(args.work, f"corpus-{args.diagnoses}")
    if not os.path.isdir(os.path.join(corpus, "content")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate_corpus.py"), "--diagnoses", str(args.diagnoses),
                        "--out", corpus], check=True, stdout=subprocess.DEVNULL)
    content = os.path.join(corpus, "content")
    diagnosis = sorted(os.listdir(os.path.join(content, "diagnoses")))[0]
    step_file = None
    for folder, _, files in sorted(os.walk(os.path.join(content, "diagnoses", diagnosis))):
        steps = sorted(f for f in files if f.endswith(".md") and not f.startswith("_") and f.count(".") == 1)
        if steps and folder.count(os.sep) - content.count(os.sep) == 4:
            step_file = os.path.join(folder, steps[0])
            break
    parts = os.path.relpath(step_file, content).split(os.sep)
    strip = lambda name: re.sub(r"^\d+-", "", name).removesuffix(".md")
    page = f"/{strip(parts[1])}/{strip(parts[2])}/{strip(parts[4])}.html"

    server = subprocess.Popen([args.vardplan, "serve", "--port", "0", "--content", content,
                               "--templates", os.path.join(ROOT, "templates")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        lines = []
        while port is None:
            line = server.stdout.readline()
            if not line:
                sys.exit("serve stopped: " + "".join(lines))
            lines.append(line)
            match = re.search(r"127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
        print(f"{args.diagnoses} diagnoses; first build: {lines[0].strip()}")
        print(lines[-1].strip())
        print(f"editing {os.path.relpath(step_file, corpus)} → {page}")
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(f"GET /__vardplan/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        read_until(events, b"data: 1\n\n", 10)
        original = open(step_file, encoding="utf-8").read()
        to_event, to_page = [], []
        for run in range(args.runs):
            marker = f"Ändrad mening nummer {run}."
            temporary = step_file + ".tmp"
            with open(temporary, "w", encoding="utf-8") as out:
                out.write(original.rstrip("\n") + f"\n\n{marker}\n")
            started = time.monotonic()
            os.rename(temporary, step_file)
            read_until(events, f"data: {run + 2}\n\n".encode(), 30)
            to_event.append(time.monotonic() - started)
            while marker.encode() not in get(port, page):
                time.sleep(0.001)
            to_page.append(time.monotonic() - started)
            time.sleep(0.15)
        with open(step_file, "w", encoding="utf-8") as out:
            out.write(original)
        fmt = lambda xs: f"median {statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})"
        print(f"save → reload event:  {fmt(to_event)}")
        print(f"save → page served:   {fmt(to_page)}")
    finally:
        server.terminate()
        rebuilds = [line.strip() for line in server.stdout.read().splitlines() if line.startswith("rebuilt")]
        server.wait()
    times = [float(m.group(1)) for m in (re.search(r"in (\d+) ms", line) for line in rebuilds) if m]
    cpu = [float(m.group(1)) for m in (re.search(r"CPU (\d+) ms", line) for line in rebuilds) if m]
    if times:
        print(f"server's rebuild:     median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f}), "
              f"CPU median {statistics.median(cpu):.0f} ms; {rebuilds[-1].split(':')[-1].strip()}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
