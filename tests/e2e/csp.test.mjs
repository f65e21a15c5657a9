// The Content-Security-Policy in real Chromium: every page loads, hydrates and works with no
// violation reported, for a visitor and for a guest (whose problem page mounts the editor).
// Violations are caught twice: the page's own `securitypolicyviolation` events (recorded by a
// script Chromium injects before any of the page's, which the policy does not govern) and the
// console errors Chromium writes for each blocked load or inline script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDatabase } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGES = ['/', '/lessons/go-gmp-model', '/lessons/go-work-stealing', '/problems', '/problems/lcs',
  '/demos/work-stealing', '/review', '/settings', '/login', '/signup', '/notes', '/search?q=goroutine', '/data',
  '/dashboard', '/no-such-page'];

function recordViolations() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
}

async function visitAll(page, base, label, found) {
  for (const path of PAGES) {
    const response = await openHydrated(page, base + path);
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self' 'nonce-[A-Za-z0-9_-]+' 'wasm-unsafe-eval'/, `${label} ${path}: ${policy}`);
    // Give late loads (modules, the editor, fonts) a moment to be blocked if they are.
    await page.waitForLoadState('networkidle');
    for (const v of await page.evaluate(() => window.__csp)) found.push(`${label} ${path}: ${v}`);
  }
}

test('no page breaks its own Content-Security-Policy, and pages still work', async () => {
  const server = await startServer(freshDatabase());
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' });
  await context.addInitScript(recordViolations);
  const page = await context.newPage();
  const found = [];
  // A page that stops working after hydration (a panic in the bundle) would hide blocked code.
  page.on('pageerror', (e) => found.push(`page error at ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) found.push(`console: ${m.text()}`);
  });
  try {
    await visitAll(page, server.url, 'visitor', found);

    // Hydrated handlers run: the theme toggle changes the theme in place.
    await openHydrated(page, server.url + '/');
    await page.getByRole('button', { name: 'Theme: auto' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');

    // As a guest: the workbench's editor (a module plus its own styles) mounts.
    assert.equal(await page.evaluate(() => fetch('/api/guest', { method: 'POST' }).then((r) => r.status)), 200);
    // The problem page twice: on the second load the editor module is cached and may run before
    // the page hydrates (it once broke hydration), and the server's caches are warm (the note
    // panel's data was once sent twice). `pageerror` catches either.
    await visitAll(page, server.url, 'guest', found);
    await openHydrated(page, server.url + '/problems/lcs');
    await page.locator('.workbench .cm-editor').waitFor();
    // A client-side navigation renders in the browser; still nothing blocked.
    await page.locator('header a[href="/problems"]').first().click();
    await page.waitForFunction(() => location.pathname === '/problems' && document.querySelector('.problem-row'));
    await page.waitForLoadState('networkidle');
    for (const v of await page.evaluate(() => window.__csp)) found.push(`guest after navigation: ${v}`);
    assert.deepEqual(found, []);

    // And an injected inline script would be refused: the policy is really enforced.
    const ran = await page.evaluate(() => new Promise((resolve) => {
      window.__ran = false;
      document.addEventListener('securitypolicyviolation', () => resolve(window.__ran), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
      setTimeout(() => resolve(window.__ran), 2000);
    }));
    assert.equal(ran, false, 'an inline script without the nonce ran');
  } finally {
    await context.close();
    await server.stop();
  }
});
