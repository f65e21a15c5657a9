// The load driver, in phases that are separate processes (the server is restarted between them):
//   seed    --base URL --state FILE [--readers 200] [--learners 20]
//           accounts (sign-ups and guests) that have rated a few questions; run it against a
//           server whose clock is days behind, so those cards are due when the load starts
//   warm    --base URL --state FILE        one submission per language, one at a time: the
//           judge's first start compiles Go's standard library, which is no part of the load
//   run     --base URL --state FILE --secs N [--ramp 10] [--pids 1,2] [--workers 2]
//           [--think 200-1000] [--learner-think 500-2000] [--db DB]   the load, then (with
//           --db) the check. Clients arrive over the ramp-up; figures are the N s after it
//   verify  --state FILE --db DB [--wait 300]     the check alone (the fault suite's)
// DB is sqlite:PATH or a postgres:// URL. Prints figures; exits 1 only if data was lost,
// duplicated or half-applied (or the server could not be talked to at all).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { Stats, sleep } from './http.mjs';
import { Ledger } from './ledger.mjs';
import { Reader, readCourse } from './readers.mjs';
import { Judged, Learner } from './learners.mjs';
import { mix } from './solutions.mjs';
import { RssSampler } from './rss.mjs';
import { awaitVerdicts, verify } from './verify.mjs';
import * as report from './report.mjs';

const [phase, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i += 2) opt[rest[i].replace(/^--/, '')] = rest[i + 1];
const range = (s, dflt) => (s ?? dflt).split('-').map(Number);
const LESSON = 'GET /lessons/:id';
const SATURATED = 'judge saturated';

async function seed() {
  const ledger = new Ledger();
  const course = await readCourse(opt.base);
  ledger.data.course = course;
  ledger.data.tag = Date.now().toString(36); // names unique even on a reused database
  const readers = Number(opt.readers ?? 200);
  const learners = Number(opt.learners ?? 20);
  const stats = new Stats();
  const t0 = performance.now();
  // Sign-ups hash a password each (Argon2): a few at a time.
  const jobs = [];
  for (let i = 0; i < readers; i++) {
    const a = ledger.account(`r${ledger.data.tag}-${i}`, 'reader');
    jobs.push(() => new Reader(opt.base, stats, ledger, a, course).seed(i % 2 === 0));
  }
  for (let i = 0; i < learners; i++) {
    const a = ledger.account(`l${ledger.data.tag}-${i}`, 'learner');
    jobs.push(() => new Learner(opt.base, stats, ledger, a).seed());
  }
  for (let i = 0; i < jobs.length; i += 8) await Promise.all(jobs.slice(i, i + 8).map((j) => j()));
  ledger.save(opt.state);
  console.log(
    `seeded ${readers} readers (half signed up, half guests; 3 ratings and an answer each) and ${learners} learners in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

async function warm() {
  const ledger = Ledger.load(opt.state);
  const learner = ledger.accounts('learner')[0];
  if (!learner) return console.log('no learners: nothing to warm up');
  const judged = new Judged();
  const l = new Learner(opt.base, null, ledger, learner, [], judged);
  const t0 = performance.now();
  for (const kind of mix().filter((k) => k.name.startsWith('AC lcs'))) {
    const r = await l.client.call('submit', { problem_id: kind.problem, language: kind.language, source: `${kind.source}\n// warm-up\n`, samples_only: 'true' });
    ledger.submission(learner, kind.name, r);
    if (r.status !== 200) throw new Error(`warm-up submit: ${r.status} ${r.body}`);
    l.pending += 1;
    judged.inFlight += 1;
    await l.await(Number(r.body), kind, performance.now(), performance.now() + 600_000);
  }
  ledger.save(opt.state);
  console.log(`judge warmed up in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${judged.verdicts.map((v) => `${v.kind} ${v.verdict}`).join(', ')}`);
}

/**
 * Where the clients record, phase by phase: the ramp-up (clients arriving one after another
 * while the page cache fills), the measured window, and the wind-down (guests claiming their
 * names at once after the load). Only the window's latencies are the figures; errors count in
 * every phase.
 */
