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
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
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

// Off by one on purpose: custom input beside the reference is how the learner finds it.
const tooLong = 'fn lcs(a: &str, b: &str) -> i32 {\n    a.len().min(b.len()) as i32\n}\n';
// A const-eval loop keeps rustc busy for its whole 10 s limit: long enough to cancel.
const compileSpin = 'const X: u64 = { let mut i: u64 = 1; while i != 0 { i = i.wrapping_mul(3); } i };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }\n';

async function replaceCode(page, text) {
  await page.locator('.workbench .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

test('custom input beside the reference, history, restore and cancel', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + '/problems/lcs');
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
    await page.locator('.workbench .cm-content').waitFor();
    await replaceCode(page, tooLong);

    // Custom input, typed with the keyboard; both outputs come back side by side.
    await page.getByText('Custom input', { exact: true }).click();
    await page.getByLabel("Input, in the problem's input format").click();
    await page.keyboard.type('kitten\nsitting\n');
    await page.getByRole('button', { name: 'Run custom input' }).click();
    const run = page.locator('.judge-result .custom-run');
    await run.waitFor({ timeout: 120_000 });
    assert.match(await run.innerText(), /differs from the reference/);
    assert.equal((await run.getByLabel('Your program: standard output').innerText()).trim(), '6');
    assert.equal((await run.getByLabel('Reference solution: standard output').innerText()).trim(), '4');
    assert.match(await run.innerText(), /exit status 0 · [\d.]+ [kM]? ?\/ [\d.]+ [kMG]? ?instructions/);

    // Two submissions: the history lists them newest first, custom runs left out.
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.locator('.judge-result [data-verdict="WA"]').waitFor({ timeout: 120_000 });
    await replaceCode(page, refRust);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.locator('.judge-result [data-verdict="AC"]').waitFor({ timeout: 120_000 });
    const history = page.locator('table.history tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('table.history tbody tr').length === 2);
    assert.match(await history.nth(0).innerText(), /Accepted\s+Rust\s+all tests/);
    assert.match(await history.nth(1).innerText(), /Wrong answer\s+Rust\s+all tests/);

    // Restore the earlier code: it asks (the editor holds other code), then swaps it in.
    page.once('dialog', (d) => { assert.match(d.message(), /Replace the code in the editor/); d.accept(); });
    await history.nth(1).getByRole('button', { name: /Restore/ }).click();
    await page.waitForFunction((code) => document.querySelector('#source').value === code, tooLong);

    // Each submission opens on its own page: code and full report, and a way back.
    const wrongId = await history.nth(1).getAttribute('data-submission');
    await history.nth(1).getByRole('link', { name: /Open/ }).click();
    await page.waitForURL(`**/submissions/${wrongId}`);
    const report = page.locator('.submission-page');
    await report.locator('[data-verdict="WA"]').waitFor();
    assert.equal((await report.getByLabel('Submitted code').innerText()).trimEnd(), tooLong.trimEnd());
    await report.getByRole('link', { name: 'Restore into editor' }).click();
    await page.waitForURL(`**/problems/lcs?restore=${wrongId}`);
    await page.waitForFunction((code) => document.querySelector('#source')?.value === code, tooLong);

    // Cancel a submission while the compiler is busy with it.
    await page.locator('.workbench .cm-content').waitFor();
    await replaceCode(page, compileSpin);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(() => /Compiling/.test(document.querySelector('.judge-status').textContent), null, { timeout: 120_000 });
    const asked = Date.now();
    await cancel.click();
    await page.locator('.judge-result [data-verdict="cancelled"]').waitFor({ timeout: 5_000 });
    console.log(`cancel → cancelled verdict shown in the browser: ${Date.now() - asked} ms`);
    assert.equal(await cancel.isHidden(), true, 'nothing left to cancel');

    // Vim keys, switched on once, are the learner's on every page load (kept with the account).
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/editor_keymap') && r.ok()),
      page.getByLabel('Vim keys').check(),
    ]);
    await openHydrated(page, server.url + '/problems/lcs');
    await page.locator('.workbench .cm-content').waitFor();
    assert.equal(await page.getByLabel('Vim keys').isChecked(), true);
    const lines = (await page.locator('#source').inputValue()).split('\n').length;
    await page.locator('.workbench .cm-line').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.type('dd');
    await page.waitForFunction((n) => document.querySelector('#source').value.split('\n').length === n - 1, lines);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('without JavaScript the page still shows the statement and a form that submits', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(server.url + '/problems/lcs');
    assert.match(await page.locator('.prose').innerText(), /subsequence/i, 'the statement');
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
    await page.waitForURL(/\/problems\/lcs\??$/);
    const source = page.locator('textarea#source');
    assert.match(await source.inputValue(), /fn lcs/, 'the starter is in the plain textarea');
    await source.fill(refRust);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.waitForURL(/\/submissions\/\d+$/);
    // The page refreshes itself until the judge is done.
    await page.locator('[data-verdict="AC"]').waitFor({ timeout: 120_000 });
    assert.equal((await page.getByLabel('Submitted code').innerText()).trimEnd(), refRust.trimEnd());

    // A refused run comes back to the problem with the reason.
    await page.goto(server.url + '/problems/lcs');
    await page.locator('textarea#source').fill('   ');
    await page.getByRole('button', { name: 'Run samples' }).click();
    await page.waitForURL('**/problems/lcs?refused=*');
    assert.match(await page.getByRole('alert').innerText(), /Write a solution first/);
  } finally {
    await context.close();
    await server.stop();
  }
});
