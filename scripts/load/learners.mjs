// Learners: submit a mix of solutions without waiting for each verdict (so the pending cap and
// the rate limit bite), follow every accepted submission to its verdict over server-sent
// events, and note each acknowledged id in the ledger.
import { performance } from 'node:perf_hooks';
import { Client, between, sleep } from './http.mjs';
import { choose, expected } from './solutions.mjs';
import { PASSWORD } from './readers.mjs';

/** Submissions judged, for the whole run: shared by every learner. */
export class Judged {
  constructor() {
    this.inFlight = 0;
    /** { id, learner, kind, verdict, at (performance.now()), wait (ms from submit) } */
    this.verdicts = [];
    this.unexpected = [];
  }
}

export class Learner {
  constructor(base, stats, ledger, account, kinds, judged) {
    this.client = new Client(base, stats);
    this.client.cookie = account.cookie;
    this.ledger = ledger;
    this.a = account;
    this.kinds = kinds;
    this.judged = judged;
    this.followers = [];
    this.pending = 0;
    this.n = 0;
  }

  async seed() {
    const r = await this.client.call('signup', { username: this.a.name, password: PASSWORD });
    if (!this.client.cookie) throw new Error(`${this.a.name}: signup ${r.status} ${r.body}`);
    this.a.cookie = this.client.cookie;
  }

  /** Waits for one submission's verdict: its event stream, or (if that breaks) polling. */
  async await(id, kind, t0, deadline, samplesOnly = false) {
    let verdict = await this.client.follow(id, Math.max(1000, deadline - performance.now()));
    while (verdict === null && performance.now() < deadline) {
      await sleep(1000);
      verdict = await this.client.verdictOf(id);
    }
    this.judged.inFlight -= 1;
    this.pending -= 1;
    if (verdict === null) return;
    this.judged.verdicts.push({ id, learner: this.a.name, kind: kind.name, verdict, at: performance.now(), wait: performance.now() - t0 });
    if (!expected(kind, verdict, samplesOnly)) {
      this.judged.unexpected.push(`#${id} ${kind.name}${samplesOnly ? ' (samples)' : ''}: ${verdict}`);
    }
  }

  /**
   * Submits until `until`: up to `maxPending` own submissions at once (one more than the
   * server's cap, so the cap is exercised), thinkMs between submissions.
   */
  async run(until, thinkMs, verdictDeadline, maxPending = 4) {
    while (performance.now() < until) {
      await sleep(between(thinkMs[0], thinkMs[1]));
      if (performance.now() >= until) break;
      if (this.pending >= maxPending) continue;
      const kind = choose(this.kinds);
      this.n += 1;
      // A unique comment: the judge caches compiles by source hash; real learners never send
      // byte-identical code.
      const source = `${kind.source}\n// ${this.a.name} attempt ${this.n}\n`;
      const samples = Math.random() < 0.3 ? 'true' : 'false';
      const t0 = performance.now();
      const r = await this.client.call('submit', { problem_id: kind.problem, language: kind.language, source, samples_only: samples });
      this.ledger.submission(this.a, kind.name, r);
      if (r.status === 200) {
        this.pending += 1;
        this.judged.inFlight += 1;
        this.followers.push(this.await(Number(r.body), kind, t0, verdictDeadline(), samples === 'true'));
      } else if (r.status === 429) {
        // Told to wait: as long as it says, or a second for the pending cap.
        const s = Number(/try again in (\d+)/.exec(r.body)?.[1] ?? 1);
        await sleep(s * 1000);
      }
    }
  }

  /** Waits for every verdict still outstanding. */
  async drain() {
    await Promise.all(this.followers);
  }
}
