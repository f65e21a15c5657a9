// axe-core's WCAG 2 A/AA rules on a page as it is, in the light and the dark theme.
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe violations on the page as it is, in one theme: "rule: selector…" lines. */
async function violations(page, theme) {
  await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  return result.violations.map((v) => `${theme} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')} (${v.nodes.length})`);
}

export async function bothThemes(page) {
  return [...await violations(page, 'light'), ...await violations(page, 'dark')];
}

