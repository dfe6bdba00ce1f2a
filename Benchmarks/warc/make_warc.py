"""Writes a gzip WARC (one gzip member per record, warcio's WARCWriter) of near-duplicate web pages,
and its ground truth, from the 130 Readability test pages.

The file opens with a warcinfo record; each capture is a request record and an HTTP response record
(WARC-Concurrent-To links them), as crawlers write them. Each of SCALE rounds holds, for every page,
in a shuffled order:
- the page at a URL of its own for the round (http/https, with or without www, tracking parameters):
  in round 0 the original, later an exact copy under another URL;
- a recapture: the same URL a month later, the page slightly edited (three words of one paragraph
  changed, or a 16-word paragraph added, at the byte level so the rest of the page stays as it was);
- a copy: the article (expected.html, the text Readability extracts) under another host, with
  another site's boilerplate (three templates of navigation, sidebar, banner and footer).
Every record made from a page belongs to that page's family; pages whose expected texts are already
near duplicates (word 5-gram Jaccard >= 0.8) share a family.

Ground truth, one JSON line per response record in file order: key (the URL, then URL#2, URL#3 for
a URL seen again, as stemma names repeated ids), recordId, url, date, page, family, kind
(original|variant|recapture|copy), of (the key of the family's original), articleWords (words in
expected.html). A summary (records, bytes compressed and uncompressed) goes to PATH.stats.json.

Usage: make_warc.py OUTPUT.warc.gz TRUTH.jsonl [--corpus DIR] [--scale ROUNDS] [--seed S]
"""
import argparse
import datetime
import gzip
import html
import io
import json
import os
import random
import re
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "extract"))
from score import DEFAULT_CORPUS, html_text  # noqa: E402

PARAGRAPH = re.compile(rb"<p[\s>](?:(?!<p[\s>]).)*?</p\s*>", re.I | re.S)
TAG = re.compile(rb"(<[^>]*>)")
WORD_BYTES = re.compile(rb"\b[A-Za-z]{4,}\b")
WORD = re.compile(r"\w+")
START = datetime.datetime(2024, 3, 1, tzinfo=datetime.timezone.utc)
FILLER = ("council", "residents", "reported", "officials", "statement", "according", "evening", "project",
          "community", "expected", "research", "district", "updated", "version", "morning", "analysis",
          "measures", "spokesperson", "confirmed", "details", "weekend", "planning", "committee", "several")
MIRRORS = ("dailywire-aggregator", "newsfeed-mirror", "planet-reader", "headline-hub", "the-syndicate",
           "worldpress-digest", "readlater-cache", "linkshare-today")


def slug_of(page):
    return re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-") or "page"


def url_variant(page, index, round_number):
    """A URL of its own for the page in each round: the variations a crawl meets for one page."""
    host = f"{slug_of(page)}.example.com"
    path = f"/articles/{2015 + index % 9}/{slug_of(page)}-{index:03d}.html"
    scheme = "https" if round_number % 2 == 0 else "http"
    www = "www." if round_number % 4 < 2 else ""
    query = {0: "", 1: ""}.get(round_number, f"?utm_source=feed&utm_campaign=c{round_number}")
    if round_number == 3:
        query = "?ref=homepage"
    return f"{scheme}://{www}{host}{path}{query}"


def sentence(rng, count):
    words = [rng.choice(FILLER) for _ in range(count)]
    return " ".join(words).capitalize() + "."


