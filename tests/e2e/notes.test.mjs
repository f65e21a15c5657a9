// Notes and bookmarks in real Chromium: a guest writes a note on a lesson, sees it rendered
// after a reload, bookmarks a question and a problem, and finds all three on /notes with links
// that lead back. Then the same note form without JavaScript. axe on both pages, both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';
import { bothThemes } from './axe.mjs';

const LESSON = '/lessons/go-gmp-model';
const PROBLEM = '/problems/lcs';
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

test('a note, a bookmarked question and problem, listed on /notes', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openHydrated(page, server.url + LESSON);
    const panel = page.locator('#my-note');
    assert.match(await panel.innerText(), /My note/);
    await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
    const box = panel.getByLabel('Your note (Markdown)');
    await box.waitFor();

    // Saving is a plain form post: the page comes back with the note rendered.
    await box.fill('## Why P\n\nA **P** owns a local run queue.\n\n<img src=x onerror="window.pwned=1">');
    await Promise.all([page.waitForURL(`**${LESSON}#my-note`), panel.getByRole('button', { name: 'Save note' }).click()]);
    await panel.locator('.note-body strong').waitFor();
    await page.reload();
    await page.waitForSelector('body[data-hydrated="true"]');
    const note = panel.locator('.note-body');
    assert.equal(await note.locator('strong').innerText(), 'P');
    assert.match(await note.innerText(), /<img src=x onerror/, 'raw HTML is shown as text');
    assert.equal(await note.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    for (const v of await bothThemes(page)) assert.fail(`lesson with a note: ${v}`);

    // Bookmark the first question: back on its card.
    const card = page.locator('article.question').first();
    const questionId = await card.getAttribute('data-question');
    await Promise.all([page.waitForURL(`**#q-${questionId}`), card.getByRole('button', { name: 'Bookmark this question' }).click()]);
    await page.locator('article.question').first().getByRole('button', { name: 'Remove bookmark from this question' }).waitFor();

    await openHydrated(page, server.url + PROBLEM);
    await Promise.all([
      page.waitForURL(`**${PROBLEM}#my-note`),
      page.getByRole('button', { name: 'Bookmark this problem' }).click(),
    ]);
    await page.getByRole('button', { name: 'Remove bookmark from this problem' }).waitFor();
    for (const v of await bothThemes(page)) assert.fail(`problem with its note panel: ${v}`);

    // /notes from the header (of the lesson page): the note and both bookmarks, each a working link.
    await openHydrated(page, server.url + LESSON);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes', exact: true }).click();
    await page.waitForURL('**/notes');
    const notes = page.locator('.my-notes');
    await notes.locator('.note-entry').first().waitFor();
    assert.equal(await notes.locator('.note-entry').count(), 1);
    assert.equal(await notes.locator('.note-entry strong').innerText(), 'P');
    const lessonLink = notes.getByRole('link', { name: 'The M:N scheduler: G, M and P' });
    assert.equal(await lessonLink.getAttribute('href'), LESSON);
    const bookmarks = page.locator('.my-bookmarks');
    const questionLink = bookmarks.locator('[data-kind="question"] a');
    assert.equal(await questionLink.getAttribute('href'), `${LESSON}#q-${questionId}`);
    assert.equal(await bookmarks.locator('[data-kind="problem"] a').getAttribute('href'), PROBLEM);
    for (const v of await bothThemes(page)) assert.fail(`/notes: ${v}`);

    await questionLink.click();
    await page.waitForURL(`**${LESSON}#q-${questionId}`);
    await page.locator(`#q-${questionId}`).waitFor();
    await page.goBack();
    await page.waitForURL('**/notes');
    await page.locator('.my-bookmarks [data-kind="problem"] a').click();
    await page.waitForURL(`**${PROBLEM}`);
    await page.locator('h1').filter({ hasText: /Longest common subsequence/i }).waitFor();
  } finally {
    await context.close();
  }
});

test('without JavaScript: start as a guest, save a note, see it', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(server.url + PROBLEM);
    await Promise.all([page.waitForURL(`**${PROBLEM}`), page.locator('#my-note').getByRole('button', { name: /Start as guest/ }).click()]);
    const panel = page.locator('#my-note');
    await panel.getByLabel('Your note (Markdown)').fill('Fill the table *row by row*.');
    await Promise.all([page.waitForURL(`**${PROBLEM}#my-note`), panel.getByRole('button', { name: 'Save note' }).click()]);
    assert.equal(await panel.locator('.note-body em').innerText(), 'row by row');
    await page.goto(server.url + '/notes');
    assert.equal(await page.locator(`.my-notes a[href="${PROBLEM}"]`).count(), 1);
  } finally {
    await context.close();
  }
});
