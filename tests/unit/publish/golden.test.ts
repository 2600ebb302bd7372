/**
 * Every output format of a small fixture site, byte for byte. Rewrite the golden files with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/publish/golden.test.ts` and read the diff.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { buildSite, FILES } from '../../../src/publish/index.js';
import { copySite, FIXTURES, type FixtureSite } from '../../fixtures/publish/sites.js';

const GOLDEN = path.join(FIXTURES, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let site: FixtureSite;
beforeAll(async () => {
  site = await copySite('golden-site');
  await buildSite(await loadConfig(site.config));
});
afterAll(() => site.cleanup());

describe('golden output of tests/fixtures/publish/golden-site', () => {
  it.each(Object.values(FILES))('%s matches its golden file', async (name) => {
    const actual = await readFile(path.join(site.output, name), 'utf8');
    const golden = path.join(GOLDEN, name);
    if (UPDATE) {
      await mkdir(GOLDEN, { recursive: true });
      await writeFile(golden, actual);
    }
    expect(actual).toBe(await readFile(golden, 'utf8'));
  });
});
