#!/usr/bin/env node
// check-site.js: web quality checks of a built slareport site (issue 5):
//   node check-site.js OUT SHOTS
// - every page HTML5-valid (W3C Nu validator, vnu-jar, on Java);
// - axe-core in headless Debian chromium: 0 violations on every page type,
//   in light and dark colour schemes;
// - no external URL for any resource, no root-relative URL (works from file://
//   and any sub-path), every internal link and #fragment resolves;
// - screenshots at 375 and 1440 px (and dark, print) into SHOTS.
// Prints "ok: …" / "FAIL: …" lines; the last line is "N passed, M failed".
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const out = path.resolve(process.argv[2] || 'public');
const shots = path.resolve(process.argv[3] || 'screenshots');
let passed = 0, failed = 0;
const ok = (what) => { passed++; console.log(`ok: ${what}`); };
const fail = (what) => { failed++; console.log(`FAIL: ${what}`); };
const check = (cond, what) => (cond ? ok(what) : fail(what));

function walk(dir) {
	let files = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) files = files.concat(walk(p));
		else files.push(p);
	}
	return files.sort();
}

const files = walk(out);
const pages = files.filter((f) => f.endsWith('.html'));
const rel = (f) => path.relative(out, f);

// ---- HTML5 validity: one JVM for every page ----
function validate() {
	const jar = require('vnu-jar');
	let report;
	try {
		execFileSync('java', ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', ...pages],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
		report = '{"messages": []}';	// exit 0: no errors (and nothing printed)
	} catch (e) {
		// vnu exits 1 when it found errors; the JSON is on stderr.
		report = e.stderr || e.stdout || String(e);
	}
	let messages = [];
	try {
		messages = JSON.parse(report).messages || [];
	} catch (e) {
		fail(`vnu output is not JSON: ${String(report).slice(0, 300)}`);
		return;
	}
	const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
	const byFile = new Map();
	for (const m of errors) {
		const f = rel(decodeURIComponent(String(m.url).replace(/^file:/, '')));
		if (!byFile.has(f)) byFile.set(f, []);
		byFile.get(f).push(`${m.lastLine}:${m.firstColumn || m.lastColumn}: ${m.message}`);
	}
	for (const p of pages) {
		const errs = byFile.get(rel(p));
		if (errs) fail(`HTML5 valid: ${rel(p)}: ${errs.length} errors, first: ${errs.slice(0, 3).join(' | ')}`);
	}
	check(byFile.size === 0, `HTML5 valid (Nu validator): ${pages.length} pages, ${errors.length} errors`);
}

// ---- URLs: no external resources, no root-relative URLs, links resolve ----
const ids = new Map();
function idsOf(file) {
	if (!ids.has(file)) {
		const set = new Set();
		const html = fs.readFileSync(file, 'utf8');
		for (const m of html.matchAll(/\sid="([^"]*)"/g)) set.add(m[1]);
		ids.set(file, set);
	}
	return ids.get(file);
}

function links() {
	let bad = [], external = [], checked = 0;
	for (const p of pages) {
		const html = fs.readFileSync(p, 'utf8');
		// The agreement's own Markdown may link to the intranet; nothing else may.
		const prose = html.indexOf('class="prose"');
		for (const m of html.matchAll(/<(\w+)\b[^>]*?\s(href|src|action|poster|xlink:href)="([^"]*)"/g)) {
			const [, tag, attr, raw] = m;
			const url = raw.replace(/&amp;/g, '&');
			if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
				const inProse = prose >= 0 && m.index > prose && tag === 'a' && attr === 'href';
				if (/^(https?|mailto|tel):/i.test(url) && inProse) continue;
				external.push(`${rel(p)}: <${tag} ${attr}="${url}">`);
				continue;
			}
			if (url.startsWith('/') || url.startsWith('\\')) {
				bad.push(`${rel(p)}: root-relative ${url}`);
				continue;
			}
			checked++;
			const [file, frag] = url.split('#');
			const target = file === '' ? p : path.resolve(path.dirname(p), decodeURIComponent(file));
			if (!target.startsWith(out) || !fs.existsSync(target)) {
				bad.push(`${rel(p)}: ${url} does not resolve`);
				continue;
			}
			if (frag && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(frag)))
				bad.push(`${rel(p)}: ${url}: no id "${frag}"`);
		}
	}
	for (const f of files.filter((x) => x.endsWith('.css'))) {
		const css = fs.readFileSync(f, 'utf8');
		for (const m of css.matchAll(/url\(\s*['"]?([^'")]*)/g))
			if (/^[a-z]+:/i.test(m[1]) && !m[1].startsWith('data:')) external.push(`${rel(f)}: url(${m[1]})`);
		if (/@import/.test(css)) external.push(`${rel(f)}: @import`);
		check(/@media\s+print/.test(css), `${rel(f)} has a print stylesheet`);
		check(/prefers-color-scheme:\s*dark/.test(css), `${rel(f)} has a dark colour scheme`);
	}
	check(external.length === 0, `no external URL (${external.length}${external.length ? ': ' + external.slice(0, 5).join('; ') : ''})`);
	check(bad.length === 0, `${checked} internal links resolve${bad.length ? ': ' + bad.length + ' do not, e.g. ' + bad.slice(0, 5).join('; ') : ''}`);
}

// ---- axe-core and screenshots in chromium ----
function pageTypes() {
	const pick = (re, pref) => {
		const all = pages.filter((p) => re.test(rel(p)));
		return all.find((p) => pref && pref.test(fs.readFileSync(p, 'utf8'))) || all[all.length - 1];
	};
	return {
		index: path.join(out, 'index.html'),
		agreement: pick(/^agreements\/[^/]+\.html$/, /<table/),
		month: pick(/^reports\/[^/]+\/index\.html$/),
		// an agreement month with breaches and an OLA chart, if there is one
		agreement_month: pick(/^reports\/[^/]+\/(?!index)[^/]+\.html$/, /class="timeline"[\s\S]*ola_budget|ola_budget[\s\S]*class="timeline"/),
		team: pick(/^teams\/[^/]+\.html$/, /class="badge/),
	};
}

async function browser() {
	const { chromium } = require('playwright-core');
	const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	const b = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
	});
	fs.mkdirSync(shots, { recursive: true });
	try {
		for (const [type, file] of Object.entries(pageTypes())) {
			if (!file || !fs.existsSync(file)) {
				fail(`page type ${type}: no page found`);
				continue;
			}
			for (const scheme of ['light', 'dark']) {
				const ctx = await b.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
				const page = await ctx.newPage();
				const requests = [];
				page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
				await page.goto('file://' + file);
				await page.addScriptTag({ content: axeSource });
				const res = await page.evaluate(async () => {
					// Closed <details> hide tables from axe: open them all.
					document.querySelectorAll('details').forEach((d) => { d.open = true; });
					return await window.axe.run(document, { resultTypes: ['violations'] });
				});
				const v = res.violations;
				check(v.length === 0, `axe ${type} (${scheme}, ${rel(file)}): ${v.length} violations` +
					(v.length ? ': ' + v.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes[0].target.join(' ')})`).join('; ') : ''));
				check(requests.length === 0, `${type} (${scheme}) loads nothing from outside${requests.length ? ': ' + requests.slice(0, 3).join(' ') : ''}`);
				if (scheme === 'dark')
					await page.screenshot({ path: path.join(shots, `${type}-1440-dark.png`), fullPage: false });
				await ctx.close();
			}
			for (const width of [375, 1440]) {
				const ctx = await b.newContext({ viewport: { width, height: 900 } });
				const page = await ctx.newPage();
				await page.goto('file://' + file);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				check(overflow <= 1, `${type} at ${width} px: no horizontal scrolling of the page (overflow ${overflow} px)`);
				await page.screenshot({ path: path.join(shots, `${type}-${width}.png`), fullPage: width === 375 ? false : true });
				if (width === 1440) {
					await page.emulateMedia({ media: 'print' });
					await page.screenshot({ path: path.join(shots, `${type}-print.png`), fullPage: false });
				}
				await ctx.close();
			}
		}
	} finally {
		await b.close();
	}
}

(async () => {
	check(pages.length > 0, `${pages.length} pages under ${out}`);
	links();
	validate();
	try {
		await browser();
	} catch (e) {
		fail(`browser checks: ${e.message}`);
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
})();