class Phases {
  constructor() {
    this.rampUp = new Stats();
    this.window = new Stats();
    this.windDown = new Stats();
    this.current = this.rampUp;
  }

  record(...args) {
    this.current.record(...args);
  }

  total(outcome) {
    return this.rampUp.total(outcome) + this.window.total(outcome) + this.windDown.total(outcome);
  }
}

/** One line about a phase outside the window: how much, how slow the lesson page, what failed. */
function phaseLine(name, stats, secs) {
  const n = [...stats.endpoints.values()].reduce((k, e) => k + e.outcomes.ok, 0);
  const lesson = stats.entry(LESSON).times;
  console.log(
    `${name} (${secs.toFixed(1)} s, not in the figures above): ${n} answered requests, lesson p99 ${report.pct(lesson, 99)?.toFixed(0)} ms, errors ${stats.total('error')}, down ${stats.total('down')}`,
  );
}

async function run() {
  const ledger = Ledger.load(opt.state);
  const secs = Number(opt.secs ?? 60);
  const rampSecs = Number(opt.ramp ?? 10);
  const workers = Number(opt.workers ?? 2);
  const phases = new Phases();
  const stats = phases.window;
  const judged = new Judged();
  const kinds = mix();
  const pids = (opt.pids ?? '').split(',').filter(Boolean).map(Number);
  const sampler = new RssSampler(pids);
  const tagger = () => (judged.inFlight >= workers ? SATURATED : null);
  const readers = ledger.accounts('reader').map((a) => new Reader(opt.base, phases, ledger, a, ledger.data.course, tagger));
  const learners = ledger.accounts('learner').map((a) => new Learner(opt.base, phases, ledger, a, kinds, judged));
  console.log(`== load: ${readers.length} readers, ${learners.length} learners, ${rampSecs} s ramp-up, then ${secs} s measured`);
  sampler.start();
  // The driver's own stalls (garbage collection, parsing pages) count in every latency it measures.
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  const t0 = performance.now();
  const windowStart = t0 + rampSecs * 1000;
  const until = windowStart + secs * 1000;
  const verdictDeadline = () => performance.now() + 600_000;
  // Clients arrive spread over the first half of the ramp-up, not all in one instant.
  const arrival = (i, n) => sleep((i / Math.max(1, n)) * rampSecs * 500);
  const measuring = sleep(rampSecs * 1000).then(() => {
    phases.current = phases.window;
    stalls.enable();
  });
  await Promise.all([
    measuring,
    ...readers.map((r, i) => arrival(i, readers.length).then(() => r.run(until, range(opt.think, '200-1000'), () => performance.now()))),
    ...learners.map((l, i) => arrival(i, learners.length).then(() => l.run(until, range(opt['learner-think'], '500-2000'), verdictDeadline))),
  ]);
  phases.current = phases.windDown;
  stalls.disable();
  const window = (performance.now() - windowStart) / 1000;
  const inWindow = judged.verdicts.filter((v) => v.at >= windowStart && v.at <= until).length;
  const drainT0 = performance.now();
  await Promise.all(learners.map((l) => l.drain()));
  const drain = (performance.now() - drainT0) / 1000;
  sampler.stop();
  await Promise.all(readers.map((r) => r.finish()));
  const windDown = (performance.now() - drainT0) / 1000;
  ledger.save(opt.state);

  console.log(`== requests (the measured ${window.toFixed(1)} s)`);
  report.endpoints(stats, window);
  const lesson = stats.entry(LESSON);
  const busy = lesson.tagged.get(SATURATED) ?? [];
  console.log(
    `lesson page while the judge was saturated (${workers}+ submissions in flight): ${busy.length} pages, p50 ${report.pct(busy, 50)?.toFixed(1)} ms, p99 ${report.pct(busy, 99)?.toFixed(1)} ms`,
  );
  console.log(
    `driver's event-loop delay: p50 ${(stalls.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(stalls.percentile(99) / 1e6).toFixed(1)} ms, max ${(stalls.max / 1e6).toFixed(1)} ms`,
  );
  phaseLine('ramp-up', phases.rampUp, rampSecs);
  phaseLine('wind-down: verdicts drained, guests named', phases.windDown, windDown);
  console.log('== judge');
  const verdicts = {};
  for (const v of judged.verdicts) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
  const waits = judged.verdicts.map((v) => v.wait);
  console.log(
    `${inWindow} submissions judged within the measured ${secs} s (${(inWindow / window).toFixed(2)}/s); ${judged.verdicts.length} in all, ramp-up and ${drain.toFixed(1)} s more to drain the queue included`,
  );
  console.log(`verdicts: ${Object.entries(verdicts).map(([v, n]) => `${v} ${n}`).join(', ')}`);
  console.log(`submit → verdict: p50 ${(report.pct(waits, 50) / 1000).toFixed(1)} s, p99 ${(report.pct(waits, 99) / 1000).toFixed(1)} s`);
  const submit = stats.entry('submit');
  console.log(`submit refused with 429 in the window (pending cap or rate limit, with a message): ${submit.outcomes.limited}`);
  console.log(`verdicts not the kind's expected one: ${judged.unexpected.length}`);
  for (const u of judged.unexpected.slice(0, 8)) console.log(`  ${u}`);
  if (pids.length) {
    console.log('== memory');
    report.memory(sampler);
  }
  const summary = {
    errors: phases.total('error'),
    unavailable: phases.total('unavailable'),
    down: phases.total('down'),
    limited: phases.total('limited'),
    lessonP99Busy: report.pct(busy, 99),
    lessonP99: report.pct(lesson.times, 99),
    slowest: Math.max(0, ...[phases.rampUp, stats, phases.windDown].flatMap((p) => [...p.endpoints.values()].map((e) => e.slowest ?? 0))),
    judgedPerSec: inWindow / window,
  };
  let lost = 0;
  if (opt.db) lost = await check(ledger, summary);
  writeFileSync(`${opt.state}.summary.json`, JSON.stringify(summary));
  return lost;
}

