import { describe, expect, it } from 'vitest';
import { findAlternates, looksLikeHtml } from '../../../../src/pipeline/parse/html.js';

describe('findAlternates', () => {
  it('resolves hrefs against <base href>, decodes entities, drops duplicates and non-feed types', () => {
    const html = `<html><head><base href="https://cdn.example.test/site/">
      <link type="application/rss+xml" rel="alternate feed" href="rss?a=1&amp;b=2" title=" News ">
      <link rel='alternate' type='application/atom+xml' href='rss?a=1&amp;b=2'>
      <link rel=alternate type=application/atom+xml href=/atom.xml>
      <link rel="alternate" type="text/html" href="/other">
      <link rel="stylesheet" type="application/rss+xml" href="/not-alternate.xml">
    </head></html>`;
    expect(findAlternates(html, 'https://www.example.test/page')).toEqual([
      { url: 'https://cdn.example.test/site/rss?a=1&b=2', type: 'application/rss+xml', title: 'News' },
      { url: 'https://cdn.example.test/atom.xml', type: 'application/atom+xml', title: null },
    ]);
  });

  it('returns nothing for a page without feed links', () => {
    expect(findAlternates('<html><head><title>x</title></head></html>', 'https://example.test/')).toEqual([]);
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<!DOCTYPE html><html></html>', true],
    ['  <!-- x --><html lang="en">', true],
    ['<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>', true],
    ['<?xml version="1.0"?><rss version="2.0"/>', false],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});
