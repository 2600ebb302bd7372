import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/text/sanitize.js';
import { foldScript, normalizeTerm, normalizeText, textOfHtml } from '../../../src/topic/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['strips tags and decodes entities', '<p>Taiwan &amp; the <b>US</b></p>', 'taiwan & the us'],
    ['reads numeric entities', 'AIT&#8217;s &#x8CC7;&#23433; talks', 'ait’s 资安 talks'],
    ['keeps words split only by inline tags together', 'Tai<b>wan</b>', 'taiwan'],
    ['separates blocks', '<p>cyber</p><p>security</p>', 'cyber security'],
    ['folds full-width letters and digits (NFKC)', 'ＣＹＢＥＲ　ＭＯＵ ２０２４', 'cyber mou 2024'],
    ['folds Traditional to Simplified', '臺灣網路安全與資安', '台湾网路安全与资安'],
    ['leaves Simplified as it is', '两岸网络安全论坛', '两岸网络安全论坛'],
    ['drops CJK quotation marks', '台军“资通电军”谋「独」', '台军资通电军谋独'],
    ['folds case and whitespace', '  US\n\tAND   Taiwan ', 'us and taiwan'],
    ['keeps apostrophes for English word boundaries', "Taiwan's", "taiwan's"],
  ])('%s', (_what, raw, text) => {
    expect(normalizeText(raw).text).toBe(text);
  });

  it('keeps a case-preserving copy with the same offsets', () => {
    const n = normalizeText('<i>US</i> 與臺灣 sign MOU');
    expect(n.cased).toBe('US 与台湾 sign MOU');
    expect(n.text).toBe(n.cased.toLowerCase());
    expect(n.text.length).toBe(n.cased.length);
  });

  it.each([null, undefined, ''])('gives empty text for %j', (raw) => {
    expect(normalizeText(raw)).toEqual({ text: '', cased: '' });
  });
});

describe('foldScript', () => {
  it('is length-preserving, so offsets found in folded text point into the original', () => {
    const s = '國臺辦批評陸委會：兩岸資通安全交流中斷';
    expect(foldScript(s)).toHaveLength(s.length);
    expect(foldScript(s)).toBe('国台办批评陆委会：两岸资通安全交流中断');
  });

  it('returns ASCII untouched', () => {
    const s = 'no Chinese here';
    expect(foldScript(s)).toBe(s);
  });
});

describe('textOfHtml', () => {
  it.each([
    '<p>Taiwan &amp; US &lt;sign&gt; a <a href="https://example.org/">cyber</a> MOU</p>',
    '<ul><li>one</li><li>two &quot;three&quot;</li></ul>',
    '<p>no entities at all</p>',
  ])('reads sanitized HTML as htmlToText does: %s', (html) => {
    expect(textOfHtml(html).replace(/\s+/g, ' ').trim()).toBe(htmlToText(html));
  });

  it.each([
    ['a script', '<script>alert("cyber")</script><p>Taiwan</p>'],
    ['a comment', '<!-- cyber --><p>Taiwan</p>'],
    ['an uncommon named entity', '<p>caf&eacute; Taiwan</p>'],
  ])('hands %s to htmlToText', (_what, html) => {
    expect(textOfHtml(html)).toBe(htmlToText(html));
  });
});

describe('normalizeTerm', () => {
  it('folds a term like item text but keeps its case (acronyms are case-sensitive)', () => {
    expect(normalizeTerm(' 美國在台協會 ')).toBe('美国在台协会');
    expect(normalizeTerm('ＡＩＴ')).toBe('AIT');
  });
});
