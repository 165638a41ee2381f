/* htmltext.c: the reader-visible text of an HTML page, one block per line
 * (headings, paragraphs, list items, table cells…), for the HTML/PDF parity
 * test of tests/e2e/pdf.sh.
 *
 *   htmltext PAGE.html            prints the blocks
 *   htmltext PAGE.html PDF.txt    checks that every block is in PDF.txt (the
 *                                 output of `pdftotext -raw`) in the same order
 *
 * Only <main> counts (the whole <body> when there is none). Left out: what
 * paper cannot do or does not show — script, style, svg, nav, header,
 * footer, folded <details>, visually hidden text (class "vh"), the text of
 * links to other pages (navigation) and elements marked data-pdf="skip";
 * --stop-at ID ends the page at the element with that id. --all prints
 * every word a reader or a screen reader meets instead: the whole document,
 * nav, header, footer, folded and hidden text, link texts and the SVG's
 * text included, and the values of title, alt and aria-label attributes
 * (each a line of its own); only script and style are left out (the i18n
 * test, tests/e2e/i18n.sh). Whitespace does
 * not count when comparing. A block matches when its characters occur
 * in order: see match(). Exit 1 when a block is missing. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const skipped[] = {"script", "style", "svg", "nav", "header", "footer",
	"noscript", "template", "details", NULL};
static const char *const blocks[] = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td",
	"th", "dt", "dd", "caption", "figcaption", "tr", "table", "div", "section", "pre",
	"blockquote", "summary", "details", "ul", "ol", "dl", "figure", "article", "main",
	"body", "br", "hr", NULL};

static bool
in_list(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

/* Whether the tag text [q, gt) has class token cls. */
static bool
has_class(const char *q, const char *gt, const char *cls)
{
	size_t n = strlen(cls);

	for (; q + 7 <= gt; q++) {
		const char *v, *e;
		if (strncmp(q, "class=\"", 7) != 0)
			continue;
		v = q + 7;
		e = strchr(v, '"');
		if (e == NULL || e > gt)
			return false;
		while (v < e) {
			const char *w = v;
			while (w < e && *w != ' ')
				w++;
			if ((size_t)(w - v) == n && strncmp(v, cls, n) == 0)
				return true;
			v = w + 1;
		}
		return false;
	}
	return false;
}

/* Whether [q, gt) is a link to another page (not "#…" inside this one). */
static bool
external_link(const char *name, const char *q, const char *gt)
{
	for (; strcmp(name, "a") == 0 && q + 6 <= gt; q++)
		if (strncmp(q, "href=\"", 6) == 0)
			return q[6] != '#';
	return false;
}

/* Whether the tag text [q, gt) holds attr. */
static bool
has_attr(const char *q, const char *gt, const char *attr)
{
	size_t n = strlen(attr);

	for (; q + n <= gt; q++)
		if (strncmp(q, attr, n) == 0)
			return true;
	return false;
}

static void
put_utf8(struct strbuf *sb, unsigned long c)
{
	char b[4];

	if (c < 0x80)
		strbuf_putc(sb, (char)c);
	else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		strbuf_append(sb, b, 2);
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		strbuf_append(sb, b, 3);
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		strbuf_append(sb, b, 4);
	}
}

