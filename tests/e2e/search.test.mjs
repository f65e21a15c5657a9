// Search in real Chromium: `/` on a lesson focuses the header's box, Enter lands on /search,
// the top hit opens its heading; axe on /search with results and with none, in both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';
import { bothThemes } from './axe.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await startServer(freshDatabase());
});
after(async () => {
  await server?.stop();
  await browser?.close();
});

test('/ focuses search, Enter shows results, the top hit opens its heading', async () => {
  const page = await browser.newPage();
  try {
    await openHydrated(page, server.url + '/lessons/go-gmp-model');
    await page.locator('article.lesson').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search the course' });
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, '/ focused the box');
    assert.equal(await box.inputValue(), '', 'the slash was not typed into it');
    await page.keyboard.type('goroutine leak');
    await Promise.all([page.waitForURL('**/search?q=goroutine+leak'), page.keyboard.press('Enter')]);
    await page.locator('.search-hit').first().waitFor();
    assert.match(await page.locator('.search-count').innerText(), /^(The best )?\d+ results for “goroutine leak”$/);
    assert.equal(await box.inputValue(), 'goroutine leak', 'the box shows the query');
    const top = page.locator('.search-hit').first();
    assert.equal(await top.locator('.badge').innerText(), 'Lesson');
    assert.ok((await top.locator('mark').count()) > 0, 'the snippet marks the words');
    for (const v of await bothThemes(page)) assert.fail(`/search (results) ${v}`);

    await Promise.all([page.waitForURL('**/lessons/go-extreme-concurrency#goroutine-leaks'), top.locator('a').click()]);
    const heading = page.locator('#goroutine-leaks');
    await heading.waitFor();
    assert.match(await page.locator('h2:has(#goroutine-leaks), h2#goroutine-leaks').first().innerText(), /Goroutine leaks/);
    await page.waitForFunction(() => {
      const r = document.getElementById('goroutine-leaks').getBoundingClientRect();
      return r.top >= -5 && r.top < window.innerHeight / 2;
    });

    // `/` typed into a text field is just a character.
    await openHydrated(page, server.url + '/search?q=outbox');
    await box.click();
    await box.fill('a');
    await page.keyboard.press('/');
    assert.equal(await box.inputValue(), 'a/');
  } finally {
    await page.close();
  }
});

test('no results, an empty query and no JavaScript at all', async () => {
  const page = await browser.newPage();
  try {
    await openHydrated(page, server.url + '/search?q=zyxwvut');
    assert.equal(await page.locator('.search-count').innerText(), 'No results for “zyxwvut”.');
    for (const v of await bothThemes(page)) assert.fail(`/search (none) ${v}`);
    await openHydrated(page, server.url + '/search');
    await page.locator('.search-hint').waitFor();
    for (const v of await bothThemes(page)) assert.fail(`/search (empty) ${v}`);
  } finally {
    await page.close();
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  try {
    await plain.goto(server.url + '/problems');
    await plain.getByRole('searchbox', { name: 'Search the course' }).fill('idempotency key');
    await Promise.all([plain.waitForURL('**/search?q=idempotency+key'), plain.getByRole('button', { name: 'Search', exact: true }).click()]);
    const top = plain.locator('.search-hit a').first();
    assert.equal(await top.getAttribute('href'), '/lessons/distributed-consistency#idempotency-keys');
  } finally {
    await context.close();
  }
});

test('the header stays usable on a narrow screen', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  try {
    await openHydrated(page, server.url + '/search?q=outbox');
    const box = page.getByRole('searchbox', { name: 'Search the course' });
    const b = await box.boundingBox();
    assert.ok(b.width >= 150 && b.x >= 0 && b.x + b.width <= 360, `box at ${JSON.stringify(b)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling');
    for (const v of await bothThemes(page)) assert.fail(`/search (narrow) ${v}`);
  } finally {
    await page.close();
  }
});
