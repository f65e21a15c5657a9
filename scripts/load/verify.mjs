// After a run: reads the database directly (the sqlite3 or psql client) and compares it with
// the ledger of acknowledged writes. Lost = acknowledged but not stored; duplicated = more rows
// than were ever sent; half-applied = a rating whose three rows (ratings, review_log,
// review_cards) disagree; unfinished = a submission without a verdict.
import { spawnSync } from 'node:child_process';
import { sleep } from './http.mjs';

/** Runs one SELECT; rows as arrays of strings (NULL reads as ''). */
export function query(db, sql) {
  const [cmd, args] = db.startsWith('postgres')
    ? ['psql', ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', db, '-c', sql]]
    : ['sqlite3', ['-batch', '-tabs', '-noheader', '-cmd', '.timeout 10000', db.replace(/^sqlite:/, ''), sql]];
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr || r.error}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

const key = (user, id) => `${user}\t${id}`;

function counts(rows) {
  return new Map(rows.map(([u, id, n]) => [key(u, id), Number(n)]));
}

/** Waits until every acknowledged submission is done (or `seconds` pass); returns how many are not. */
export async function awaitVerdicts(db, ledger, seconds) {
  const ids = ledger.accounts().flatMap((a) => Object.keys(a.submissions.acked));
  if (!ids.length) return 0;
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const [[open]] = query(db, `SELECT COUNT(*) FROM submissions WHERE status <> 'done' AND id IN (${ids.join(',')})`);
    if (Number(open) === 0 || Date.now() > deadline) return Number(open);
    await sleep(2000);
  }
}

export function verify(db, ledger) {
  const problems = { lost: [], duplicated: [], halfApplied: [], unfinished: [], unverifiable: [] };
  const checked = { accounts: 0, answers: 0, ratings: 0, lessonsDone: 0, submissions: 0 };
  const users = new Map(query(db, 'SELECT lower(username), id FROM users WHERE username IS NOT NULL'));
  const answers = new Map(query(db, 'SELECT user_id, question_id, answer FROM answers').map(([u, q, t]) => [key(u, q), t]));
  const ratings = counts(query(db, 'SELECT user_id, question_id, COUNT(*) FROM ratings GROUP BY user_id, question_id'));
  const logged = counts(
    query(db, "SELECT user_id, card_id, COUNT(*) FROM review_log WHERE kind = 'question' GROUP BY user_id, card_id"),
  );
  const cards = counts(query(db, "SELECT user_id, card_id, reps FROM review_cards WHERE kind = 'question'"));
  const done = new Set(
    query(db, 'SELECT user_id, lesson_id FROM lesson_progress WHERE done_at IS NOT NULL').map(([u, l]) => key(u, l)),
  );
  const submissions = new Map(query(db, 'SELECT id, user_id, status, verdict FROM submissions').map((r) => [r[0], r]));
  const perUser = new Map();
  for (const [, [, user]] of submissions) perUser.set(user, (perUser.get(user) ?? 0) + 1);

  // Every rating anywhere in the database: its three rows agree (all of one learner's or none).
  for (const [k, n] of ratings) {
    const inLog = logged.get(k) ?? 0;
    const reps = cards.get(k) ?? 0;
    if (n !== inLog || inLog !== reps) problems.halfApplied.push(`${k}: ratings ${n}, review_log ${inLog}, review card reps ${reps}`);
  }
  for (const [k, inLog] of logged) if (!ratings.has(k)) problems.halfApplied.push(`${k}: review_log ${inLog} without a rating`);

  for (const a of ledger.accounts()) {
    const user = users.get(a.name.toLowerCase());
    if (!user) {
      // A guest never named cannot be found by name; anything acknowledged is then unchecked.
      (a.guest ? problems.unverifiable : problems.lost).push(`account ${a.name}${a.guest ? ' (still a guest)' : ''}`);
      continue;
    }
    checked.accounts += 1;
    for (const [q, slot] of Object.entries(a.answers)) {
      if (slot.acked === null && !slot.maybe.length) continue;
      checked.answers += 1;
      const stored = answers.get(key(user, q));
      const allowed = [slot.acked, ...slot.maybe].filter((t) => t !== null);
      if (stored === undefined && slot.acked !== null) problems.lost.push(`answer ${a.name}/${q}`);
      else if (stored !== undefined && !allowed.includes(stored)) problems.lost.push(`answer ${a.name}/${q}: stored an older text`);
    }
    for (const [q, slot] of Object.entries(a.ratings)) {
      checked.ratings += slot.acked;
      const stored = ratings.get(key(user, q)) ?? 0;
      if (stored < slot.acked) problems.lost.push(`ratings ${a.name}/${q}: ${stored} stored of ${slot.acked} acknowledged`);
      if (stored > slot.acked + slot.maybe)
        problems.duplicated.push(`ratings ${a.name}/${q}: ${stored} stored, ${slot.acked} acknowledged + ${slot.maybe} unanswered`);
    }
    for (const [lesson, slot] of Object.entries(a.done)) {
      if (!slot.acked) continue;
      checked.lessonsDone += 1;
      if (!done.has(key(user, lesson))) problems.lost.push(`lesson done ${a.name}/${lesson}`);
    }
    const ids = Object.keys(a.submissions.acked);
    checked.submissions += ids.length;
    for (const id of ids) {
      const row = submissions.get(id);
      if (!row || row[1] !== user) problems.lost.push(`submission #${id} of ${a.name}`);
      else if (row[2] !== 'done' || !row[3]) problems.unfinished.push(`submission #${id} of ${a.name}: ${row[2]}`);
    }
    const stored = perUser.get(user) ?? 0;
    if (stored > ids.length + a.submissions.maybe)
      problems.duplicated.push(
        `submissions of ${a.name}: ${stored} rows, ${ids.length} acknowledged + ${a.submissions.maybe} unanswered`,
      );
  }
  return { problems, checked };
}
