// Readers: browse lessons, answer and rate their questions, mark lessons done, review due
// cards — every write noted in the ledger with whether the server acknowledged it.
import { Client, between, pick, sleep } from './http.mjs';

export const PASSWORD = 'load test password';

/** Lessons and their question ids, read once as a visitor (a visitor's reads write nothing). */
export async function readCourse(base) {
  const c = new Client(base, null);
  const outline = JSON.parse((await c.call('outline')).body);
  const lessons = [];
  for (const section of outline.sections) {
    for (const l of section.lessons) {
      const lesson = JSON.parse((await c.call('lesson', { id: l.id })).body);
      lessons.push({ id: l.id, questions: lesson.questions.map((q) => q.id) });
    }
  }
  return lessons.filter((l) => l.questions.length > 0);
}

const RATINGS = ['again', 'hard', 'good', 'easy'];

/** The card shown by review_card_html, or null when nothing is due. */
function shownCard(html) {
  const field = (name) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  const kind = field('kind');
  const id = field('card_id');
  return kind && id ? { kind, id } : null;
}

export class Reader {
  /** account: the ledger's record of this reader (cookie and acknowledged writes). */
  constructor(base, stats, ledger, account, course, tagger) {
    this.client = new Client(base, stats, tagger);
    this.client.cookie = account.cookie;
    this.ledger = ledger;
    this.a = account;
    this.course = course;
    this.lesson = pick(course);
    this.writes = 0;
  }

  remember() {
    this.a.cookie = this.client.cookie;
  }

  /** Starts the account (a sign-up, or a guest who claims a name later) and rates a few questions. */
  async seed(signUp) {
    const r = signUp
      ? await this.client.call('signup', { username: this.a.name, password: PASSWORD })
      : await this.client.call('guest');
    if (!this.client.cookie) throw new Error(`${this.a.name}: no session after ${signUp ? 'signup' : 'guest'}: ${r.status} ${r.body}`);
    this.a.guest = !signUp;
    for (let i = 0; i < 3; i++) {
      this.lesson = pick(this.course);
      await this.rate();
    }
    await this.answer();
    this.remember();
  }

  async readLesson() {
    this.lesson = Math.random() < 0.3 ? this.lesson : pick(this.course);
    await this.client.get(`/lessons/${this.lesson.id}`, 'GET /lessons/:id', false);
  }

  async answer() {
    const q = pick(this.lesson.questions);
    this.writes += 1;
    const text = `${this.a.name} on ${q}, take ${this.writes}: the scheduler hands work to idle Ps.`;
    const r = await this.client.call('answer', { question_id: q, answer: text });
    this.ledger.answer(this.a, q, text, r);
  }

  async rate() {
    const q = pick(this.lesson.questions);
    const r = await this.client.call('rate', { question_id: q, rating: pick(RATINGS) });
    this.ledger.rating(this.a, q, r);
  }

  async markDone() {
    const r = await this.client.call('lesson_done', { lesson_id: this.lesson.id, done: 'true' });
    this.ledger.lessonDone(this.a, this.lesson.id, r);
  }

  /** The review page's loop: the next due card, and a rating for it if there is one. */
  async review() {
    const r = await this.client.call('review_card_html', { ahead: 'false' });
    if (r.status !== 200) return;
    const card = shownCard(JSON.parse(r.body));
    if (!card) return;
    const rating = card.kind === 'problem' ? 'again' : pick(RATINGS);
    const rated = await this.client.call('review_rate', { kind: card.kind, card_id: card.id, rating, ahead: 'false' });
    if (card.kind === 'question') this.ledger.rating(this.a, card.id, rated);
  }

  /** A guest names their account (signing up while a guest claims it, keeping progress). */
  async claim() {
    const r = await this.client.call('signup', { username: this.a.name, password: PASSWORD }, 'signup (claim)');
    // Taken: an earlier claim whose answer was lost (the server died) went through after all.
    if ((r.status >= 200 && r.status < 400) || /taken/i.test(r.body)) this.a.guest = false;
  }

  /** Browses until `until` (performance.now() time), pausing thinkMs (a [lo, hi] range) between steps. */
  async run(until, thinkMs, now) {
    const actions = [
      [40, () => this.readLesson()],
      [8, () => this.client.call('outline')],
      [14, () => this.answer()],
      [12, () => this.rate()],
      [5, () => this.markDone()],
      [12, () => this.review()],
      [3, () => this.client.call('review_summary')],
      [2, () => this.client.get('/', 'GET /', false)],
      [1, () => (this.a.guest ? this.claim() : this.client.call('me'))],
    ];
    const total = actions.reduce((n, [w]) => n + w, 0);
    while (now() < until) {
      await sleep(between(thinkMs[0], thinkMs[1]));
      if (now() >= until) break;
      let x = Math.random() * total;
      const [, act] = actions.find(([w]) => (x -= w) < 0) ?? actions[0];
      await act();
      this.remember();
    }
  }

  /** After the load: a guest still unnamed claims their name, so the check can find them. */
  async finish() {
    for (let i = 0; i < 5 && this.a.guest; i++) {
      await this.claim();
      if (this.a.guest) await sleep(1000);
    }
    this.remember();
  }
}