def edit_page(source, rng):
    """The page with three words of a paragraph changed or a short paragraph added; (bytes, kind of edit)."""
    spans = [m for m in PARAGRAPH.finditer(source) if len(TAG.sub(b" ", m.group()).split()) >= 25]
    if not spans:
        at = source.lower().rfind(b"</body")
        at = len(source) if at < 0 else at
        return source[:at] + b"<p>" + sentence(rng, 16).encode() + b"</p>" + source[at:], "added"
    middle = spans[len(spans) // 4:max(len(spans) // 4 + 1, 3 * len(spans) // 4)]
    span = rng.choice(middle)
    if rng.random() < 0.5:
        added = b"\n<p>" + " ".join(sentence(rng, 8) for _ in range(2)).encode() + b"</p>"
        return source[:span.end()] + added + source[span.end():], "added"
    parts = TAG.split(span.group())
    words = [(i, m.span()) for i, part in enumerate(parts) if i % 2 == 0 for m in WORD_BYTES.finditer(part)]
    for i, (begin, end) in sorted(rng.sample(words, min(3, len(words))), key=lambda w: (w[0], -w[1][0])):
        parts[i] = parts[i][:begin] + rng.choice(FILLER).encode() + parts[i][end:]  # right to left: spans stay valid
    return source[:span.start()] + b"".join(parts) + source[span.end():], "changed"


TEMPLATES = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/static/site.css"></head>
<body><div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Privacy policy</a>
<button>Accept all</button></div><header><a class="logo" href="/">{site}</a><nav><ul>{nav}</ul></nav>
<form action="/search"><input name="q" placeholder="Search {site}"></form></header>
<main><article><h1>{title}</h1><p class="meta">Republished from the original source.</p>{article}</article></main>
<aside><h2>Most read</h2><ol>{links}</ol></aside>
<footer><p>&copy; 2024 {site}. All rights reserved.</p><ul><li><a href="/about">About</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/terms">Terms of use</a></li></ul></footer></body></html>""",
    """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{site} - {title}</title>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script></head>
<body class="post"><div id="top"><div class="brand">{site}</div><div class="menu">{nav}</div></div>
<div id="wrap"><div id="sidebar"><div class="widget"><h3>Trending now</h3><ul>{links}</ul></div>
<div class="widget"><h3>Newsletter</h3><p>Get the best stories in your inbox every morning.</p>
<form><input type="email" placeholder="you@example.com"><button>Subscribe</button></form></div></div>
<div id="content"><h2 class="entry-title">{title}</h2><div class="entry-content">{article}</div>
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<div class="comments"><h3>0 comments</h3><p>Be the first to comment.</p></div></div></div>
<div id="bottom">{site} is an independent reader-supported publication. Powered by WordPress.</div></body></html>""",
    """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title><meta property="og:site_name" content="{site}">
</head><body><nav class="navbar">{nav}<a href="/login">Sign in</a> <a href="/subscribe">Subscribe</a></nav>
<section class="breaking"><strong>Breaking:</strong> <a href="/live">Follow our live coverage</a></section>
<div class="layout"><div class="story"><header><h1>{title}</h1><time>2024</time></header>
<div class="story-body">{article}</div><div class="tags">Filed under: news, world, features</div></div>
<div class="rail"><div class="ad">Advertisement</div><h4>Related stories</h4><ul>{links}</ul>
<div class="ad">Advertisement</div></div></div><footer class="site-footer"><p>{site} &middot; Sitemap &middot;
Accessibility &middot; Cookie settings &middot; Do not sell my personal information</p></footer></body></html>""",
)


def copy_page(article, title, round_number, rng, titles):
    site = MIRRORS[round_number % len(MIRRORS)].replace("-", " ").title()
    sections = ("World", "Politics", "Business", "Technology", "Science", "Culture", "Sport", "Opinion")
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in rng.sample(sections, 6))
    links = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">{html.escape(t)}</a></li>'
                    for t in rng.sample(titles, 5))
    template = TEMPLATES[round_number % len(TEMPLATES)]
    return template.format(title=html.escape(title), site=site, nav=nav, links=links, article=article).encode()


def shingle_set(text, size=5):
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def families_of(pages, texts):
    """Page -> family: pages whose expected texts are near duplicates share one (union-find)."""
    parent = {page: page for page in pages}

    def find(page):
        while parent[page] != page:
            parent[page] = parent[parent[page]]
            page = parent[page]
        return page

    sets = {page: shingle_set(texts[page]) for page in pages}
    for i, a in enumerate(pages):
        for b in pages[i + 1:]:
            if sets[a] and sets[b] and len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= 0.8:
                parent[find(b)] = find(a)
    return {page: find(page) for page in pages}


