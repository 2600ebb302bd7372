/**
 * index.html: the page a person reads. Every entry (not just the feed's newest `limit`),
 * newest first, each with an anchor that entries without a link use as their alternate URL.
 * One file, inline CSS, no scripts, no external assets; readable from a phone to a desktop.
 */
import { escapeHtml } from '../text/sanitize.js';
import { FILES, type ItemValues, type SiteValues } from './values.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "5 July 2016": fixed English month names, so the page does not depend on the build's locale. */
export function humanDate(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const CSS = `
:root{color-scheme:light dark;--fg:#1d232a;--muted:#5b6570;--bg:#fdfdfc;--line:#e3e6e8;--accent:#0b5cad;--tag:#eef2f6}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ec;--muted:#9aa4ae;--bg:#15191d;--line:#2a3138;--accent:#7db4ff;--tag:#222a31}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK TC",sans-serif;overflow-wrap:anywhere}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:2.5rem;padding-bottom:1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .5rem}
header p{margin:.25rem 0;color:var(--muted)}
.feeds a{margin-right:.9rem}
a{color:var(--accent)}
article{padding:1.5rem 0;border-bottom:1px solid var(--line)}
article h2{font-size:1.3rem;line-height:1.3;margin:0 0 .35rem}
article h2 a{color:inherit;text-decoration:none}
article h2 a:hover,article h2 a:focus{text-decoration:underline}
.meta{color:var(--muted);font-size:.92rem;margin:0 0 .75rem}
.summary{margin:0 0 .9rem;padding-left:.8rem;border-left:3px solid var(--accent);font-size:1.05rem}
.content img{max-width:100%;height:auto}
.content pre{overflow-x:auto}
.tags{list-style:none;padding:0;margin:.75rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem}
.tags li{background:var(--tag);border-radius:1rem;padding:.05rem .65rem;font-size:.85rem}
.original{margin:.75rem 0 0}
footer{padding-top:1.5rem;padding-bottom:3rem;color:var(--muted);font-size:.9rem}
`.trim();

function article(i: ItemValues): string {
  const e = escapeHtml;
  const meta = [`<time datetime="${e(i.published.toISOString().slice(0, 10))}">${humanDate(i.published)}</time>`];
  if (i.source) meta.push(`<span class="source">${e(i.source)}</span>`);
  const lines = [
    `<article id="${e(i.slug)}">`,
    `<h2 dir="auto"><a href="${e(i.link ?? `#${i.slug}`)}">${e(i.title)}</a></h2>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
  ];
  // A summary derived from the body would only repeat its first lines.
  if (i.summary && i.summaryIsOwn) lines.push(`<p class="summary" dir="auto">${e(i.summary)}</p>`);
  lines.push(`<div class="content">${i.html}</div>`);
  if (i.link) lines.push(`<p class="original"><a href="${e(i.link)}">Read the original${i.source ? ` at ${e(i.source)}` : ''} →</a></p>`);
  if (i.tags.length) lines.push(`<ul class="tags" aria-label="Tags">${i.tags.map((t) => `<li>${e(t)}</li>`).join('')}</ul>`);
  lines.push('</article>');
  return lines.join('\n');
}

export function renderHtml(site: SiteValues, items: ItemValues[]): string {
  const e = escapeHtml;
  const title = e(site.title);
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(site.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    site.description ? `<meta name="description" content="${e(site.description)}">` : '',
    `<meta name="generator" content="straitfeed">`,
    `<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${FILES.rss}">`,
    `<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${FILES.atom}">`,
    `<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${FILES.json}">`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${title}</h1>`,
    site.description ? `<p>${e(site.description)}</p>` : '',
    `<p class="feeds">Subscribe: <a href="${FILES.rss}">RSS</a><a href="${FILES.atom}">Atom</a><a href="${FILES.json}">JSON Feed</a></p>`,
    '</header>',
    '<main>',
    items.length ? items.map(article).join('\n') : '<p>No entries yet.</p>',
    '</main>',
    `<footer><p>${items.length} ${items.length === 1 ? 'entry' : 'entries'}, newest first. Last updated ${humanDate(site.updated)}.${site.copyright ? ` ${e(site.copyright)}` : ''}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}
