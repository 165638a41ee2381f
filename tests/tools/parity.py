#!/usr/bin/env python3
"""parity.py: print = page, word by word (issue 13 point 4).

    parity.py PAGE.html FILE.pdf [--show]

Every text block of the page's <main> must be in the PDF's text (pdftotext)
and in the same order. A block is the text that a block element (heading,
paragraph, list item, table cell, caption, figcaption, dt, dd, summary…)
holds directly; text of nested blocks makes their own blocks. Left out are
only what is not text (script, style, template, the SVG drawing — the PDF
draws the chart, and the chart's words are the figcaption, summary and data
table) and elements marked data-screen-only (navigation that paper cannot
follow: docs/pdf.md, "What print leaves out and why"). Folded <details>,
visually hidden text, link texts: all count.

Words: NFKC (ligatures), dashes and minus signs as "-", quotes plain, and
tokens of letters/digits or one of the symbols below; whitespace and other
punctuation do not count. A block is found when its words occur
consecutively in the PDF's words; in order when found at or after the end
of the previous block found in order.

Prints "FILE: N blocks, F% found, O% in order (f found, o in order)" and each block missing or out
of order; exit 1 unless 100% and 100%. --show prints the blocks.
"""
import html.parser
import math
import re
import subprocess
import sys
import unicodedata

SKIP = {"script", "style", "template", "svg", "noscript"}
BLOCK = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd",
         "caption", "figcaption", "tr", "table", "div", "section", "pre",
         "blockquote", "summary", "details", "ul", "ol", "dl", "figure",
         "article", "main", "body", "br", "hr", "thead", "tbody", "tfoot",
         "nav", "header", "footer", "aside"}
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr", "source",
        "area", "base", "embed", "param", "track"}
WORD = re.compile(r"[^\W_]+|[%€$£→+\-#]")


def words(text):
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("\u00ad", "")
    t = re.sub("[\u2010-\u2015\u2212]", "-", t)
    return WORD.findall(t)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []		# (tag, skipped)
        self.in_main = False
        self.saw_main = False
        self.blocks = []
        self.cur = []

    def flush(self):
        text = " ".join("".join(self.cur).split())
        if text and words(text):
            self.blocks.append(text)
        self.cur = []

    def skipping(self):
        return any(s for _, s in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.in_main = self.saw_main = True
        if tag in BLOCK:
            self.flush()
        if tag in VOID:
            return
        self.stack.append((tag, tag in SKIP or "data-screen-only" in a))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                if tag in BLOCK:
                    self.flush()
                del self.stack[k:]
                break
        if tag == "main":
            self.flush()
            self.in_main = False

    def handle_data(self, data):
        if self.in_main and not self.skipping():
            self.cur.append(data)


# The text area of every page (src/pdf.c, pdf_dev_geom): 76 pt from the top,
# 72 pt from the bottom. The running header sits above it (y 42-52), the
# footer below it (height - 46); cropping at 64 pt from the top and 60 pt from
# the bottom keeps the body and drops both, however a header's section name
# or a page number varies.
CROP_TOP = 64
CROP_BOTTOM = 60


def page_height(pdf):
    """Height in points of the PDF's first page (every page has its size)."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                          check=True).stdout
    m = re.search(r"^Page size:\s+[\d.]+ x ([\d.]+) pts", info, re.M)
    if not m:
        raise SystemExit(f"{pdf}: pdfinfo gives no page size")
    return float(m.group(1))


def body_text(pdf):
    """The PDF's text inside the text area, without the running header and
    footer, so that a paragraph cut by a page break reads on."""
    h = page_height(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-x", "0", "-y", str(CROP_TOP),
         "-W", "10000", "-H", str(int(h - CROP_TOP - CROP_BOTTOM)), pdf, "-"],
        capture_output=True, text=True, check=True).stdout.replace("\f", "\n")


def find(hay, needle, start):
    n = len(needle)
    first = needle[0]
    i = start
    while True:
        try:
            i = hay.index(first, i)
        except ValueError:
            return -1
        if hay[i:i + n] == needle:
            return i
        i += 1


def main(argv):
    show = "--show" in argv
    args = [a for a in argv[1:] if a != "--show"]
    if len(args) != 2:
        sys.stderr.write("usage: parity.py PAGE.html FILE.pdf [--show]\n")
        return 2
    page, pdf = args
    p = Page()
    with open(page, encoding="utf-8") as fh:
        p.feed(fh.read())
    p.close()
    if not p.saw_main:
        sys.stderr.write(f"{page}: no <main>\n")
        return 2
    hay = words(body_text(pdf))
    cursor = 0
    found = ordered = 0
    bad = []
    for b in p.blocks:
        w = words(b)
        if show:
            print("  | " + b)
        i = find(hay, w, cursor)
        if i >= 0:
            found += 1
            ordered += 1
            cursor = i + len(w)
        elif find(hay, w, 0) >= 0:
            found += 1
            bad.append("out of order: " + b)
        else:
            bad.append("missing: " + b)
    n = len(p.blocks)
    # Rounded down: one block short of 2,495 is 99.9%, not 100.0%.
    pf = math.floor(1000.0 * found / n) / 10 if n else 100.0
    po = math.floor(1000.0 * ordered / n) / 10 if n else 100.0
    print(f"{page}: {n} blocks, {pf:.1f}% found, {po:.1f}% in order "
          f"({found} found, {ordered} in order)")
    for m in bad:
        print("    " + m)
    return 0 if found == n and ordered == n else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
