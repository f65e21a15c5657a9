// Solving a problem in the browser: the real judge compiles and runs the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const refRust = readFileSync(path.join(root, 'content/problems/lcs/solutions/ref.rs'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a guest runs the samples, submits, and sees verdicts per test', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + '/problems/lcs');
    await page.getByRole('button', { name: 'Start as guest to save answers' }).click();
    await page.locator('#source').waitFor();
    assert.match(await page.locator('#source').inputValue(), /fn lcs/, 'the Rust starter is loaded');

    // Switching language swaps in the other starter while the code is untouched.
    await page.selectOption('#language', 'go');
    assert.match(await page.locator('#source').inputValue(), /func lcs/);
    await page.locator('#source').fill('package main\n\nfunc lcs(a, b string) int {\n\treturn len(a) + len(b)\n}\n');
    await page.getByRole('button', { name: 'Run samples' }).click();
    const wrong = page.locator('.judge-result [data-verdict="WA"]');
    await wrong.waitFor({ timeout: 120_000 });
    assert.match(await wrong.locator('.verdict').innerText(), /Wrong answer on test 1/);
    assert.ok(await wrong.getByText('Expected').count() > 0, 'expected vs actual is shown for a sample');

    await page.selectOption('#language', 'rust');
    await page.locator('#source').fill(refRust);
    await page.getByRole('button', { name: 'Submit' }).click();
    const accepted = page.locator('.judge-result [data-verdict="AC"]');
    await accepted.waitFor({ timeout: 120_000 });
    assert.match(await accepted.locator('.verdict').innerText(), /^Accepted — [\d.]+ [kMG]? ?instructions/);
    const rows = await accepted.locator('table.tests tbody tr').count();
    assert.ok(rows > 3, `one row per test, got ${rows}`);
  } finally {
    await context.close();
    await server.stop();
  }
});
