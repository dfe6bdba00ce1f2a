#!/usr/bin/env python3
"""Writes a news site for the watch benchmark: FEEDS RSS feeds of ENTRIES articles each, as static
files for nginx. The texts are generated from a fixed vocabulary with a seeded generator, so every
run serves the same bytes; `--edit SHARE` rewrites a share of the articles (a changed figure and an
added sentence), as a newsroom's corrections would."""
import argparse
import os
import random

WORDS = ("council harbour bridge repairs contract vote members review budget engineers traffic quay shops "
         "residents weather delay report auditor tender summer recess opposition planning transport office "
         "morning evening minister school hospital rail station ferry market river police court judge "
         "election candidate district mayor health workers union strike talks agreement county water "
         "housing rents prices energy plant wind farm fishing fleet port cargo road works closure").split()


def paragraph(rng, sentences=4):
    out = []
    for _ in range(sentences):
        n = rng.randint(14, 26)
        words = [rng.choice(WORDS) for _ in range(n)]
        words.insert(rng.randint(2, n - 2), str(rng.randint(2, 400)))
        sentence = " ".join(words)
        out.append(sentence[0].upper() + sentence[1:] + ", officials said.")
    return " ".join(out)


def page(title, paragraphs):
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    nav = " ".join(f'<a href="/section/{w}">{w.title()}</a>' for w in WORDS[:24])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Harbour Ledger</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/site.css"></head>
<body><header><nav>{nav}</nav></header><main><article><h1>{title}</h1>
<p class="byline">By Staff Reporter</p>
{body}
</article><aside><h2>Most read</h2><ul>{''.join(f'<li><a href="/story/{i}">Story {i}</a></li>' for i in range(10))}</ul></aside></main>
<footer><a href="/about">About</a> <a href="/privacy">Privacy</a> <a href="/contact">Contact</a></footer></body></html>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--edit", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.root, "feed"), exist_ok=True)
    os.makedirs(os.path.join(args.root, "story"), exist_ok=True)
    with open(os.path.join(args.root, "robots.txt"), "w") as f:
        f.write("User-agent: *\nDisallow: /private/\n")
    base = f"http://127.0.0.1:{args.port}"
    edits = random.Random(args.seed + 1)
    urls = []
    for feed in range(args.feeds):
        items = []
        for entry in range(args.entries):
            number = feed * args.entries + entry
            rng = random.Random(args.seed * 1_000_003 + number)
            title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
            paragraphs = [paragraph(rng) for _ in range(rng.randint(5, 8))]
            if args.edit and edits.random() < args.edit:
                paragraphs[0] = paragraphs[0].replace(" said.", " said on Tuesday.", 1)
                paragraphs.append(paragraph(rng, 2))
            path = f"/story/{number}.html"
            with open(os.path.join(args.root, path[1:]), "w") as f:
                f.write(page(title, paragraphs))
            items.append(f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid></item>")
        with open(os.path.join(args.root, "feed", f"{feed}.xml"), "w") as f:
            f.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed %d</title>%s</channel></rss>\n'
                    % (feed, "".join(items)))
        urls.append(f"{base}/feed/{feed}.xml")
    with open(os.path.join(args.root, "feeds.txt"), "w") as f:
        f.write("# the benchmark's feeds\n" + "\n".join(urls) + "\n")


if __name__ == "__main__":
    main()
