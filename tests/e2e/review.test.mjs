// A review session in real Chromium, with the keyboard only: questions rated on a lesson come
// back when FSRS says (the server restarted "three days later" on the same database).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';
import { bothThemes } from './axe.mjs';

const DAY = 86_400;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a review session with the keyboard only, when the cards come due', async () => {
  const db = freshDatabase();
  let server = await startServer(db);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + '/lessons/go-gmp-model');
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
    await page.locator('article.question textarea').first().waitFor();
    // Two questions rated Good: FSRS's first interval for Good is two days.
    for (const n of [0, 1]) {
      const card = page.locator('article.question').nth(n);
      await card.locator('summary').click();
      await card.getByRole('button', { name: 'Good' }).click();
      await card.getByText('Rated: Good').waitFor();
    }
    await openHydrated(page, server.url + '/review');
    assert.match(await page.locator('.review-counts').innerText(), /Nothing to review right now/);
    assert.match(await page.locator('main').innerText(), /2 cards due in the next 7 days/);

    // Three days later.
    await server.stop();
    server = await startServer(db, { PREP_CLOCK_OFFSET_SECS: String(3 * DAY) });
    await openHydrated(page, server.url + '/');
    assert.match(await page.locator('.review-summary').innerText(), /2 cards due today/);
    await openHydrated(page, server.url + '/review');
    const counts = page.locator('.review-counts');
    assert.equal(await counts.getAttribute('data-due-now'), '2');
    const first = await page.locator('.review-card').getAttribute('data-card');
    assert.equal(await page.locator('.review-card .answer').isVisible(), false, 'the answer is hidden first');

    // Space shows the answer and the four ratings, each saying when the card would come back.
    await page.keyboard.press(' ');
    await page.locator('.review-card .answer').waitFor({ state: 'visible' });
    const labels = await page.locator('.review-card .ratings button').allInnerTexts();
    assert.equal(labels.length, 4);
    assert.match(labels[0], /^Again · 10 min/);
    const days = labels.slice(1).map((l) => Number(l.match(/· (\d+) d/)?.[1]));
    assert.ok(days.every((d) => d >= 1) && days[0] <= days[1] && days[1] < days[2], `Hard ≤ Good < Easy: ${labels}`);
    for (const v of await bothThemes(page)) assert.fail(`/review (card) ${v}`);

    // 3 = Good: the next card comes (a full page load: the page is server-rendered).
    await Promise.all([page.waitForURL('**/review'), page.keyboard.press('3')]);
    await page.waitForFunction((f) => document.querySelector('.review-card')?.dataset.card !== f, first);
    assert.equal(await page.locator('.review-counts').getAttribute('data-due-now'), '1');
    // 1 = Again: it comes back in ten minutes, so nothing is due right now.
    await page.keyboard.press(' ');
    await Promise.all([page.waitForURL('**/review'), page.keyboard.press('1')]);
    await page.getByText('Nothing to review right now.').waitFor();
    // The Again card is back within the week (the Good one may be further out).
    assert.match(await page.locator('main').innerText(), /[12] cards? due in the next 7 days/);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('desired retention is set from the settings page, with the forgetting curve', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + '/settings');
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
    const field = page.getByRole('spinbutton', { name: 'Desired retention' });
    await field.waitFor();
    assert.equal(await field.inputValue(), '0.90', 'the default');
    assert.match(await page.locator('.fit-status').innerText(), /default parameters.*you have 0/);
    assert.equal(await page.locator('.curve-chart polyline.defaults').count(), 1, 'the default curve is drawn');
    for (const v of await bothThemes(page)) assert.fail(`/settings ${v}`);
    // Out of range: the browser's own check stops it; typed past it, the server says why.
    await field.fill('0.99');
    await page.evaluate(() => document.querySelector('.retention-form').noValidate = true);
    await Promise.all([page.waitForURL(/refused=/), field.press('Enter')]);
    await page.getByRole('alert').filter({ hasText: 'between 0.70 and 0.97' }).waitFor();
    await page.getByRole('spinbutton', { name: 'Desired retention' }).fill('0.85');
    await Promise.all([page.waitForURL(/saved=retention/), page.getByRole('button', { name: 'Save' }).click()]);
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    assert.equal(await page.getByRole('spinbutton', { name: 'Desired retention' }).inputValue(), '0.85');
    for (const v of await bothThemes(page)) assert.fail(`/settings (saved) ${v}`);
  } finally {
    await context.close();
    await server.stop();
  }
});
