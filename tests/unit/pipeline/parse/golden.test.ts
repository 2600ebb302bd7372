/**
 * Golden files: each fixture's normalized feed as JSON. A change in parsing shows up as a diff
 * in tests/fixtures/feeds/golden/; rewrite them only on purpose with UPDATE_GOLDEN=1.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../src/pipeline/decode.js';
import { parseFeed } from '../../../../src/pipeline/parse/index.js';
import { FIXTURE_BASE, FIXTURES, GOLDEN_DIR, fixtureBytes } from '../../../fixtures/feeds/catalog.js';

const update = process.env.UPDATE_GOLDEN === '1';

describe('fixture feeds match their golden files', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const decoded = decodeBody(fixtureBytes(f), { contentType: f.contentType });
    expect(decoded.encoding).toBe(f.encoding);
    const feed = await parseFeed(decoded.text, `${FIXTURE_BASE}${f.file}`);
    expect(feed.format).toBe(f.format);
    expect(feed.version).toBe(f.version);
    const actual = `${JSON.stringify({ encoding: decoded.encoding, decodeWarnings: decoded.warnings, ...feed }, null, 2)}\n`;
    const file = path.join(GOLDEN_DIR, `${f.name}.json`);
    if (update || !existsSync(file)) {
      if (!update) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1`);
      writeFileSync(file, actual);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