/** The ledger against the database; prints the targets. Returns the number of problems with data. */
async function check(ledger, summary = {}) {
  console.log('== stored data');
  const open = await awaitVerdicts(opt.db, ledger, Number(opt.wait ?? 300));
  if (open) console.log(`${open} acknowledged submissions still without a verdict after waiting`);
  const result = verify(opt.db, ledger);
  report.verification(result);
  const p = result.problems;
  const lost = p.lost.length + p.duplicated.length + p.halfApplied.length + p.unfinished.length;
  const rows = [];
  if (summary.errors !== undefined) {
    rows.push(['errors (5xx, 4xx not asked for, timeouts)', summary.errors, '0', summary.errors === 0]);
    rows.push(['503 "try again later" (full disk, lock)', summary.unavailable, '0 under load', summary.unavailable === 0]);
  }
  rows.push(
    ['lost or duplicated writes and submissions', p.lost.length + p.duplicated.length, '0', p.lost.length + p.duplicated.length === 0],
    ['half-applied ratings', p.halfApplied.length, '0', p.halfApplied.length === 0],
    ['submissions without a verdict', p.unfinished.length, '0', p.unfinished.length === 0],
  );
  if (summary.lessonP99Busy !== undefined) {
    const v = summary.lessonP99Busy;
    rows.push(['lesson p99 (ms) while the judge is saturated', Number.isNaN(v) ? 'n/a' : v.toFixed(1), '< 50', v < 50]);
  }
  report.targets(rows);
  summary.lost = lost;
  const counts = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.length]));
  writeFileSync(`${opt.state}.verify.json`, JSON.stringify({ ...counts, checked: result.checked }));
  return lost;
}

const phases = {
  seed,
  warm,
  run,
  verify: async () => check(Ledger.load(opt.state)),
};
if (!phases[phase]) {
  console.error(`usage: main.mjs seed|warm|run|verify --base URL --state FILE …`);
  process.exit(2);
}
phases[phase]()
  .then((problems) => process.exit(problems ? 1 : 0))
  .catch((e) => {
    console.error(e);
    process.exit(2);
  });
