// A live demo in a real browser: the server builds and runs the Go program, the page draws its
// samples as they stream in, and Stop ends the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LESSON = '/lessons/go-work-stealing';

test('work stealing: run live, read the chart and its table, stop, run to the end', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    // Reached by client-side navigation: the panel sets itself up on a page that came later.
    await openHydrated(page, server.url + '/');
    await page.evaluate(() => { window.__noReload = true; });
    await page.locator(`a[href="${LESSON}"]`).first().click();
    const demo = page.locator('section.demo[data-demo="work-stealing"]');
    await demo.locator('.demo-chart svg[role="img"]').first().waitFor();
    assert.equal(await page.evaluate(() => window.__noReload), true, 'navigation reloaded the page');

    const chart = demo.locator('.demo-chart[data-chart*="\\"id\\":\\"queues\\""]');
    assert.equal(await chart.count(), 1, 'the run-queue chart');
    const plot = chart.locator('svg[role="img"]');
    await page.waitForFunction((el) => /: line chart, 0 points, no data yet/.test(el.getAttribute('aria-label')), await plot.elementHandle());

    await demo.locator('input[name="workers"]').fill('8');
    await demo.locator('input[name="tasks"]').fill('100000');
    await demo.locator('select[name="skew"]').selectOption('high');
    await demo.getByRole('button', { name: 'Run' }).click();

    // Points arrive while it runs; then Stop.
    await chart.locator('svg[role="img"] path.demo-line').first().waitFor({ state: 'attached', timeout: 60_000 });
    await demo.getByRole('button', { name: 'Stop' }).click({ timeout: 5_000 });
    const status = demo.locator('.demo-status');
    await page.waitForFunction((el) => /stopped/i.test(el.textContent), await status.elementHandle(), { timeout: 10_000 });
    await page.waitForFunction((el) => el.disabled, await demo.locator('.demo-stop').elementHandle());
    assert.equal(await demo.locator('.demo-run').isEnabled(), true, 'Run is enabled again');
    assert.match(await demo.locator('.demo-machine').innerText(), /GOMAXPROCS/);
    assert.match(await plot.getAttribute('aria-label'), /[1-9]\d* points\. Latest at time/);

    // The same samples as a table, and as a CSV file.
    const toggle = chart.getByRole('button', { name: 'Show data table' });
    await toggle.click();
    assert.equal(await chart.getByRole('button', { name: 'Hide data table' }).getAttribute('aria-expanded'), 'true');
    const rows = chart.locator('.demo-table tbody tr');
    await rows.first().waitFor();
    assert.ok(await rows.count() > 0, 'the table has rows');
    assert.match(await chart.locator('.demo-table caption').innerText(), /Run queues.*: [1-9]\d* rows?/);
    assert.equal(await chart.locator('.demo-table thead th').count(), 10, 'time and nine series');
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('link', { name: 'Download CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'work-stealing-queues.csv');

    // Keyboard: the plot takes focus and arrow keys move the crosshair.
    await plot.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    assert.equal(await chart.locator('.demo-tip').isVisible(), true, 'the tooltip shows');
    assert.match(await chart.locator('.demo-tip').innerText(), /time: .* ms[\s\S]*P0: /);

    // Again, to the end, with a prediction: the result is compared with it.
    await demo.locator('input[name="prediction"]').fill('1.5');
    await demo.getByRole('button', { name: 'Run' }).click();
    await demo.locator('.demo-run:enabled').waitFor({ timeout: 60_000 });
    const text = await status.innerText();
    assert.match(text, /^(Finished|Timed out).*Result: [\d.]+ ×\. You predicted 1\.5 ×: (right|not this time)/, text);
    const compare = demo.locator('.demo-chart[data-chart*="\\"id\\":\\"compare\\""] svg[role="img"]');
    assert.match(await compare.getAttribute('aria-label'), /bars chart, 2 groups/);
    assert.ok(await demo.locator('.demo-log li').count() > 0, 'the run log has notes');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a refused run shows the server\'s reason', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + LESSON);
    const demo = page.locator('section.demo[data-demo="work-stealing"]');
    // Past the browser's own check, as a hand-made request would be.
    await demo.locator('form.demo-form').evaluate((f) => { f.noValidate = true; });
    await demo.locator('input[name="workers"]').fill('9');
    await demo.getByRole('button', { name: 'Run' }).click();
    await page.waitForFunction((el) => /workers/i.test(el.textContent), await demo.locator('.demo-status').elementHandle(), { timeout: 10_000 });
    assert.equal(await demo.locator('.demo-run').isEnabled(), true);
    assert.equal(await demo.locator('.demo-stop').isDisabled(), true);
  } finally {
    await context.close();
    await server.stop();
  }
});
