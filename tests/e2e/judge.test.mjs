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
    // The CodeMirror editor replaces the textarea and keeps it in sync.
    const editor = page.locator('.workbench .cm-content');
    await editor.waitFor();
    assert.equal(await page.locator('#source').isHidden(), true, 'the editor stands in for the textarea');
    assert.match(await editor.innerText(), /fn lcs/, 'the Rust starter is loaded');
    assert.ok(await page.locator('.workbench .cm-line span').count() > 0, 'the code is highlighted');

    // Switching language swaps in the other starter while the code is untouched.
    await page.selectOption('#language', 'go');
    await page.waitForFunction(() => document.querySelector('.workbench .cm-content').innerText.includes('func lcs'));

    // Typed with the keyboard: brackets close themselves and typing the closer steps over them.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('package main; func lcs(a, b string) int { return len(a) + len(b) }');
    assert.equal(await page.locator('#source').inputValue(), 'package main; func lcs(a, b string) int { return len(a) + len(b) }');
    // Tab indents inside the editor; Esc then Tab moves focus on, as a keyboard user expects.
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    assert.match(await page.locator('#source').inputValue(), /^ {4}package main/, 'Tab indents the line');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('.cm-editor')), false, 'Esc, Tab leaves the editor');

    // Ctrl+' runs the samples.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+'");
    const wrong = page.locator('.judge-result [data-verdict="WA"]');
    await wrong.waitFor({ timeout: 120_000 });
    assert.match(await wrong.locator('.verdict').innerText(), /Wrong answer on test 1/);
    assert.ok(await wrong.getByText('Expected').count() > 0, 'expected vs actual is shown for a sample');

    // A compile error is marked on the learner's own line, in the gutter and under the code.
    await page.selectOption('#language', 'rust');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('fn lcs(a: &str, b: &str) -> i32 {\n    let n: i32 = "two";\n    n\n}\n');
    await page.keyboard.press("ControlOrMeta+'");
    const ce = page.locator('.judge-result [data-verdict="CE"]');
    await ce.waitFor({ timeout: 120_000 });
    const marked = page.locator('.workbench .cm-lintRange-error');
    await marked.first().waitFor();
    assert.equal(await page.locator('.workbench .cm-gutter-lint .cm-lint-marker-error').count(), 1, 'one gutter marker');
    const line = await page.locator('.workbench .cm-line:has(.cm-lintRange-error)').first().innerText();
    assert.match(line, /let n: i32 = "two"/, 'on the line rustc blamed');

    // The fix: the reference, entered as one text input (as a paste is); Ctrl+Enter submits.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    const draftSaved = page.waitForResponse((r) => r.url().endsWith('/api/save_draft') && r.ok());
    await page.keyboard.insertText(refRust);
    assert.equal(await page.locator('#source').inputValue(), refRust);
    await page.keyboard.press('ControlOrMeta+Enter');
    const accepted = page.locator('.judge-result [data-verdict="AC"]');
    await accepted.waitFor({ timeout: 120_000 });
    assert.match(await accepted.locator('.verdict').innerText(), /^Accepted — [\d.]+ [kMG]? ?instructions/);
    const rows = await accepted.locator('table.tests tbody tr').count();
    assert.ok(rows > 3, `one row per test, got ${rows}`);
    assert.equal(await marked.count(), 0, 'an accepted run clears the marks');
    const scaling = accepted.locator('figure.scaling');
    assert.match(await scaling.locator('figcaption').innerText(), /Your solution grows like ~n² .*the reference grows like ~n²/);
    assert.equal(await scaling.locator('svg polyline').count(), 2, 'yours and the reference, drawn');

    // The draft was saved to the account: a reload (or another device) shows it again.
    await draftSaved;
    await openHydrated(page, server.url + '/problems/lcs');
    await editor.waitFor();
    assert.equal(await page.locator('#source').inputValue(), refRust, 'the draft came back');
    // Reset to starter asks first; declining keeps the code, accepting restores the starter.
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    assert.equal(await page.locator('#source').inputValue(), refRust);
    page.once('dialog', (d) => { assert.match(d.message(), /Replace your Rust code/); d.accept(); });
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/reset_draft') && r.ok()),
      page.getByRole('button', { name: 'Reset to starter' }).click(),
    ]);
    assert.match(await editor.innerText(), /todo!\(\)/, 'the starter is back');
    await openHydrated(page, server.url + '/problems/lcs');
    await editor.waitFor();
    assert.match(await page.locator('#source').inputValue(), /todo!\(\)/, 'and stays after a reload');
  } finally {
    await context.close();
    await server.stop();
  }
});
