// The load half of scripts/bench-judge.sh: many signed-up learners submitting reference
// solutions to a running server, and wrk on a lesson page beside them. Node built-ins only.
//   node scripts/bench-judge.mjs <base-url> <server-pid> <learners> <submissions-each> <wrk-secs>
// Prints figures; asserts nothing (exits non-zero only if the server cannot be talked to).
import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const [base, pidArg, learnersArg, eachArg, secsArg] = process.argv.slice(2);
const serverPid = Number(pidArg);
const LEARNERS = Number(learnersArg ?? 50);
const EACH = Number(eachArg ?? 3);
const WRK_SECS = Number(secsArg ?? 10);
const PASSWORD = 'bench password';
// One verdict may wait behind the whole queue: 50 learners × a few seconds on 2 workers.
const VERDICT_TIMEOUT_MS = 300_000;

// Cheap problems (tiny tests), each in both languages: learners take them round-robin.
const KINDS = [
  ['lcs', 'rust', 'ref.rs'],
  ['lcs', 'go', 'ref.go'],
  ['bounded-knapsack', 'rust', 'ref.rs'],
  ['bounded-knapsack', 'go', 'ref.go'],
].map(([problem, language, file]) => ({
  problem,
  language,
  source: readFileSync(new URL(`../content/problems/${problem}/solutions/${file}`, import.meta.url), 'utf8'),
}));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (x) => `${x.toFixed(0)} ms`;

/** One learner: a session cookie and the calls the browser makes. */
class Learner {
  constructor(name) {
    this.name = name;
    this.cookie = null;
  }

  headers(extra = {}) {
    // Origin as a browser on the site would send it: the CSRF check wants same-origin.
    const h = { Origin: base, ...extra };
    if (this.cookie) h.Cookie = this.cookie;
    return h;
  }

  /** Calls a server function, form-encoded like the site's forms. Returns {status, body}. */
  async call(endpoint, fields = {}) {
    const res = await fetch(`${base}/api/${endpoint}`, {
      method: 'POST',
      redirect: 'manual', // signup answers with a redirect to / and the cookie on it
      headers: this.headers({ 'Content-Type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams(fields).toString(),
    });
    for (const c of res.headers.getSetCookie()) {
      const m = /^prep_session=([^;]*)/.exec(c);
      if (m) this.cookie = m[1] ? `prep_session=${m[1]}` : null;
    }
    return { status: res.status, body: await res.text() };
  }

  async signUp() {
    const r = await this.call('signup', { username: this.name, password: PASSWORD });
    if (!this.cookie) throw new Error(`signup ${this.name}: ${r.status} ${r.body}`);
  }

  /** Follows a submission's event stream to its finished event. */
  async follow(id) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), VERDICT_TIMEOUT_MS);
    let firstProgress = null;
    try {
      const res = await fetch(`${base}/api/submissions/${id}/events`, { headers: this.headers(), signal: ctl.signal });
      if (res.status !== 200) return { verdict: `events ${res.status}`, firstProgress };
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of res.body) {
        buf += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('');
          if (!data.trim()) continue; // keep-alive comment
          const e = JSON.parse(data);
          if (firstProgress === null && (e.total > 0 || e.done > 0)) firstProgress = performance.now();
          if (e.finished) return { verdict: e.verdict ?? 'none', firstProgress };
        }
      }
      return { verdict: 'stream ended without a verdict', firstProgress };
    } catch (e) {
      return { verdict: ctl.signal.aborted ? 'timeout' : `error: ${e.message}`, firstProgress };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Submits until the judge takes it (counting refusals for being busy or too fast), then
   * waits for the verdict. Returns one record, or null if the submission was refused outright.
   */
  async submitAndWait(kind, tag, stats, onQueued = () => {}) {
    // A unique comment per submission: the judge caches compiles by source hash, and 50
    // learners never send byte-identical code.
    const source = `${kind.source}\n// ${tag}\n`;
    const fields = { problem_id: kind.problem, language: kind.language, source, samples_only: 'false' };
    for (;;) {
      const t0 = performance.now();
      const r = await this.call('submit', fields);
      if (r.status === 200) {
        const id = Number(r.body);
        onQueued();
        const { verdict, firstProgress } = await this.follow(id);
        const t1 = performance.now();
        return { id, learner: this.name, kind, verdict, t0, t1, total: t1 - t0, toProgress: firstProgress && firstProgress - t0 };
      }
      if (r.body.includes('waiting for the judge')) {
        stats.busy += 1; // the pending cap: wait for one of ours to finish
        await sleep(1000);
      } else if (r.body.includes('runs in a minute')) {
        stats.tooFast += 1; // a per-learner rate limit: wait as long as it says
        const s = Number(/try again in (\d+)/.exec(r.body)?.[1] ?? 5);
        await sleep(s * 1000);
      } else {
        stats.refused.push(`${this.name} ${kind.problem}/${kind.language}: ${r.status} ${r.body}`);
        return null;
      }
    }
  }
}

