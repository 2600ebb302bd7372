import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/entries/markdown.js';

const BASE = 'https://example.org/feeds/';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('Hello **bold** and _em_.\n\n- a\n- b', BASE)).toBe(
      '<p>Hello <strong>bold</strong> and <em>em</em>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
    );
  });

  it.each([
    ['<script>alert(1)</script>text', 'script'],
    ['<iframe src="https://x.example/"></iframe>', 'iframe'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['[x](javascript:alert(1))', 'javascript:'],
    ['<img src="a.png" onerror="alert(1)">', 'onerror'],
    ['<p style="color:red">x</p>', 'style'],
  ])('removes what the allowlist does not allow: %s', (md, banned) => {
    expect(renderMarkdown(md, BASE)).not.toContain(banned);
  });

  it.each([
    ['[a](/posts/x)', 'href="https://example.org/posts/x"'],
    ['[a](posts/y)', 'href="https://example.org/feeds/posts/y"'],
    ['![i](img/a.png)', 'src="https://example.org/feeds/img/a.png"'],
    ['[a](https://other.example/x?a=1&b=2)', 'href="https://other.example/x?a=1&amp;b=2"'],
  ])('resolves links against the site URL: %s', (md, expected) => {
    expect(renderMarkdown(md, BASE)).toContain(expected);
  });
});
