// A learner's evening in a real browser: sign up, read, answer, rate, finish a lesson, come back
// after a server restart on "another machine"; and the guest → account path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function firstLessonWithQuestions(page, base) {
  await openHydrated(page, base + '/');
  const hrefs = await page.locator('.outline a[href^="/lessons/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'the outline lists lessons');
  return hrefs[0];
}

test('sign up, study a lesson, restart the server, log in elsewhere and find the progress', async () => {
  const db = freshDatabase();
  let server = await startServer(db);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + '/signup');
    await page.fill('#username', 'e2e_learner');
    await page.fill('#password', 'a long password');
    await page.click('main form button[type=submit]');
    await page.waitForURL(server.url + '/');
    await page.locator('.site-header .who', { hasText: 'e2e_learner' }).waitFor();

    // Client-side navigation: a marker on window survives, so no full page load happened.
    await page.evaluate(() => { window.__noReload = true; });
    await page.locator('.outline a[href^="/lessons/"]').first().click();
    await page.locator('article.lesson h1').waitFor();
    assert.equal(await page.evaluate(() => window.__noReload), true, 'navigation reloaded the page');
    const lessonUrl = page.url();
    const lessonPath = new URL(lessonUrl).pathname;
    assert.ok(await page.locator('.prose').count() === 1);
    assert.ok(await page.locator('.toc li').count() > 0, 'a table of contents');

    const card = page.locator('article.question').first();
    await card.locator('textarea').fill('Idle Ps steal half of a busy P\'s run queue.');
    await card.getByRole('button', { name: 'Save answer' }).click();
    await card.getByText('Saved ✓').waitFor();
    await card.locator('summary').click();
    await card.locator('.model-answer').waitFor({ state: 'visible' });
    await card.getByRole('button', { name: 'Good' }).click();
    await card.getByText('Rated: Good').waitFor();

    await page.getByRole('button', { name: 'Mark lesson done' }).click();
    await page.getByRole('button', { name: /Done — mark as not done/ }).waitFor();
    assert.equal(await page.evaluate(() => window.__noReload), true, 'actions reloaded the page');

    // → goes to the next lesson, ← comes back.
    if (await page.locator('.prev-next a.next').count()) {
      const first = await page.getAttribute('article.lesson', 'data-lesson');
      await page.locator('body').press('ArrowRight');
      await page.waitForURL((u) => u.href !== lessonUrl);
      await page.waitForFunction((id) => {
        const a = document.querySelector('article.lesson');
        return a && a.dataset.lesson !== id;
      }, first);
      await page.locator('body').press('ArrowLeft');
      await page.waitForURL(lessonUrl);
      await page.waitForSelector(`article.lesson[data-lesson="${first}"]`);
    }

    await server.stop();
    server = await startServer(db);

    // Another machine: a fresh browser profile with no cookies.
    const other = await browser.newContext();
    const page2 = await other.newPage();
    await openHydrated(page2, server.url + '/login');
    await page2.fill('#username', 'e2e_learner');
    await page2.fill('#password', 'a long password');
    await page2.click('main form button[type=submit]');
    await page2.waitForURL(server.url + '/');
    await page2.locator('a[href="/dashboard"]').first().click();
    await page2.locator('[data-stat="lessons-done"]').waitFor();
    assert.match(await page2.locator('[data-stat="lessons-done"]').innerText(), /^1 \/ \d+$/);
    assert.equal(await page2.locator('[data-stat="answered"]').innerText(), '1');
    assert.equal(await page2.locator('[data-stat="ratings"]').innerText(), '1');
    const today = new Date().toISOString().slice(0, 10);
    const cellTitle = await page2.locator('.heatmap rect title', { hasText: today }).innerHTML();
    assert.match(cellTitle, new RegExp(`${today}: [1-9]\\d* activit`));
    // The saved answer is back in the lesson.
    await page2.goto(server.url + lessonPath);
    assert.equal(await page2.locator('article.question textarea').first().inputValue(), 'Idle Ps steal half of a busy P\'s run queue.');
    await other.close();
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a guest studies, then claims the account without losing progress', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const lesson = await firstLessonWithQuestions(page, server.url);
    await openHydrated(page, server.url + lesson);
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
    await page.locator('.site-header .who', { hasText: 'Guest' }).waitFor();
    const card = page.locator('article.question').first();
    await card.locator('textarea').fill('guest answer');
    await card.getByRole('button', { name: 'Save answer' }).click();
    await card.getByText('Saved ✓').waitFor();
    await page.getByRole('button', { name: 'Mark lesson done' }).click();
    await page.getByRole('button', { name: /Done — mark as not done/ }).waitFor();

    await page.getByRole('link', { name: 'Save my progress' }).click();
    await page.waitForURL(server.url + '/claim');
    await page.fill('#username', 'former_guest');
    await page.fill('#password', 'claimed password');
    await page.click('main form button[type=submit]');
    await page.waitForURL(server.url + '/dashboard');
    await page.locator('.site-header .who', { hasText: 'former_guest' }).waitFor();
    assert.match(await page.locator('[data-stat="lessons-done"]').innerText(), /^1 \//);
    assert.equal(await page.locator('[data-stat="answered"]').innerText(), '1');
  } finally {
    await context.close();
    await server.stop();
  }
});

test('lessons can be read with JavaScript disabled', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(server.url + '/');
    await page.locator('.outline a[href^="/lessons/"]').first().click();
    await page.waitForURL(/\/lessons\//);
    assert.ok((await page.locator('article.lesson h1').innerText()).length > 0);
    assert.ok((await page.locator('.prose').innerText()).length > 200, 'the lesson body is in the HTML');
    const missing = await page.goto(server.url + '/lessons/does-not-exist');
    assert.equal(missing.status(), 404);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the theme toggle is remembered, and a 360 px screen needs no sideways scrolling', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'light' });
  const page = await context.newPage();
  try {
    const lesson = await firstLessonWithQuestions(page, server.url);
    await openHydrated(page, server.url + lesson);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);

    assert.equal(await page.getAttribute('html', 'data-theme'), 'auto');
    await page.getByRole('button', { name: 'Theme: auto' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.reload();
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'the server renders the remembered theme');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bg);
    assert.notEqual(bg, 'rgb(251, 251, 250)', 'dark background differs from light');

    // Keyboard users see where focus is.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
  } finally {
    await context.close();
    await server.stop();
  }
});