function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function distribution(values) {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${ms(pct(s, 50))}  p90 ${ms(pct(s, 90))}  p99 ${ms(pct(s, 99))}  max ${ms(s[s.length - 1])}`;
}

function procStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** RSS of the server and every process under it (the compilers the judge starts), in kB. */
function treeRss(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* gone meanwhile */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    total += procStatus(p).rss;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;

/** Runs wrk and picks out the figures; the full output is kept for printing. */
function wrk(url) {
  return new Promise((resolve) => {
    const p = spawn('wrk', ['-t2', '-c16', `-d${WRK_SECS}s`, '--latency', url]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', () => {
      const line = (re) => re.exec(out)?.[1] ?? '?';
      resolve({
        out,
        rps: line(/Requests\/sec:\s+(\S+)/),
        p50: line(/^\s+50%\s+(\S+)/m),
        p75: line(/^\s+75%\s+(\S+)/m),
        p90: line(/^\s+90%\s+(\S+)/m),
        p99: line(/^\s+99%\s+(\S+)/m),
        max: line(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m),
        non2xx: line(/Non-2xx or 3xx responses:\s+(\d+)/) === '?' ? '0' : line(/Non-2xx or 3xx responses:\s+(\d+)/),
        errors: line(/Socket errors:\s+([^\n]+)/) === '?' ? 'none' : line(/Socket errors:\s+([^\n]+)/),
      });
    });
  });
}

async function main() {
  const runTag = Date.now().toString(36); // usernames unique even against a reused database

  // The lesson page bench.sh measures: the outline's first lesson.
  const outline = JSON.parse((await new Learner('anon').call('outline')).body);
  const lessonUrl = `${base}/lessons/${outline.sections[0].lessons[0].id}`;

  // Warm-up: the judge's first start compiles Go's standard library in the background, and
  // each problem's reference is measured once; neither belongs in the timed figures.
  console.log('== warm-up (one submission per problem and language, one at a time)');
  const warm = new Learner(`warm-${runTag}`);
  await warm.signUp();
  const warmStats = { busy: 0, tooFast: 0, refused: [] };
  for (const [i, kind] of KINDS.entries()) {
    const r = await warm.submitAndWait(kind, `warm-up ${i}`, warmStats);
    const line = r ? `${r.verdict} after ${ms(r.total)}` : warmStats.refused.at(-1);
    console.log(`${`${kind.problem}/${kind.language}`.padStart(24)}: ${line}`);
  }
  const afterWarm = procStatus(serverPid);
  console.log(`server RSS after warm-up: ${mib(afterWarm.rss)} (peak so far ${mib(afterWarm.hwm)})`);

  console.log(`== lesson page, judge idle: wrk -t2 -c16 -d${WRK_SECS}s --latency ${lessonUrl}`);
  const idle = await wrk(lessonUrl);
  process.stdout.write(idle.out);

  // Sign-ups hash a password each (Argon2): a few at a time, outside the timed part.
  const learners = Array.from({ length: LEARNERS }, (_, i) => new Learner(`b${runTag}-${i}`));
  const signT0 = performance.now();
  for (let i = 0; i < learners.length; i += 5) await Promise.all(learners.slice(i, i + 5).map((l) => l.signUp()));
  console.log(`== ${LEARNERS} learners signed up in ${ms(performance.now() - signT0)}`);

  console.log(`== ${LEARNERS} learners × ${EACH} full submissions (each after the previous verdict)`);
  const stats = { busy: 0, tooFast: 0, refused: [] };
  const records = [];
  let peakRss = 0;
  let peakTree = 0;
  let inFlight = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procStatus(serverPid).rss);
    peakTree = Math.max(peakTree, treeRss(serverPid));
  }, 250);
  const loadT0 = performance.now();
  let started = 0;
  let allStarted;
  const everyoneIn = new Promise((r) => (allStarted = r));
  const runs = learners.map(async (l, i) => {
    for (let k = 0; k < EACH; k++) {
      const kind = KINDS[(i + k) % KINDS.length];
      let queued = false;
      const r = await l.submitAndWait(kind, `${l.name} attempt ${k}`, stats, () => {
        queued = true;
        inFlight += 1;
        if (k === 0 && ++started === LEARNERS) allStarted();
      });
      if (queued) inFlight -= 1;
      // A learner refused outright still counts as in, so wrk is not kept waiting for them.
      if (k === 0 && !queued && ++started === LEARNERS) allStarted();
      if (r) records.push(r);
    }
  });
  const loadDone = Promise.all(runs);

  // wrk while the queue is full: start once every learner has sent a first submission.
  await everyoneIn;
  await sleep(1000);
  const inFlightAtWrkStart = inFlight;
  const busyWrk = await wrk(lessonUrl);
  const inFlightAtWrkEnd = inFlight;
  await loadDone;
  const loadMs = performance.now() - loadT0;
  clearInterval(sampler);
  const end = procStatus(serverPid);

  const totals = records.map((r) => r.total);
  console.log(`submit → verdict:          ${distribution(totals)}   (${records.length} submissions)`);
  const prog = records.filter((r) => r.toProgress != null).map((r) => r.toProgress);
  if (prog.length) console.log(`submit → first test done:  ${distribution(prog)}   (queue wait + compile)`);
  for (const lang of ['rust', 'go']) {
    const t = records.filter((r) => r.kind.language === lang).map((r) => r.total);
    if (t.length) console.log(`  ${lang.padEnd(4)} submit → verdict:   ${distribution(t)}   (${t.length})`);
  }
  console.log(`throughput: ${(records.length / (loadMs / 1000)).toFixed(2)} submissions/s over ${(loadMs / 1000).toFixed(1)} s`);
  const verdicts = {};
  for (const r of records) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  console.log(`verdicts: ${Object.entries(verdicts).map(([v, n]) => `${v} ${n}`).join(', ')}`);
  const bad = records.filter((r) => r.verdict !== 'AC');
  for (const r of bad.slice(0, 10)) {
    const detail = await learners.find((l) => l.name === r.learner).call('submission', { id: r.id });
    console.log(`  not AC: #${r.id} ${r.learner} ${r.kind.problem}/${r.kind.language} ${r.verdict}: ${detail.body.slice(0, 300)}`);
  }
  console.log(`refusals: ${stats.busy} "waiting for the judge" (pending cap), ${stats.tooFast} "runs in a minute" (rate limit), ${stats.refused.length} other`);
  for (const r of stats.refused.slice(0, 10)) console.log(`  refused: ${r}`);
  console.log(
    `server RSS: peak ${mib(end.hwm)} (VmHWM, since start), peak sampled under load ${mib(peakRss)}, at end ${mib(end.rss)}`,
  );
  console.log(`server + judge child processes (compilers), peak sampled: ${mib(peakTree)}`);

  console.log(`== lesson page, judge saturated: wrk -t2 -c16 -d${WRK_SECS}s --latency ${lessonUrl}`);
  console.log(`(submissions in flight: ${inFlightAtWrkStart} at wrk start, ${inFlightAtWrkEnd} at wrk end)`);
  process.stdout.write(busyWrk.out);

  console.log('== lesson page side by side');
  const row = (label, w) =>
    console.log(
      `${label.padEnd(16)} ${w.rps.padStart(10)} req/s  p50 ${w.p50.padStart(8)}  p75 ${w.p75.padStart(8)}  p90 ${w.p90.padStart(8)}  p99 ${w.p99.padStart(8)}  max ${w.max.padStart(8)}  non-2xx ${w.non2xx}  socket errors ${w.errors}`,
    );
  row('judge idle', idle);
  row('judge saturated', busyWrk);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
