#!/usr/bin/env python3
"""Reader-view benchmark: how well `medterm --dump text` reads the article of real web pages.

For every page folder under Tests/Corpus/readability (source.html, and expected.html: the
article a reader view should show), the words of medterm's text are compared with the words
of the expected article as bags (case folded, accents kept): precision, recall and F1, then
the means. Peers run on the same pages in the same run when their Python modules are
importable (trafilatura, readability-lxml: `pip install trafilatura readability-lxml`); they
are for comparison only and never a dependency of medterm.

Times are for the whole set: medterm reading the article (the default) and the whole page
(--full), each the median of --runs runs, so that the cost of extraction shows as a ratio.

  python3 Tests/Bench/readerscore.py [--binary PATH] [--runs N] [--pages DIR] [--json FILE]
      [--worst N] [--smoke]
"""
import argparse
import collections
import html
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return collections.Counter(WORD.findall(unicodedata.normalize("NFC", text).casefold()))


def markup_text(raw):
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return html.unescape(re.sub(r"(?s)<[^>]+>", " ", raw))


def score(candidate, reference):
    overlap = sum((candidate & reference).values())
    precision = overlap / max(1, sum(candidate.values()))
    recall = overlap / max(1, sum(reference.values()))
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def medterm_text(binary, source, full=False):
    command = [binary, "--dump", "text"] + (["--full"] if full else []) + [source]
    result = subprocess.run(command, capture_output=True, timeout=120)
    return result.stdout.decode("utf-8", errors="replace")


def peers():
    """The comparison tools that can run here: name -> function(source path) -> text."""
    found = {}
    try:
        import trafilatura

        found["trafilatura"] = lambda path: trafilatura.extract(read(path)) or ""
    except ImportError:
        pass
    try:
        from readability import Document

        def readability_text(path):
            document = Document(read(path))
            return markup_text(document.title() + " " + document.summary())

        found["readability-lxml"] = readability_text
    except ImportError:
        pass
    return found


def read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/medterm"))
    parser.add_argument("--pages", default=os.path.join(ROOT, "Tests/Corpus/readability"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("--worst", type=int, default=10, help="list the pages below 0.9 (at most N)")
    parser.add_argument("--smoke", action="store_true", help="ten pages, one run: proves it works")
    options = parser.parse_args()

    names = sorted(
        name for name in os.listdir(options.pages)
        if os.path.exists(os.path.join(options.pages, name, "expected.html"))
    )
    if options.smoke:
        names = names[:10]
        options.runs = 1
    references = {}
    for name in names:
        reference = words(markup_text(read(os.path.join(options.pages, name, "expected.html"))))
        if sum(reference.values()) >= 20:
            references[name] = reference
    sources = {name: os.path.join(options.pages, name, "source.html") for name in references}

    # medterm's two readings take turns, run after run, so that a machine slowing down or
    # speeding up weighs on both alike.
    article_times, full_times = [], []
    texts = {}
    for run in range(options.runs):
        start = time.perf_counter()
        texts = {name: medterm_text(options.binary, path) for name, path in sources.items()}
        article_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in sources.values():
            medterm_text(options.binary, path, full=True)
        full_times.append(time.perf_counter() - start)
    rows = {"medterm": {name: score(words(text), references[name]) for name, text in texts.items()}}
    times = {"medterm": statistics.median(article_times), "medterm --full": statistics.median(full_times)}
    for tool, extract in peers().items():
        start = time.perf_counter()
        peer_texts = {name: extract(path) for name, path in sources.items()}
        times[tool] = time.perf_counter() - start
        rows[tool] = {name: score(words(text), references[name]) for name, text in peer_texts.items()}

    print(f"{len(references)} pages (expected article of 20 words or more)\n")
    print("| tool | precision | recall | F1 | time for all pages |")
    print("|---|---|---|---|---|")
    for tool, scores in rows.items():
        means = [statistics.mean(values) for values in zip(*scores.values())]
        print(f"| {tool} | {means[0]:.3f} | {means[1]:.3f} | {means[2]:.3f} | {times[tool]:.2f} s |")
    print(f"| medterm --full (whole page) | | | | {times['medterm --full']:.2f} s |")
    ratios = sorted(a / f for a, f in zip(article_times, full_times))
    print(
        f"\nreading the article takes {statistics.median(ratios):.2f}x the time of reading the"
        f" whole page (runs: {', '.join(f'{r:.2f}' for r in ratios)})")
    worst = sorted((f1, name) for name, (_, _, f1) in rows["medterm"].items() if f1 < 0.9)
    if worst:
        print("\nmedterm's pages below 0.9:")
        for f1, name in worst[: options.worst]:
            precision, recall, _ = rows["medterm"][name]
            print(f"  {name:40s} P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    if options.json:
        with open(options.json, "w") as handle:
            json.dump({"times": times, "scores": rows}, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
