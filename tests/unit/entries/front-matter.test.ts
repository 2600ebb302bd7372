import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/entries/front-matter.js';
import { StraitfeedError } from '../../../src/errors.js';
import { errorFrom } from '../../helpers/errors.js';

const FILE = 'entries/2020-01-01-x.md';

function errorOf(text: string): StraitfeedError {
  return errorFrom(() => parseFrontMatter(text, FILE));
}

describe('parseFrontMatter', () => {
  it('splits keys, their lines and the body', () => {
    const fm = parseFrontMatter('---\ntitle: "A"\ndate: 2020-01-01\ntags:\n  - a\n---\nBody *one*.\n', FILE);
    expect(fm.data).toEqual({ title: 'A', date: '2020-01-01', tags: ['a'] });
    expect(Object.fromEntries(fm.lines)).toEqual({ title: 2, date: 3, tags: 4 });
    expect(fm.body).toBe('Body *one*.\n');
    expect(fm.bodyLine).toBe(7);
  });

  it('reads CRLF files and a byte order mark', () => {
    const fm = parseFrontMatter('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n', FILE);
    expect(fm.data).toEqual({ title: 'A' });
    expect(fm.body).toBe('Body\n');
  });

  it('keeps a body that contains --- lines after the front matter', () => {
    const fm = parseFrontMatter('---\ntitle: A\n---\none\n---\ntwo\n', FILE);
    expect(fm.body).toBe('one\n---\ntwo\n');
  });

  it('accepts empty front matter', () => {
    expect(parseFrontMatter('---\n---\nBody\n', FILE).data).toEqual({});
  });

  it.each([
    ['no front matter', 'title: A\n', 1, 'no front matter'],
    ['unclosed front matter', '---\ntitle: A\nBody\n', 1, 'not closed'],
    ['bad YAML', '---\ntitle: A\ndate: [2020\n---\n', 3, 'not valid YAML'],
    ['a duplicate key', '---\ntitle: A\nsummary: s\ntitle: B\n---\n', 4, 'not valid YAML'],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', 2, 'must be a mapping'],
  ])('%s is an error naming the file and line', (_name, text, line, message) => {
    const e = errorOf(text);
    expect(e.code).toBe('ENTRY_INVALID');
    expect(e.line).toBe(line);
    expect(e.message).toContain(`${FILE}:${line}:`);
    expect(e.message).toContain(message);
  });
});
