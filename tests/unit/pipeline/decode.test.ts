import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, declaredInDocument, normalizeCharset } from '../../../src/pipeline/decode.js';

const prolog = (enc: string): string => `<?xml version="1.0" encoding="${enc}"?>`;
const rss = (title: string): string => `<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

describe('decodeBody', () => {
  it.each([
    ['big5', '臺灣資安', 'big5'],
    ['Big5-HKSCS', '香港嘅資訊', 'big5'],
    ['GBK', '网络安全', 'gbk'],
    ['gb2312', '网络安全', 'gbk'],
    ['GB18030', '𠮷字与€', 'gb18030'],
    ['EUC-KR', '사이버', 'euc-kr'],
    ['Shift_JIS', 'サイバー', 'shift_jis'],
    ['KOI8-R', 'Безопасность', 'koi8-r'],
    ['windows-1252', '“Zürich” €', 'windows-1252'],
    ['ISO-8859-1', '“smart” quotes', 'windows-1252'],
  ])('reads %s from the XML prolog', (label, title, expected) => {
    const target = normalizeCharset(label)!;
    const bytes = iconv.encode(`${prolog(label)}${rss(title)}`, target);
    const d = decodeBody(bytes);
    expect(d.encoding).toBe(expected);
    expect(d.text).toContain(title);
    expect(d.warnings).toEqual([]);
  });

  it('reads the charset from the HTTP header when the document says nothing', () => {
    const d = decodeBody(iconv.encode(rss('两岸网络安全'), 'gbk'), { contentType: 'text/xml; charset="GB2312"' });
    expect(d).toMatchObject({ encoding: 'gbk', warnings: [] });
    expect(d.text).toContain('两岸网络安全');
  });

  it('prefers the header over the prolog when both decode cleanly', () => {
    // ASCII-only: both fit, the header wins (RFC 7303 §3.2).
    const d = decodeBody(Buffer.from(`${prolog('big5')}${rss('plain')}`), { contentType: 'text/xml; charset=gbk' });
    expect(d.encoding).toBe('gbk');
  });

  it('header says utf-8, bytes are Big5, prolog says big5: Big5 wins with a warning', () => {
    const d = decodeBody(iconv.encode(`${prolog('big5')}${rss('矛盾的宣告')}`, 'big5'), { contentType: 'application/rss+xml; charset=utf-8' });
    expect(d.encoding).toBe('big5');
    expect(d.text).toContain('矛盾的宣告');
    expect(d.warnings.join()).toMatch(/utf-8 \(HTTP header\) contradicts the bytes/);
  });

  it('header says ISO-8859-1 but the body is valid UTF-8: UTF-8 wins with a warning', () => {
    const d = decodeBody(Buffer.from(`${prolog('utf-8')}${rss('café 台灣')}`), { contentType: 'text/xml; charset=ISO-8859-1' });
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('café 台灣');
    expect(d.warnings).toHaveLength(1);
  });

  it('falls back to windows-1252 when nothing is declared and the bytes are not UTF-8', () => {
    const d = decodeBody(iconv.encode(rss('naïve “quote”'), 'windows-1252'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('naïve “quote”');
    expect(d.warnings[0]).toMatch(/decoded as windows-1252/);
  });

  it('undeclared valid UTF-8 is UTF-8 without warnings', () => {
    expect(decodeBody(Buffer.from(rss('資安'))).warnings).toEqual([]);
  });

  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf], 'utf-8'],
    ['utf-16le', [0xff, 0xfe], 'utf-16le'],
    ['utf-16be', [0xfe, 0xff], 'utf-16be'],
  ])('a %s BOM wins over every declaration', (enc, bom, expected) => {
    const body = Buffer.concat([Buffer.from(bom), iconv.encode(`${prolog('big5')}${rss('位元組順序記號')}`, enc)]);
    const d = decodeBody(body, { contentType: 'text/xml; charset=gbk' });
    expect(d.encoding).toBe(expected);
    expect(d.text.startsWith('<?xml')).toBe(true);
    expect(d.text).toContain('位元組順序記號');
  });

  it('recognizes UTF-16 without a BOM from "<?" (XML 1.0 Appendix F)', () => {
    const d = decodeBody(iconv.encode(`${prolog('utf-16')}${rss('無記號')}`, 'utf-16le'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toContain('無記號');
  });

  it('strips the encoding declaration so the XML parser cannot decode again', () => {
    const d = decodeBody(iconv.encode(`${prolog('big5')}${rss('臺灣')}`, 'big5'));
    expect(d.text.startsWith('<?xml version="1.0"?>')).toBe(true);
  });

  it('ignores an unknown charset label with a warning', () => {
    const d = decodeBody(Buffer.from(`${prolog('x-klingon')}${rss('ok')}`));
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings[0]).toMatch(/unknown charset "x-klingon"/);
  });

  it('reads an HTML meta charset', () => {
    const html = '<!doctype html><html><head><meta charset="big5"><title>首頁</title></head></html>';
    const d = decodeBody(iconv.encode(html, 'big5'));
    expect(d.encoding).toBe('big5');
    expect(d.text).toContain('首頁');
  });
});

describe('charset helpers', () => {
  it.each([
    ['text/xml; charset=utf-8', 'utf-8'],
    ['text/xml;charset="Big5"', 'Big5'],
    ['application/rss+xml', null],
    [null, null],
  ])('charsetFromContentType(%s) = %s', (ct, expected) => {
    expect(charsetFromContentType(ct)).toBe(expected);
  });

  it.each([
    ['latin1', 'windows-1252'],
    ['US-ASCII', 'windows-1252'],
    ['big5', 'big5hkscs'],
    ['GB2312', 'gbk'],
    ['utf8', 'utf-8'],
    ['nonsense', null],
  ])('normalizeCharset(%s) = %s', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });

  it('finds the prolog encoding, single or double quoted', () => {
    expect(declaredInDocument(Buffer.from("<?xml version='1.0' encoding='GB18030'?><rss/>"))).toBe('GB18030');
    expect(declaredInDocument(Buffer.from('<rss/>'))).toBeNull();
  });
});
