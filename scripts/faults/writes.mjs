// A burst of writes by one signed-in reader, for the disk-full fault: how each was answered, how
// long the slowest took, and whether pages still read. Acknowledged writes go into the ledger,
// which `scripts/load/main.mjs verify` checks against the database afterwards.
//   node writes.mjs setup --base URL --state FILE       a reader who signs up and writes a little
//   node writes.mjs burst --base URL --state FILE --n N --out FILE.json
import { writeFileSync } from 'node:fs';
import { Client, Stats } from '../load/http.mjs';
import { Ledger } from '../load/ledger.mjs';
import { Reader, readCourse } from '../load/readers.mjs';

const [phase, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i += 2) opt[rest[i].replace(/^--/, '')] = rest[i + 1];

async function setup() {
  const ledger = new Ledger();
  ledger.data.course = await readCourse(opt.base);
  const a = ledger.account(`full${Date.now().toString(36)}`, 'reader');
  await new Reader(opt.base, null, ledger, a, ledger.data.course).seed(true);
  ledger.save(opt.state);
}

async function burst() {
  const ledger = Ledger.load(opt.state);
  const stats = new Stats();
  const [a] = ledger.accounts('reader');
  const reader = new Reader(opt.base, stats, ledger, a, ledger.data.course);
  const n = Number(opt.n ?? 20);
  for (let i = 0; i < n; i++) {
    reader.lesson = ledger.data.course[i % ledger.data.course.length];
    // Long answers: each takes a few pages, so a full disk shows up within the burst.
    const q = reader.lesson.questions[0];
    const text = `${a.name} #${i}: ${'the run queue holds 256 goroutines; '.repeat(240)}end.`;
    const r = await reader.client.call('answer', { question_id: q, answer: text });
    ledger.answer(a, q, text, r);
    await reader.rate();
    await reader.markDone();
    await reader.readLesson();
    await new Client(opt.base, stats).get(`/lessons/${reader.lesson.id}`, 'GET /lessons/:id (visitor)');
  }
  ledger.save(opt.state);
  const summary = {};
  for (const [label, e] of stats.endpoints) {
    summary[label] = { ...e.outcomes, maxMs: Math.round(e.slowest ?? 0), samples: e.samples.slice(0, 2) };
  }
  writeFileSync(opt.out, JSON.stringify(summary));
  for (const [label, s] of Object.entries(summary)) {
    const counts = Object.entries(s)
      .filter(([k, v]) => typeof v === 'number' && v > 0 && k !== 'maxMs')
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`${label.padEnd(28)} ${counts}; slowest ${s.maxMs} ms`);
    for (const sample of s.samples) console.log(`    ${sample}`);
  }
}

const phases = { setup, burst };
phases[phase]().catch((e) => {
  console.error(e);
  process.exit(2);
});
