// Every page passes axe-core's WCAG 2 A/AA rules in both themes, including a lesson whose demo
// has run (charts drawn, data table open) — checked in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';
import { bothThemes } from './axe.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every page passes axe in light and dark', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  try {
    const found = [];
    for (const path of ['/', '/login', '/signup', '/review', '/settings', '/problems', '/problems/lcs', '/demos/work-stealing', '/lessons/go-gmp-model', '/no-such-page']) {
      await openHydrated(page, server.url + path);
      for (const v of await bothThemes(page)) found.push(`${path} ${v}`);
    }
    // As a guest from here on, so the prediction is kept and the dashboard shows it.
    await openHydrated(page, server.url + '/lessons/go-work-stealing');
    assert.equal(await page.evaluate(() => fetch('/api/guest', { method: 'POST' }).then((r) => r.status)), 200);
    await openHydrated(page, server.url + '/lessons/go-work-stealing');

    // A lesson after a demo ran: charts, legend, log, result and an open data table.
    const demo = page.locator('section.demo[data-demo="work-stealing"]');
    await demo.locator('input[name="prediction"]').fill('1.5');
    await demo.getByRole('button', { name: 'Run' }).click();
    await demo.locator('.demo-run:enabled').waitFor({ timeout: 90_000 });
    await demo.locator('.demo-chart').first().getByRole('button', { name: 'Show data table' }).click();
    await demo.locator('.demo-table tbody tr').first().waitFor();
    for (const v of await bothThemes(page)) found.push(`/lessons/go-work-stealing (after a run) ${v}`);
    await openHydrated(page, server.url + '/dashboard');
    await page.locator('[data-stat="predictions"]').waitFor();
    assert.equal(await page.locator('[data-stat="predictions"]').innerText().then((t) => t.endsWith('/ 1')), true, 'the prediction is counted');
    for (const v of await bothThemes(page)) found.push(`/dashboard ${v}`);

    // The problem list's filters, used as a learner would, and a lesson listing its problems.
    await openHydrated(page, server.url + '/problems');
    await page.getByLabel('Difficulty').selectOption('hard');
    await page.getByLabel('Status').selectOption('new');
    await Promise.all([page.waitForURL(/difficulty=hard/), page.getByRole('button', { name: 'Filter' }).click()]);
    await page.locator('.problem-row').first().waitFor();
    // A row's first badge is its difficulty (a second one may say "Go only").
    const badges = await page.locator('.problem-row .badge:first-of-type').allInnerTexts();
    assert.ok(badges.length > 0 && badges.every((b) => b === 'Hard'), `only hard problems: ${badges}`);
    assert.match(await page.locator('.problem-count').innerText(), new RegExp(`^Showing ${badges.length} of \\d+ problems`));
    for (const v of await bothThemes(page)) found.push(`/problems?difficulty=hard&status=new ${v}`);
    // A problem page with the code editor mounted (a guest sees the workbench).
    await openHydrated(page, server.url + '/problems/lcs');
    await page.locator('.workbench .cm-editor').waitFor();
    for (const v of await bothThemes(page)) found.push(`/problems/lcs (editor) ${v}`);
    // … after a custom-input run (both outputs, stderr) and a run of the samples (the history).
    await page.getByText('Custom input', { exact: true }).click();
    await page.getByLabel("Input, in the problem's input format").fill('ab\nab\n');
    await page.getByRole('button', { name: 'Run custom input' }).click();
    await page.locator('.judge-result .custom-run').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Run samples' }).click();
    await page.locator('table.history tbody tr').first().waitFor({ timeout: 120_000 });
    await page.locator('.judge-result [data-verdict]').waitFor();
    for (const v of await bothThemes(page)) found.push(`/problems/lcs (custom run, history) ${v}`);
    await page.locator('table.history tbody tr').first().getByRole('link', { name: /Open/ }).click();
    await page.locator('.submission-page [data-verdict]').waitFor();
    for (const v of await bothThemes(page)) found.push(`/submissions/N ${v}`);
    await openHydrated(page, server.url + '/lessons/dsa-dp-lcs-knapsack');
    assert.equal(await page.locator('.practice li[data-status="attempted"]').count(), 1, 'lcs was run above');
    assert.equal(await page.locator('.practice li[data-status="new"]').count(), 1, 'the other is not tried');
    for (const v of await bothThemes(page)) found.push(`/lessons/dsa-dp-lcs-knapsack ${v}`);
    assert.deepEqual(found, []);
  } finally {
    await context.close();
    await server.stop();
  }
});
