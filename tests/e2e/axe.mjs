// axe-core's WCAG 2 A/AA rules on a page as it is, in the light and the dark theme.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe violations on the page as it is, in one theme: "rule: selector…" lines. */
async function violations(page, theme) {
  await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
  // Evaluated through the DevTools protocol rather than added as a <script>: the site's CSP
  // (rightly) refuses inline scripts without its nonce, and the test should not weaken it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  return result.violations.map((v) => `${theme} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')} (${v.nodes.length})`);
}

export async function bothThemes(page) {
  return [...await violations(page, 'light'), ...await violations(page, 'dark')];
}

