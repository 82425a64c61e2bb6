#!/usr/bin/env python3
"""Makes the corpus's EPUB books from two of its public-domain texts with pandoc.

    python3 tests/corpus/books/make.py        (needs pandoc; writes the .epub files here)

Each book is the text's chapters as HTML (a heading element per heading line that the
text's reading label lists, at its level: h1 chapters, h2 sections; a <p> per other
line), handed to pandoc, which splits the chapters into files and writes the table of
contents (EPUB 3: nav and NCX; EPUB 2: NCX). The site apparatus of the downloads (banner,
title and author lines, which become the book's metadata, `更新时间` lines, the `正文 `
before a chapter number) is left out: a book made from the text would not carry it.
"""
import html
import os
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

BOOKS = [
    # (id, source text id, version, title, author, first body line, lines to leave out)
    ("book-01-hulanhe", "fiction-04-hulanhe", "epub3", "呼兰河传", "萧红", 7, ()),
    ("book-02-sanguo", "fiction-02-sanguo", "epub2", "三国演义", "罗贯中", 6, ("更新时间",)),
]


def make(book_id, text_id, version, title, author, first, skip):
    lines = open(os.path.join(CORPUS, "texts", text_id + ".txt"), encoding="utf-8").read().split("\n")
    label = tomllib.load(open(os.path.join(CORPUS, "labels", text_id + ".toml"), "rb"))
    headings = {h["line"]: h["level"] for h in label.get("heading", [])}
    out = []
    for n, line in enumerate(lines, start=1):
        text = line.strip().strip("\u3000")
        if n < first or not text or any(text.startswith(s) for s in skip):
            continue
        if n in headings:
            text = text.removeprefix("正文 ")
            level = headings[n]
            out.append(f"<h{level}>{html.escape(text)}</h{level}>")
        else:
            out.append(f"<p>{html.escape(text)}</p>")
    src = os.path.join(HERE, book_id + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write("<html><body>\n" + "\n".join(out) + "\n</body></html>\n")
    dest = os.path.join(HERE, book_id + ".epub")
    subprocess.run(
        ["pandoc", "-f", "html", "-t", version, "--toc-depth=2", "--epub-chapter-level=1",
         "-M", f"title={title}", "-M", f"author={author}", "-M", "lang=zh-CN",
         "-o", dest, src],
        check=True,
    )
    os.remove(src)
    print(dest, os.path.getsize(dest))


if __name__ == "__main__":
    for b in BOOKS:
        if len(sys.argv) == 1 or b[0] in sys.argv[1:]:
            make(*b)
