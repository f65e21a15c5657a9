// "Your data" in real Chromium: a learner downloads their export, another account imports it
// through the page's form, and sees what was added; a guest who logs in is offered a merge.
// Both pages pass axe in both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';
import { bothThemes } from './axe.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await startServer(freshDatabase()); });
after(async () => { await server?.stop(); await browser?.close(); });

async function signUp(page, username) {
  await openHydrated(page, server.url + '/signup');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('correct horse battery');
  await Promise.all([page.waitForURL(server.url + '/'), page.getByRole('button', { name: 'Sign up' }).click()]);
}

async function finishALesson(page) {
  await openHydrated(page, server.url + '/lessons/go-gmp-model');
  await page.getByRole('button', { name: 'Mark lesson done' }).click();
  await page.getByRole('button', { name: /Done — mark as not done/ }).waitFor();
}

test('export downloads, and the form imports it into another account', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signUp(page, 'ada');
  await finishALesson(page);
  await openHydrated(page, server.url + '/dashboard');
  await Promise.all([page.waitForURL('**/data'), page.getByRole('link', { name: /Your data/ }).click()]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
  assert.match(download.suggestedFilename(), /^prep-export-ada-\d{4}-\d{2}-\d{2}\.json$/);
  // Kept outside the browser context, which deletes its downloads when it closes.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'prep-export-')), download.suggestedFilename());
  await download.saveAs(file);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(doc.format, 'prep-export');
  assert.equal(doc.lessons[0].status, 'done');
  for (const v of await bothThemes(page)) assert.fail(`/data ${v}`);
  await context.close();

  const other = await browser.newContext();
  const bob = await other.newPage();
  await signUp(bob, 'bob');
  await openHydrated(bob, server.url + '/data');
  await bob.getByLabel('Export file (.json)').setInputFiles(file);
  await Promise.all([bob.waitForURL('**/data'), bob.getByRole('button', { name: 'Import' }).click()]);
  const status = bob.getByRole('status');
  await status.waitFor();
  assert.match(await status.innerText(), /lessons: 1 added/);
  for (const v of await bothThemes(bob)) assert.fail(`/data (after an import) ${v}`);

  // The same file again: nothing new.
  await bob.getByLabel('Export file (.json)').setInputFiles(file);
  await Promise.all([bob.waitForURL('**/data'), bob.getByRole('button', { name: 'Import' }).click()]);
  await bob.getByText(/nothing new/).waitFor();
  // A file that is not an export: the page says so.
  await bob.getByLabel('Export file (.json)').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await Promise.all([bob.waitForURL('**/data'), bob.getByRole('button', { name: 'Import' }).click()]);
  assert.match(await bob.getByRole('alert').innerText(), /not a Prep export/);
  await other.close();
});

test('a guest who logs in is offered to merge, and merges', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openHydrated(page, server.url + '/lessons/go-gmp-model');
  await page.getByRole('button', { name: 'Start as guest to save answers' }).first().click();
  await page.locator('article.question textarea').first().waitFor();
  const card = page.locator('article.question').first();
  await card.locator('summary').click();
  await card.getByRole('button', { name: 'Good' }).click();
  await card.getByText('Rated: Good').waitFor();

  await openHydrated(page, server.url + '/login');
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password').fill('correct horse battery');
  await Promise.all([page.waitForURL('**/merge'), page.getByRole('button', { name: 'Log in' }).click()]);
  await page.getByRole('button', { name: 'Merge my guest progress into ada' }).waitFor();
  assert.match(await page.locator('main').innerText(), /1 rating/);
  for (const v of await bothThemes(page)) assert.fail(`/merge ${v}`);
  await Promise.all([page.waitForURL('**/dashboard'), page.getByRole('button', { name: 'Merge my guest progress into ada' }).click()]);
  await openHydrated(page, server.url + '/merge');
  await page.getByText('There is no guest progress waiting to be merged.').waitFor();
  await context.close();
});
