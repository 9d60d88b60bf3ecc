#!/usr/bin/env python3
"""medterm's benchmark suite: one command, one table, the same numbers as JSON.

    python3 Tests/Bench/suite.py [--json FILE] [--runs N] [--skip-build] [--ssh]

It builds the release binaries (`swift build -c release`), then measures in one run, on
this machine, beside the programs a reader would otherwise use:

  1. start-up to first screen (ptybench, 100x30) and peak RSS (`/usr/bin/time -f %M`) for
     medterm, less, w3m and lynx on the same page (the built-in page; the peers read its
     text dump, so all four show the same words);
  2. bytes and write() calls (pty read chunks) per keystroke: line scroll, page down and
     (medterm only) section jump, and with --ssh the same over a real ssh connection to a
     private sshd on 127.0.0.1 (Tests/EndToEndTests/Bench/ssh-bench.sh), with TCP segments;
  3. reader throughput in MB/s for a text dump, Markdown, HTML and the health-topics XML
     (about 20 MB each, made from the corpus), beside `xmllint --stream` for XML and
     `xmllint --html` for HTML.

Benchmarks are programs, not timed tests: this machine is noisy, so every
number is a median and every medterm number sits beside a peer measured in the same run.
Needs: python3, ptybench (../shared/tools/ptybench.py or MEDTERM_PTYBENCH), less, w3m,
lynx, xmllint (Debian: less w3m lynx libxml2-utils time); a missing peer is reported, not
fatal.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(ROOT, "Tests", "Corpus")
RELEASE = os.path.join(ROOT, ".build", "release")
ROWS, COLS = 30, 100


def ptybench_path():
    candidates = [
        os.environ.get("MEDTERM_PTYBENCH", ""),
        os.path.join(ROOT, "..", "shared", "tools", "ptybench.py"),
    ]
    for path in candidates:
        if path and os.path.exists(path):
            return os.path.abspath(path)
    sys.exit("suite.py: ptybench.py not found; set MEDTERM_PTYBENCH")


def run_ptybench(command, keys="", runs=1, quit="q"):
    """Runs ptybench --json on a command; returns the list of per-run step lists."""
    results = []
    for _ in range(runs):
        args = [sys.executable, ptybench_path(), "--rows", str(ROWS), "--cols", str(COLS),
                "--json", "--quit", quit]
        if keys:
            args += ["--keys", keys]
        args += ["--", *command]
        out = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
        try:
            results.append(json.loads(out)["steps"])
        except (ValueError, KeyError):
            results.append([])
    return results


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def peak_rss_kib(command, quit):
    """Peak RSS of a command shown in a pty until it quits, via /usr/bin/time inside ptybench.

    The program must really exit on `quit`: a program killed at the end of the run leaves
    /usr/bin/time no chance to write its report."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as report:
        run_ptybench(["/usr/bin/time", "-f", "%M", "-o", report.name, *command], quit=quit)
        try:
            return int(report.read().strip().splitlines()[-1])
        except (ValueError, IndexError):
            return None


