// Printing: per-endpoint latency and outcomes, the judge's throughput, memory, the ledger check,
// and each figure beside its target.
import { mib } from './rss.mjs';

export function pct(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const ms = (x) => (Number.isNaN(x) ? '-' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const pad = (s, n) => String(s).padStart(n);

export function endpoints(stats, secs) {
  console.log(
    `${'endpoint'.padEnd(26)}${pad('ok', 7)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('max ms', 8)}${pad('429', 6)}${pad('503', 6)}${pad('down', 6)}${pad('errors', 8)}`,
  );
  const rows = [...stats.endpoints.entries()].sort((a, b) => b[1].times.length - a[1].times.length);
  for (const [label, e] of rows) {
    const o = e.outcomes;
    console.log(
      `${label.padEnd(26)}${pad(o.ok, 7)}${pad((o.ok / secs).toFixed(1), 8)}${pad(ms(pct(e.times, 50)), 8)}${pad(ms(pct(e.times, 99)), 8)}${pad(ms(Math.max(0, ...e.times)), 8)}${pad(o.limited, 6)}${pad(o.unavailable, 6)}${pad(o.down, 6)}${pad(o.error, 8)}`,
    );
  }
  const all = rows.reduce((n, [, e]) => n + e.outcomes.ok, 0);
  console.log(`all: ${all} answered requests, ${(all / secs).toFixed(0)} requests/s`);
  for (const [label, e] of rows) {
    for (const s of e.samples) console.log(`  ${label}: ${s.replace(/\s+/g, ' ')}`);
  }
}

export function memory(sampler) {
  const series = sampler.server.map(mib).join(' ');
  console.log(`server RSS MiB, once a second: ${series}`);
  console.log(
    `server RSS max ${mib(Math.max(...sampler.server))} MiB; with the judge's compilers max ${mib(Math.max(...sampler.withChildren))} MiB`,
  );
}

export function verification({ problems, checked }) {
  console.log(
    `checked: ${checked.accounts} accounts, ${checked.answers} answers, ${checked.ratings} ratings, ${checked.lessonsDone} lessons done, ${checked.submissions} submissions`,
  );
  for (const [what, list] of Object.entries(problems)) {
    console.log(`${what}: ${list.length}`);
    for (const line of list.slice(0, 8)) console.log(`  ${line}`);
  }
}

/** One line per target: the figure, the target and whether it is met. */
export function targets(rows) {
  console.log('== targets');
  for (const [name, value, goal, met] of rows) console.log(`${met ? 'MET ' : 'MISS'}  ${name.padEnd(44)} ${String(value).padStart(10)}   target ${goal}`);
}
