/**
 * A JSON Feed 1.1 check written from the spec (https://www.jsonfeed.org/version/1.1/): its
 * MUSTs and the SHOULDs readers depend on. Returns the problems found; [] means clean.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const BAD_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF]/;

type Json = Record<string, unknown>;

function isAbsoluteUrl(v: unknown): boolean {
  return typeof v === 'string' && /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v);
}

function checkAuthors(where: string, v: unknown, problems: string[]): void {
  if (!Array.isArray(v) || v.length === 0) return void problems.push(`${where}authors must be a non-empty array`);
  for (const a of v as Json[]) {
    if (typeof a !== 'object' || a === null || !(typeof a.name === 'string' || typeof a.url === 'string')) {
      problems.push(`${where}authors: each author needs a name or url`);
    }
  }
}

function walkStrings(v: unknown, where: string, problems: string[]): void {
  if (typeof v === 'string' && BAD_CHARS.test(v)) problems.push(`${where} holds a control or non-character`);
  else if (Array.isArray(v)) v.forEach((x, i) => walkStrings(x, `${where}[${i}]`, problems));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walkStrings(x, `${where}.${k}`, problems);
}

export function checkJsonFeed11(text: string): string[] {
  const problems: string[] = [];
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  if (doc.version !== 'https://jsonfeed.org/version/1.1') problems.push(`version is ${String(doc.version)}, not 1.1`);
  if (typeof doc.title !== 'string' || !doc.title.trim()) problems.push('title is required');
  for (const k of ['home_page_url', 'feed_url']) if (!isAbsoluteUrl(doc[k])) problems.push(`${k} must be an absolute URL`);
  if (typeof doc.language !== 'string') problems.push('language should be given');
  checkAuthors('', doc.authors, problems);
  if (!Array.isArray(doc.items)) return [...problems, 'items must be an array'];
  const ids = new Set<string>();
  (doc.items as Json[]).forEach((item, i) => {
    const at = `items[${i}].`;
    if (typeof item.id !== 'string' || !item.id.trim()) problems.push(`${at}id must be a non-blank string`);
    else if (ids.has(item.id)) problems.push(`${at}id ${item.id} is not unique`);
    else ids.add(item.id);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') problems.push(`${at}content_html or content_text is required`);
    if (item.url !== undefined && !isAbsoluteUrl(item.url)) problems.push(`${at}url must be absolute`);
    for (const k of ['date_published', 'date_modified']) {
      if (item[k] !== undefined && !(typeof item[k] === 'string' && RFC3339.test(item[k]))) problems.push(`${at}${k} is not RFC 3339`);
    }
    if (item.date_published === undefined) problems.push(`${at}date_published should be given`);
    if (item.authors !== undefined) checkAuthors(at, item.authors, problems);
    if (item.tags !== undefined && !(Array.isArray(item.tags) && item.tags.every((t) => typeof t === 'string'))) {
      problems.push(`${at}tags must be an array of strings`);
    }
    for (const k of Object.keys(item)) {
      if (!k.startsWith('_') && !['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image',
        'banner_image', 'date_published', 'date_modified', 'authors', 'author', 'tags', 'language', 'attachments'].includes(k)) {
        problems.push(`${at}${k} is not a JSON Feed 1.1 key (extensions start with "_")`);
      }
    }
  });
  walkStrings(doc, 'feed', problems);
  return problems;
}
