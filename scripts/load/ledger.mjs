// What the server acknowledged, per account: the suites check afterwards that every
// acknowledged write is stored (and nothing beyond what was sent). Saved as JSON between the
// phases of a run (seed, load, verify), which are separate processes.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Whether a write may have been applied, from its answer:
 *   yes    acknowledged (2xx/3xx)
 *   no     refused with a 4xx, or the connection was refused (nothing reached the server)
 *   maybe  no answer after it was sent (the server died meanwhile), a timeout, or a 5xx
 */
export function applied(r) {
  if (r.status >= 200 && r.status < 400) return 'yes';
  if (r.status >= 400 && r.status < 500) return 'no';
  if (r.status === 0 && /ECONNREFUSED/.test(r.body)) return 'no';
  return 'maybe';
}

function account(name, role) {
  return {
    name,
    role, // reader | learner
    cookie: null,
    guest: false,
    answers: {}, // question → { acked: text|null, maybe: [text] }
    ratings: {}, // question → { acked: n, maybe: n }
    done: {}, // lesson → { acked: bool, maybe: bool }
    submissions: { acked: {}, maybe: 0 }, // id → expected kind
  };
}

export class Ledger {
  constructor(data = { accounts: {} }) {
    this.data = data;
  }

  static load(path) {
    return new Ledger(JSON.parse(readFileSync(path, 'utf8')));
  }

  save(path) {
    writeFileSync(path, JSON.stringify(this.data));
  }

  account(name, role) {
    if (!this.data.accounts[name]) this.data.accounts[name] = account(name, role);
    return this.data.accounts[name];
  }

  accounts(role) {
    return Object.values(this.data.accounts).filter((a) => !role || a.role === role);
  }

  answer(a, question, text, r) {
    const slot = (a.answers[question] ??= { acked: null, maybe: [] });
    const how = applied(r);
    if (how === 'yes') {
      slot.acked = text;
      slot.maybe = [];
    } else if (how === 'maybe') {
      slot.maybe.push(text);
    }
  }

  rating(a, question, r) {
    const slot = (a.ratings[question] ??= { acked: 0, maybe: 0 });
    const how = applied(r);
    if (how === 'yes') slot.acked += 1;
    else if (how === 'maybe') slot.maybe += 1;
  }

  lessonDone(a, lesson, r) {
    const slot = (a.done[lesson] ??= { acked: false, maybe: false });
    const how = applied(r);
    if (how === 'yes') slot.acked = true;
    else if (how === 'maybe') slot.maybe = true;
  }

  /** A submit's answer: the id when acknowledged. */
  submission(a, kind, r) {
    const how = applied(r);
    if (how === 'yes') a.submissions.acked[Number(r.body)] = kind;
    else if (how === 'maybe') a.submissions.maybe += 1;
  }
}