/* Decodes the entity at s (after '&'); returns bytes consumed or 0. */
static size_t
entity(const char *s, struct strbuf *out)
{
	static const struct { const char *name; unsigned long c; } named[] = {
		{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
		{"nbsp;", ' '}, {"ndash;", 0x2013}, {"mdash;", 0x2014}, {"hellip;", 0x2026},
		{"euro;", 0x20AC}, {"middot;", 0xB7}, {"times;", 0xD7}, {"ge;", 0x2265},
		{"le;", 0x2264}, {"rarr;", 0x2192}, {"larr;", 0x2190},
	};
	if (*s == '#') {
		char *end;
		unsigned long c = s[1] == 'x' || s[1] == 'X' ? strtoul(s + 2, &end, 16) :
		    strtoul(s + 1, &end, 10);
		if (*end != ';')
			return 0;
		put_utf8(out, c == 0xA0 ? ' ' : c);
		return (size_t)(end - s) + 1;
	}
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (strncmp(s, named[i].name, strlen(named[i].name)) == 0) {
			put_utf8(out, named[i].c);
			return strlen(named[i].name);
		}
	return 0;
}

static void
flush(struct strbuf *cur, struct strbuf *out)
{
	size_t i = 0, j = 0;
	bool space = false;
	char *s = cur->data;

	if (cur->len == 0)
		return;
	/* Collapse whitespace; drop the block when nothing is left. */
	for (i = 0; i < cur->len; i++) {
		unsigned char c = (unsigned char)s[i];
		/* No-break spaces are spaces to pdftotext too. */
		if (c == 0xC2 && i + 1 < cur->len && (unsigned char)s[i + 1] == 0xA0)
			i++, c = ' ';
		else if (c == 0xE2 && i + 2 < cur->len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xAF)
			i += 2, c = ' ';
		if (isspace(c)) {
			space = j > 0;
			continue;
		}
		if (space)
			s[j++] = ' ';
		space = false;
		s[j++] = (char)c;
	}
	if (j > 0) {
		strbuf_append(out, s, j);
		strbuf_putc(out, '\n');
	}
	cur->len = 0;
}

static bool every_word;		/* --all */
static const char *const skipped_always[] = {"script", "style", NULL};

/* --all: the values of the attributes a reader meets, as blocks of their own. */
static void
put_attributes(const char *q, const char *gt, struct strbuf *cur, struct strbuf *out)
{
	static const char *const attrs[] = {" title=\"", " alt=\"", " aria-label=\"", NULL};

	for (size_t i = 0; attrs[i] != NULL; i++) {
		const char *v = q - 1, *e;
		while ((v = strstr(v, attrs[i])) != NULL && v < gt) {
			v += strlen(attrs[i]);
			e = strchr(v, '"');
			if (e == NULL || e > gt)
				break;
			flush(cur, out);
			while (v < e) {
				size_t k = *v == '&' ? entity(v + 1, cur) : 0;
				if (k > 0)
					v += k + 1;
				else
					strbuf_putc(cur, *v++);
			}
			flush(cur, out);
		}
	}
}

/* The blocks of html, one per line, up to the element with id stop. */
static char *
extract(const char *html, const char *stop)
{
	struct strbuf out = {0}, cur = {0};
	const char *p = strstr(html, "<main"), *end;
	int skip = 0;
	char skipname[32] = "";

	if (p == NULL || every_word)
		p = strstr(html, "<html");
	if (p == NULL)
		p = strstr(html, "<body");
	if (p == NULL)
		p = html;
	end = every_word ? NULL : strstr(p, "</main>");
	if (end == NULL)
		end = p + strlen(p);
	while (p < end) {
		if (*p == '<') {
			const char *q = p + 1, *gt;
			char name[32];
			size_t n = 0;
			bool closing = *q == '/';

			if (strncmp(p, "<!--", 4) == 0) {
				const char *e = strstr(p, "-->");
				p = e != NULL ? e + 3 : end;
				continue;
			}
			if (closing)
				q++;
			while (isalnum((unsigned char)*q) && n < sizeof name - 1)
				name[n++] = (char)tolower((unsigned char)*q++);
			name[n] = '\0';
			gt = strchr(q, '>');
			if (gt == NULL)
				break;
			if (skip > 0) {
				if (strcmp(name, skipname) == 0 && gt[-1] != '/')
					skip += closing ? -1 : 1;
				p = gt + 1;
				continue;
			}
			if (!closing && stop != NULL && has_attr(q, gt, stop))
				break;
			if (every_word && !closing && in_list(skipped_always, name)) {
				skip = 1;
				snprintf(skipname, sizeof skipname, "%s", name);
				p = gt + 1;
				continue;
			}
			if (every_word) {
				if (!closing)
					put_attributes(q, gt, &cur, &out);
				/* Every element ends a word: SVG <text> pieces stand apart. */
				strbuf_putc(&cur, ' ');
			}
			if (!every_word && !closing && gt[-1] != '/' && (in_list(skipped, name) ||
			    has_attr(q, gt, "data-pdf=\"skip\"") || has_class(q, gt, "vh") ||
			    external_link(name, q, gt))) {
				flush(&cur, &out);
				skip = 1;
				snprintf(skipname, sizeof skipname, "%s", name);
				p = gt + 1;
				continue;
			}
			if (in_list(blocks, name))
				flush(&cur, &out);
			p = gt + 1;
			continue;
		}
		if (skip > 0) {
			p++;
			continue;
		}
		if (*p == '&') {
			size_t k = entity(p + 1, &cur);
			if (k > 0) {
				p += k + 1;
				continue;
			}
		}
		strbuf_putc(&cur, *p++);
	}
	flush(&cur, &out);
	strbuf_free(&cur);
	strbuf_putc(&out, '\0');
	return strbuf_detach(&out, NULL);
}

/* Whether a token is only a separator ("·", "→", "–", "|", ","). */
static bool
separator(const char *t)
{
	static const char *const seps[] = {"\xC2\xB7", "\xE2\x86\x92", "\xE2\x80\x93",
		"|", ",", ":", NULL};

	for (size_t i = 0; seps[i] != NULL; i++)
		if (strcmp(t, seps[i]) == 0)
			return true;
	return false;
}

#define WINDOW 600	/* bytes a running header, footer or cell may put between words */

/* Matches the words of block (whitespace-separated) in hay from pos: the
 * first word at its nearest occurrence ahead (the PDF may add charts and
 * tables between two blocks of the page), each further word within WINDOW
 * of the one before (a page break may cut a paragraph). Returns the
 * position after the last word, or -1. */
static long
match(const char *block, const char *hay, size_t from)
{
	char *copy = xstrdup(block), *words[4096], *save = NULL;
	size_t n = 0;
	const char *first;
	long result = -1;

	for (char *w = strtok_r(copy, " ", &save); w != NULL && n < 4096;
	    w = strtok_r(NULL, " ", &save))
		if (!separator(w))
			words[n++] = w;
	if (n == 0) {
		free(copy);
		return (long)from;
	}
	for (first = strstr(hay + from, words[0]); first != NULL && result < 0;
	    first = strstr(first + 1, words[0])) {
		size_t end = (size_t)(first - hay) + strlen(words[0]), i;
		for (i = 1; i < n; i++) {
			const char *at = strstr(hay + end, words[i]);
			if (at == NULL || (size_t)(at - hay) - end > WINDOW)
				break;
			end = (size_t)(at - hay) + strlen(words[i]);
		}
		if (i == n)
			result = (long)end;
	}
	free(copy);
	return result;
}

int
main(int argc, char **argv)
{
	char *html, *text, *blocksout, *pdf, *line, *stop = NULL;
	size_t len, plen, pos = 0;

	(void)plen;
	int missing = 0, total = 0;

	if (argc > 1 && strcmp(argv[1], "--all") == 0) {
		every_word = true;
		argv++;
		argc--;
	}
	if (argc > 2 && strcmp(argv[1], "--stop-at") == 0) {
		stop = xasprintf("id=\"%s\"", argv[2]);
		argv += 2;
		argc -= 2;
	}
	if (argc < 2 || read_file(argv[1], &html, &len) != 0) {
		fprintf(stderr, "usage: htmltext [--all] [--stop-at ID] PAGE.html [PDF.txt]\n");
		return 2;
	}
	blocksout = extract(html, stop);
	free(stop);
	free(html);
	if (argc == 2) {
		fputs(blocksout, stdout);
		free(blocksout);
		return 0;
	}
	if (read_file(argv[2], &text, &plen) != 0) {
		perror(argv[2]);
		return 2;
	}
	pdf = text;
	for (line = strtok(blocksout, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		long at;
		total++;
		at = match(line, pdf, pos);
		if (at < 0) {
			if (missing < 15)
				printf("%s: not in the PDF (in order): %s\n", argv[1], line);
			missing++;
		} else
			pos = (size_t)at;
	}
	printf("%s: %d blocks, %d missing\n", argv[1], total, missing);
	free(blocksout);
	free(pdf);
	return missing > 0;
}
