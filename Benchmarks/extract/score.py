"""Scores article extractions against the Readability test pages (expected.html, expected-metadata.json).

Bodies are scored as the common article-extraction benchmarks do: the texts become word tokens
(Unicode \\w runs, lower-cased, so punctuation is dropped; each Han or kana character is a word of
its own, since Chinese and Japanese put no spaces between words), the tokens 4-gram shingles counted
as a multiset, and each page gets precision = shared / predicted shingles, recall = shared / expected
shingles and their F1. A page whose expected text or prediction has fewer than 4 words is scored on
single words. A page the tool returned nothing for scores 0, and the means are over every page of
the corpus. Titles count as right when they equal expected-metadata.json's title after whitespace is
collapsed (pages without an expected title are left out of that share). "pages" counts the pages
with any text. The expected texts are Mozilla Readability's, so tools of the Readability family
(readability-lxml) start with an edge.

Each prediction file is JSONL with a "path" member (".../FOLDER/source.html"; "id" is read when there
is no path), "text" and "title"; missing files and tools give a row of dashes.

Usage: score.py [--corpus DIR] [--tsv FILE] [--worst N [--tool NAME]] NAME=PREDICTIONS.jsonl...
"""
import argparse
import json
import os
import re
import statistics
import sys
from collections import Counter

import lxml.html

DEFAULT_CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpora",
                              "readability-test-pages")
WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SHINGLE = 4
BLOCKS = frozenset("""address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul""".split())


def html_text(markup):
    """The text of an HTML fragment, with block elements on lines of their own (so words never fuse)."""
    if not markup or not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    parts = []

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            parts.append(" ")
        else:
            block = tag.lower() in BLOCKS
            if block:
                parts.append("\n")
            if element.text and tag:
                parts.append(element.text)
            for child in element:
                walk(child)
            if block:
                parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def words(text):
    return WORD.findall((text or "").lower())


def shingles(tokens, size):
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def score_body(expected, predicted):
    """(precision, recall, f1) of one page's predicted tokens against its expected tokens."""
    if not predicted:
        return 0.0, 0.0, 0.0
    if not expected:
        return 0.0, 1.0, 0.0
    size = SHINGLE if min(len(expected), len(predicted)) >= SHINGLE else 1
    truth, guess = shingles(expected, size), shingles(predicted, size)
    shared = sum((truth & guess).values())
    precision = shared / sum(guess.values())
    recall = shared / sum(truth.values())
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return precision, recall, f1


def normalized(title):
    return " ".join((title or "").split())


def load_truth(corpus):
    truth = {}
    for page in sorted(os.listdir(corpus)):
        folder = os.path.join(corpus, page)
        if not os.path.isfile(os.path.join(folder, "expected.html")):
            continue
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as file:
            text = html_text(file.read())
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as file:
            metadata = json.load(file)
        truth[page] = {"words": words(text), "title": normalized(metadata.get("title"))}
    return truth


def page_of(record):
    """The page folder a record is for: the path component before "/source.html"."""
    path = (record.get("path") or record.get("id") or "").replace("\\", "/").rstrip("/")
    parts = path.split("/")
    if len(parts) >= 2 and parts[-1].lower().startswith("source."):
        return parts[-2]
    return parts[-1] if parts else ""


def load_predictions(path):
    predictions = {}
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}: line {number}: {error} (skipped)", file=sys.stderr)
                continue
            predictions.setdefault(page_of(record), record)
    return predictions


def score_tool(truth, predictions):
    rows = {}
    for page, expected in truth.items():
        record = predictions.get(page)
        predicted = words(record.get("text")) if record else []
        precision, recall, f1 = score_body(expected["words"], predicted)
        title = normalized(record.get("title")) if record else ""
        rows[page] = (precision, recall, f1, title == expected["title"] if expected["title"] else None)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("predictions", nargs="+", metavar="NAME=FILE")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--tsv", help="write every page's P, R, F1 and title match per tool to this TSV")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="print the N pages of lowest F1")
    parser.add_argument("--tool", help="the tool for --worst (the first one by default)")
    arguments = parser.parse_args()

    truth = load_truth(arguments.corpus)
    tools = [item.split("=", 1) if "=" in item else (os.path.basename(item).split(".")[0], item)
             for item in arguments.predictions]
    scores = {}
    print(f"{len(truth)} pages; body: mean word 4-gram precision / recall / F1 over all pages (a page without output = 0); "
          f"title: exact after whitespace, of {sum(1 for t in truth.values() if t['title'])} pages with a title")
    print(f"{'tool':<20} {'pages':>5} {'P':>7} {'R':>7} {'F1':>7} {'med F1':>7} {'title %':>8}")
    for name, path in tools:
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            print(f"{name:<20} {'—':>5} {'—':>7} {'—':>7} {'—':>7} {'—':>7} {'—':>8}")
            continue
        predictions = load_predictions(path)
        rows = scores[name] = score_tool(truth, predictions)
        found = sum(1 for page in truth if words((predictions.get(page) or {}).get("text")))
        mean = lambda index: statistics.fmean(row[index] for row in rows.values())
        titled = [row[3] for row in rows.values() if row[3] is not None]
        print(f"{name:<20} {found:>5} {mean(0):>7.3f} {mean(1):>7.3f} {mean(2):>7.3f} "
              f"{statistics.median(row[2] for row in rows.values()):>7.3f} {100 * sum(titled) / len(titled):>7.1f}%")

    if arguments.tsv:
        with open(arguments.tsv, "w", encoding="utf-8") as file:
            file.write("page\ttool\tprecision\trecall\tf1\ttitle\n")
            for name, rows in scores.items():
                for page, (precision, recall, f1, title) in rows.items():
                    file.write(f"{page}\t{name}\t{precision:.4f}\t{recall:.4f}\t{f1:.4f}\t{'' if title is None else int(title)}\n")
    if arguments.worst:
        name = arguments.tool or next(iter(scores), None)
        if name not in scores:
            print(f"no scores for {name!r}", file=sys.stderr)
            return 1
        print(f"\nLowest F1 for {name}:")
        print(f"{'page':<44} {'P':>6} {'R':>6} {'F1':>6}  title")
        for page, (precision, recall, f1, title) in sorted(scores[name].items(), key=lambda item: item[1][2])[:arguments.worst]:
            print(f"{page:<44} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}  {'-' if title is None else 'ok' if title else 'wrong'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
