"""Main-text extraction by the peers, over every source.html of the Readability test pages.

Each peer is called as its documentation shows for article text plus title, on the page's bytes
(so each detects the encoding itself, as it would reading a file):
- trafilatura: bare_extraction(html, with_metadata=True, include_comments=False), one pass for the
  text and the metadata (its default precision/recall balance, with its fallback extractors);
  trafilatura-fast is the same with fast=True (no fallbacks);
- readability-lxml: Document(html).summary(), its HTML turned into text as score.py does, and
  .short_title();
- resiliparse: HTMLTree.parse_from_bytes(html, detect_encoding(html)), then
  extract_plain_text(tree, main_content=True, comments=False) and tree.title.

Predictions: one JSONL record per page, in stemma extract's shape (members a peer lacks are null).
Speed (--speed): the pages are read into memory first; the workers (forked, so they share them) time
only parsing and extraction, over every page REPEAT times, and the figure is bytes of HTML / wall time.

Usage: peers_extract.py PEER [--corpus DIR] [--output FILE.jsonl]
       peers_extract.py PEER --speed [--repeat R] [--processes K]
"""
import argparse
import json
import multiprocessing
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from score import DEFAULT_CORPUS, html_text  # noqa: E402

PEERS = ("trafilatura", "trafilatura-fast", "readability-lxml", "resiliparse")


def extractor(peer):
    """A function from a page's bytes to a record's members."""
    if peer.startswith("trafilatura"):
        import trafilatura
        fast = peer == "trafilatura-fast"

        def extract(html):
            document = trafilatura.bare_extraction(html, fast=fast, include_comments=False, with_metadata=True)
            if document is None:
                return {}
            return {"url": document.url, "title": document.title, "byline": document.author, "date": document.date,
                    "language": document.language, "siteName": document.sitename, "text": document.text}
        return extract
    if peer == "readability-lxml":
        from readability import Document

        def extract(html):
            document = Document(html)
            # short_title() drops the site's name as Mozilla's does (72% right here; title() 47%)
            return {"title": document.short_title(), "text": html_text(document.summary(html_partial=True)),
                    "encoding": document.encoding}
        return extract
    if peer == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import detect_encoding
        from resiliparse.parse.html import HTMLTree

        def extract(html):
            encoding = detect_encoding(html)
            tree = HTMLTree.parse_from_bytes(html, encoding)
            return {"title": tree.title, "encoding": encoding,
                    "text": extract_plain_text(tree, main_content=True, comments=False)}
        return extract
    raise ValueError(peer)


def source_files(corpus):
    return [os.path.join(corpus, page, "source.html") for page in sorted(os.listdir(corpus))
            if os.path.isfile(os.path.join(corpus, page, "source.html"))]


def predict(peer, corpus, output):
    extract = extractor(peer)
    fields = ("url", "title", "byline", "date", "modified", "language", "siteName", "encoding", "text")
    failures = 0
    with open(output, "w", encoding="utf-8") if output != "-" else sys.stdout as out:
        for path in source_files(corpus):
            with open(path, "rb") as file:
                html = file.read()
            try:
                members = extract(html)
            except Exception as error:  # a page a peer cannot read scores 0, like one it returns nothing for
                print(f"{peer}: {path}: {type(error).__name__}: {error}", file=sys.stderr)
                failures += 1
                continue
            record = {"path": os.path.relpath(path, corpus)}
            record.update({field: members.get(field) for field in fields})
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failures else 0


_PAGES = []
_EXTRACT = None


def _start_worker(peer):
    global _EXTRACT
    _EXTRACT = extractor(peer)
    _EXTRACT(max(_PAGES, key=len))  # first-call costs (lazy imports, compiled expressions) are not timed


def _extract_page(index):
    try:
        members = _EXTRACT(_PAGES[index])
    except Exception:
        return 0
    return len(members.get("text") or "")


def speed(peer, corpus, repeat, processes):
    _PAGES.extend(open(path, "rb").read() for path in source_files(corpus))
    indices = list(range(len(_PAGES))) * repeat
    total = sum(len(page) for page in _PAGES) * repeat
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_start_worker, initargs=(peer,)) as pool:
        pool.map(abs, range(processes))  # wait until every worker is ready
        start = time.perf_counter()
        characters = sum(pool.imap_unordered(_extract_page, indices, chunksize=2))
        seconds = time.perf_counter() - start
    megabytes = total / 1e6
    print(json.dumps({"peer": peer, "pages": len(indices), "MB": round(megabytes, 2), "seconds": round(seconds, 3),
                      "processes": processes, "MBps": round(megabytes / seconds, 3),
                      "MBpsPerCore": round(megabytes / seconds / processes, 3), "textCharacters": characters}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("peer", choices=PEERS)
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--output", default="-")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2)
    arguments = parser.parse_args()
    if arguments.speed:
        speed(arguments.peer, arguments.corpus, arguments.repeat, arguments.processes)
        return 0
    return predict(arguments.peer, arguments.corpus, arguments.output)


if __name__ == "__main__":
    sys.exit(main())