class Writer:
    def __init__(self, file):
        self.warc = WARCWriter(file, gzip=True)
        self.seen = {}
        self.truth = []
        self.records = 0

    def capture(self, url, date, payload, **truth):
        stamp = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(payload))),
                                                   ("Server", "nginx"), ("Cache-Control", "max-age=300")],
                                        protocol="HTTP/1.1")
        response = self.warc.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http_headers,
                                                warc_headers_dict={"WARC-Date": stamp})
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        host, _, path = url.split("://", 1)[1].partition("/")
        request_headers = StatusAndHeaders(f"GET /{path} HTTP/1.1", [("Host", host), ("User-Agent", "stemma-bench/1.0"),
                                                                     ("Accept", "text/html")], is_http_request=True)
        request = self.warc.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request_headers,
                                               warc_headers_dict={"WARC-Date": stamp, "WARC-Concurrent-To": record_id})
        self.warc.write_record(request)
        self.warc.write_record(response)
        self.records += 2
        count = self.seen[url] = self.seen.get(url, 0) + 1
        key = url if count == 1 else f"{url}#{count}"
        self.truth.append({"key": key, "recordId": record_id, "url": url, "date": stamp, **truth})
        return key


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("truth")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--scale", type=int, default=8, help="rounds; each adds ~55 MB uncompressed")
    parser.add_argument("--seed", type=int, default=42)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)

    pages = sorted(p for p in os.listdir(arguments.corpus) if os.path.isfile(os.path.join(arguments.corpus, p, "source.html")))
    sources, articles, titles, texts = {}, {}, {}, {}
    for page in pages:
        folder = os.path.join(arguments.corpus, page)
        with open(os.path.join(folder, "source.html"), "rb") as file:
            sources[page] = file.read()
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as file:
            articles[page] = file.read()
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as file:
            titles[page] = json.load(file).get("title") or page.replace("-", " ").title()
        texts[page] = html_text(articles[page])
    family = families_of(pages, texts)
    originals = {}

    temporary = arguments.output + ".part"
    with open(temporary, "wb") as file:
        writer = Writer(file)
        info = writer.warc.create_warcinfo_record(os.path.basename(arguments.output), {
            "software": "stemma Benchmarks/warc/make_warc.py", "format": "WARC File Format 1.1",
            "description": f"Readability test pages x {arguments.scale} rounds with recaptures and copies (seed {arguments.seed})",
            "isPartOf": "stemma-warc-bench", "robots": "obey"})
        writer.warc.write_record(info)
        writer.records += 1
        for round_number in range(arguments.scale):
            day = START + datetime.timedelta(days=round_number)
            jobs = [(kind, index, page) for kind in ("page", "recapture", "copy") for index, page in enumerate(pages)]
            rng.shuffle(jobs)
            # a recapture comes after its page: keep the shuffled order but move recaptures to the end
            jobs.sort(key=lambda job: job[0] == "recapture")
            for kind, index, page in jobs:
                words = len(WORD.findall(texts[page]))
                common = {"page": page, "family": family[page], "articleWords": words}
                url = url_variant(page, index, round_number)
                if kind == "page":
                    key = writer.capture(url, day + datetime.timedelta(seconds=37 * index), sources[page],
                                         kind="original" if round_number == 0 else "variant",
                                         of=originals.get(family[page]), **common)
                    originals.setdefault(family[page], key)
                elif kind == "recapture":
                    edited, how = edit_page(sources[page], rng)
                    writer.capture(url, day + datetime.timedelta(days=30, seconds=41 * index), edited,
                                   kind="recapture", edit=how, of=originals[family[page]], **common)
                else:
                    mirror = MIRRORS[(round_number + index) % len(MIRRORS)]
                    copy_url = f"https://{mirror}.example.org/{2024}/{3 + round_number % 9:02d}/{slug_of(page)}-r{round_number}"
                    body = copy_page(articles[page], titles[page], round_number + index, rng, [titles[p] for p in pages])
                    writer.capture(copy_url, day + datetime.timedelta(days=2, seconds=43 * index), body,
                                   kind="copy", of=originals.get(family[page]), **common)
    for row in writer.truth:  # copies written before their family's original in round 0 point to it too
        row["of"] = originals[row["family"]]
    os.replace(temporary, arguments.output)

    with open(arguments.truth, "w", encoding="utf-8") as file:
        for row in writer.truth:
            file.write(json.dumps(row) + "\n")
    uncompressed = 0
    with gzip.open(arguments.output, "rb") as file:
        while chunk := file.read(1 << 20):
            uncompressed += len(chunk)
    stats = {"records": writer.records, "responses": len(writer.truth), "families": len(set(family.values())),
             "pages": len(pages), "rounds": arguments.scale, "bytes": os.path.getsize(arguments.output),
             "uncompressedBytes": uncompressed}
    with open(arguments.output + ".stats.json", "w", encoding="utf-8") as file:
        json.dump(stats, file)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