def startup_and_keys(programs, runs):
    table = {}
    for name, command, keys, quit in programs:
        if shutil.which(command[0]) is None and not os.path.exists(command[0]):
            table[name] = {"missing": True}
            continue
        startups = [steps[0].get("settle_ms") for steps in run_ptybench(command, runs=runs, quit=quit) if steps]
        keyed = run_ptybench(command, keys=keys, runs=max(1, runs // 2), quit=quit)
        per_key = {}
        for steps in keyed:
            for step in steps[1:]:
                # lynx scrolls a line with the down arrow: report it with the others' j.
                key = "j" if step["step"] == "down" else step["step"]
                entry = per_key.setdefault(key, {"bytes": [], "chunks": [], "ms": []})
                entry["bytes"].append(step.get("bytes"))
                entry["chunks"].append(step.get("chunks"))
                entry["ms"].append(step.get("settle_ms"))
        table[name] = {
            "startup_ms": median(startups),
            "peak_rss_kib": peak_rss_kib(command, quit),
            "keys": {k: {m: median(v) for m, v in e.items()} for k, e in per_key.items()},
        }
    return table


def make_inputs(directory, medterm_bench):
    """About 20 MB of each format, made from the corpus."""
    inputs = {}
    seed = open(os.path.join(CORPUS, "osteonecrosis.seed.txt"), encoding="utf-8").read()
    header, body = seed.split("#  Osteonecrosis", 1)
    repeated = header + "#  Osteonecrosis" + body * (20_000_000 // len(body))
    inputs["text dump"] = os.path.join(directory, "big.seed.txt")
    open(inputs["text dump"], "w", encoding="utf-8").write(repeated)

    markdown = open(os.path.join(CORPUS, "diabetes.docling.md"), encoding="utf-8").read()
    inputs["Markdown"] = os.path.join(directory, "big.md")
    open(inputs["Markdown"], "w", encoding="utf-8").write(markdown * (20_000_000 // len(markdown)))

    html = open(os.path.join(CORPUS, "web", "lemonde-1.source.html"), encoding="utf-8").read()
    start, end = html.index("<body"), html.rindex("</body>")
    head, content = html[:start], html[start:end]
    inputs["HTML"] = os.path.join(directory, "big.html")
    open(inputs["HTML"], "w", encoding="utf-8").write(
        head + content * (20_000_000 // len(content)) + "</body></html>")

    inputs["health-topics XML"] = os.path.join(directory, "big.xml")
    subprocess.run([medterm_bench, "make-xml", "--topics", "1300", "--out", inputs["health-topics XML"]],
                   check=True, capture_output=True)
    return inputs


def time_command(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def readers(inputs, medterm_bench, runs):
    table = {}
    for name, path in inputs.items():
        size = os.path.getsize(path)
        out = subprocess.run([medterm_bench, "read", path, "--runs", str(runs)],
                             capture_output=True, text=True).stdout
        seconds = json.loads(out)["median_seconds"]
        row = {"bytes": size, "medterm_mb_s": size / seconds / 1e6}
        peer = None
        if name == "health-topics XML":
            peer = ["xmllint", "--stream", "--noout", path]
        elif name == "HTML":
            peer = ["xmllint", "--html", "--noout", "--nowarning", "--huge", path]
        if peer and shutil.which("xmllint"):
            row["xmllint_mb_s"] = size / time_command(peer, runs) / 1e6
        table[name] = row
    return table


def ssh_numbers():
    script = os.path.join(ROOT, "Tests", "EndToEndTests", "Bench", "ssh-bench.sh")
    if not os.path.exists(script):
        return {"missing": "Tests/EndToEndTests/Bench/ssh-bench.sh"}
    out = subprocess.run(["bash", script, "--json"], capture_output=True, text=True, timeout=900)
    try:
        return json.loads(out.stdout)
    except ValueError:
        return {"error": (out.stderr or out.stdout)[-2000:]}


def fmt(value, digits=1):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_tables(results):
    print(f"\nStart-up and keystrokes in a {COLS}x{ROWS} pty (medians)")
    print(f"{'program':10} {'start ms':>9} {'RSS MiB':>8} {'j bytes':>8} {'j writes':>8} "
          f"{'space B':>8} {'space wr':>8} {'] bytes':>8} {'] writes':>8}")
    for name, row in results["terminal"].items():
        if row.get("missing"):
            print(f"{name:10} (not installed)")
            continue
        keys = row["keys"]
        def key(k, m):
            return fmt(keys.get(k, {}).get(m), 0)
        rss = row["peak_rss_kib"] / 1024 if row["peak_rss_kib"] else None
        print(f"{name:10} {fmt(row['startup_ms']):>9} {fmt(rss):>8} {key('j', 'bytes'):>8} "
              f"{key('j', 'chunks'):>8} {key('space', 'bytes'):>8} {key('space', 'chunks'):>8} "
              f"{key(']', 'bytes'):>8} {key(']', 'chunks'):>8}")
    print("\nReaders (MB/s, median)")
    print(f"{'format':18} {'MB':>6} {'medterm':>8} {'xmllint':>8}")
    for name, row in results["readers"].items():
        print(f"{name:18} {row['bytes'] / 1e6:>6.1f} {fmt(row['medterm_mb_s']):>8} "
              f"{fmt(row.get('xmllint_mb_s')):>8}")
    if "ssh" in results:
        print("\nOver ssh: see the JSON (ssh-bench.sh output) for bytes and TCP segments per step")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--ssh", action="store_true", help="also measure over ssh (needs sshd)")
    args = parser.parse_args()

    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True)
    medterm = os.path.join(RELEASE, "medterm")
    medterm_bench = os.path.join(RELEASE, "medterm-bench")
    with tempfile.TemporaryDirectory(prefix="medterm-bench-") as directory:
        seed_text = os.path.join(directory, "osteonecrosis.txt")
        with open(seed_text, "w") as out:
            subprocess.run([medterm, "--dump", "text", "--width", str(COLS - 4)], stdout=out, check=True)
        # w3m and lynx ask "really quit?" after q: y answers it.
        programs = [
            ("medterm", [medterm], "j*10,space*3,]*3", "q"),
            ("less", ["less", seed_text], "j*10,space*3", "q"),
            ("w3m", ["w3m", "-T", "text/plain", seed_text], "j*10,space*3", "'qy'"),
            ("lynx", ["lynx", "-nopause", seed_text], "down*10,space*3", "'qy'"),
        ]
        results = {
            "machine": os.uname().nodename,
            "date": time.strftime("%Y-%m-%d %H:%M:%S"),
            "terminal": startup_and_keys(programs, args.runs),
            "readers": readers(make_inputs(directory, medterm_bench), medterm_bench, 3),
        }
        if args.ssh:
            results["ssh"] = ssh_numbers()
    print_tables(results)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)
        print(f"\nJSON written to {args.json}")


if __name__ == "__main__":
    main()
