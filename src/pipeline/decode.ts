/**
 * The decode stage: body bytes → text. The only importer of iconv-lite (Node's TextDecoder lacks
 * or mislabels several of the legacy Chinese charsets real sources use).
 *
 * Order: BOM, then the HTTP charset, then the XML prolog (or HTML meta), then a UTF-8 validity
 * check with a windows-1252 fallback. A declaration that contradicts the bytes loses to one that
 * decodes them cleanly, with a warning. The returned text has no BOM and no prolog `encoding=`,
 * so the XML parser never tries to decode it again.
 */
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** Canonical name of what the bytes were decoded from: 'utf-8', 'big5', 'gbk', 'windows-1252' ... */
  encoding: string;
  warnings: string[];
}

export interface DecodeOptions {
  /** The Content-Type header (or just its charset), if the bytes came over HTTP. */
  contentType?: string | null | undefined;
}

/** Label → iconv-lite name. Anything else is passed to iconv-lite as is, if it knows it. */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  // WHATWG Encoding: these labels all mean windows-1252, and feeds that say latin1 use its C1 range.
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  // WHATWG Big5 is Big5-HKSCS: Hong Kong and Taiwan feeds labelled big5 use the extensions.
  big5: 'big5hkscs',
  'big5-hkscs': 'big5hkscs',
  big5hkscs: 'big5hkscs',
  'x-x-big5': 'big5hkscs',
  cp950: 'big5hkscs',
  // GB2312 servers send GBK in practice (WHATWG maps the label to GBK).
  gb2312: 'gbk',
  'gb_2312-80': 'gbk',
  'x-gbk': 'gbk',
  gbk: 'gbk',
  cp936: 'gbk',
  gb18030: 'gb18030',
  'euc-kr': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  'euc-jp': 'euc-jp',
  'koi8-r': 'koi8-r',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** A canonical iconv-lite encoding name for a charset label, or null if unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m?.[2] ?? null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // XML 1.0 Appendix F: '<?' in UTF-16 without a BOM.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return { encoding: 'utf-16le', length: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return { encoding: 'utf-16be', length: 0 };
  return null;
}

/** The encoding named in the XML prolog, or an HTML <meta charset>, read from the first bytes as ASCII. */
export function declaredInDocument(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const prolog = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (prolog) return prolog[1] ?? null;
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function validUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function displayName(enc: string): string {
  return enc === 'big5hkscs' ? 'big5' : enc;
}

/** Remove a leading BOM and the prolog's encoding pseudo-attribute: the text is already decoded. */
function finish(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/^(\s*<\?xml\s[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/, '$1');
}

/** Decode body bytes into text, following the order documented above. */
export function decodeBody(body: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const warnings: string[] = [];
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: finish(iconv.decode(bytes.subarray(bom.length), bom.encoding)), encoding: bom.encoding, warnings };
  }

  const httpLabel = charsetFromContentType(opts.contentType);
  const docLabel = declaredInDocument(bytes);
  const declared: { label: string; enc: string; from: string }[] = [];
  for (const [label, from] of [
    [httpLabel, 'HTTP header'],
    [docLabel, 'document'],
  ] as const) {
    if (!label) continue;
    const enc = normalizeCharset(label);
    if (!enc) warnings.push(`unknown charset "${label}" in the ${from} ignored`);
    else if (!declared.some((d) => d.enc === enc)) declared.push({ label, enc, from });
  }

  // Valid UTF-8 with non-ASCII bytes is UTF-8: legacy CJK or cp1252 text practically never is.
  const utf8 = validUtf8(bytes);
  if (utf8 && hasNonAscii(bytes)) {
    for (const d of declared) {
      if (d.enc !== 'utf-8') warnings.push(`charset ${d.label} (${d.from}) contradicts the bytes, which are valid UTF-8; decoded as utf-8`);
    }
    return { text: finish(bytes.toString('utf8')), encoding: 'utf-8', warnings };
  }

  let best: { enc: string; text: string; bad: number } | null = null;
  for (const d of declared) {
    if (d.enc === 'utf-8' && !utf8) {
      warnings.push(`charset ${d.label} (${d.from}) contradicts the bytes, which are not valid UTF-8`);
      continue;
    }
    const text = iconv.decode(bytes, d.enc);
    const bad = countReplacement(text);
    if (bad === 0) {
      return { text: finish(text), encoding: displayName(d.enc), warnings };
    }
    warnings.push(`charset ${d.label} (${d.from}) leaves ${bad} undecodable sequence(s)`);
    if (best === null || bad < best.bad) best = { enc: d.enc, text, bad };
  }
  if (utf8) return { text: finish(bytes.toString('utf8')), encoding: 'utf-8', warnings };
  const fallback = iconv.decode(bytes, 'windows-1252');
  if (best && best.bad <= countReplacement(fallback)) return { text: finish(best.text), encoding: displayName(best.enc), warnings };
  warnings.push('bytes are not valid UTF-8 and no declared charset fits; decoded as windows-1252');
  return { text: finish(fallback), encoding: 'windows-1252', warnings };
}

/** Text → bytes in a legacy charset: for the benchmark and tools that need such input (iconv-lite stays here). */
export function encodeText(text: string, charset: string): Buffer {
  const enc = normalizeCharset(charset);
  if (!enc) throw new Error(`unknown charset ${charset}`);
  return iconv.encode(text, enc);
}
