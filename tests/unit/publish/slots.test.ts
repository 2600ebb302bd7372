import { describe, expect, it } from 'vitest';
import { replaceOnce, Slots } from '../../../src/publish/slots.js';

describe('Slots', () => {
  it('replaces each token with its surroundings', () => {
    const s = new Slots();
    const a = s.put('<t>A &#x26; B</t>', '<t><![CDATA[', ']]></t>');
    const b = s.put('plain');
    expect(s.fill(`<x><t><![CDATA[${a}]]></t><y>${b}</y></x>`, 'test')).toBe('<x><t>A &#x26; B</t><y>plain</y></x>');
  });

  it('uses tokens that survive URL parsing and XML escaping unchanged', () => {
    const token = new Slots().put('x');
    expect(token).toMatch(/^[a-z0-9]+$/);
  });

  it.each([
    ['a missing token', (t: string) => `<x>${t.slice(0, 4)}</x>`, 'is missing'],
    ['a token written twice', (t: string) => `<x>${t}${t}</x>`, 'unexpected place'],
    ['a token in other surroundings', (t: string) => `<y>${t}</y>`, 'unexpected place'],
  ])('fails the build on %s', (_name, render, message) => {
    const s = new Slots();
    const t = s.put('v', '<x>', '</x>');
    expect(() => s.fill(render(t), 'feed.xml')).toThrow(message);
  });

  it('replaceOnce insists on exactly one match', () => {
    expect(replaceOnce('<a><b>', '<b>', '<c>', 'f')).toBe('<a><c>');
    expect(() => replaceOnce('<a>', '<b>', '<c>', 'f')).toThrow('expected exactly one <b>');
    expect(() => replaceOnce('<b><b>', '<b>', '<c>', 'f')).toThrow('expected exactly one <b>');
  });
});
