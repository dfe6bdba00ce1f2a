#!/usr/bin/env python3
"""For the reextract benchmark: gives SHARE of the documents' latest captures one more paragraph,
as if the page had held more than the extractor that read it saw. The body is the site's file for
the capture's URL with the paragraph added, stored uncompressed (codec 0)."""
import argparse
import os
import random
import sqlite3
from urllib.parse import urlparse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("site")
    parser.add_argument("--share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(args.db)
    rows = db.execute("""SELECT c.id, c.url FROM capture c JOIN documentVersion v ON v.id = c.version
                         JOIN document d ON d.id = v.documentId AND v.number = d.latestVersion""").fetchall()
    grown = 0
    for capture, url in rows:
        if rng.random() >= args.share:
            continue
        with open(os.path.join(args.site, urlparse(url).path.lstrip("/")), "rb") as f:
            body = f.read().replace(b"</article>", b"<p>A paragraph the first reading missed, on the tolls that return in spring, officials said.</p></article>", 1)
        db.execute("UPDATE capture SET codec = 0, bytes = ?, body = ? WHERE id = ?", (len(body), body, capture))
        grown += 1
    db.commit()
    print(f"{grown} of {len(rows)} latest captures given one more paragraph")


if __name__ == "__main__":
    main()
