// One simulated browser: a session cookie, the calls the site makes, and every call's latency
// and outcome recorded in a shared Stats. Node built-ins only.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

/**
 * What happened to a request, as the suites count it:
 *   ok       2xx or 3xx
 *   limited      429 with a message: a deliberate refusal (pending cap, rate limit, throttle)
 *   unavailable  503 with a message: the database cannot take it for now (full disk, a lock
 *                held elsewhere); a clear failure, expected only in the fault suite
 *   down         no HTTP answer at all (connection refused or reset): the server is not there
 *   error        anything else, including a 500 and a 429 or 503 without a message
 */
export function outcomeOf(status, body) {
  if (status === 0) return 'down';
  if (status < 400) return 'ok';
  const message = body.trim().length > 2;
  if (status === 429 && message) return 'limited';
  if (status === 503 && message) return 'unavailable';
  return 'error';
}

export class Stats {
  constructor() {
    /** label → { times: [ms], tagged: tag → [ms], outcomes: {ok, limited, …}, samples: [text] } */
    this.endpoints = new Map();
    this.t0 = performance.now();
  }

  entry(label) {
    let e = this.endpoints.get(label);
    if (!e) {
      e = { times: [], tagged: new Map(), outcomes: { ok: 0, limited: 0, unavailable: 0, down: 0, error: 0 }, samples: [] };
      this.endpoints.set(label, e);
    }
    return e;
  }

  record(label, ms, outcome, detail, tag) {
    const e = this.entry(label);
    e.outcomes[outcome] += 1;
    e.slowest = Math.max(e.slowest ?? 0, ms); // answered or not: did anything hang?
    if (outcome === 'ok') {
      e.times.push(ms);
      if (tag) {
        if (!e.tagged.has(tag)) e.tagged.set(tag, []);
        e.tagged.get(tag).push(ms);
      }
    }
    if (outcome !== 'ok' && outcome !== 'down' && e.samples.length < 5) e.samples.push(detail);
  }

  total(outcome) {
    let n = 0;
    for (const e of this.endpoints.values()) n += e.outcomes[outcome];
    return n;
  }
}

export class Client {
  /**
   * base: http://host:port. stats: where calls are recorded (null: not recorded).
   * tagger: () => tag for the latency sample of this moment (e.g. "judge saturated").
   */
  constructor(base, stats, tagger = () => null) {
    this.base = base;
    this.stats = stats;
    this.tagger = tagger;
    this.cookie = null;
  }

  headers(extra = {}) {
    // Origin as a browser on the site sends it: the CSRF check wants same-origin.
    const h = { Origin: this.base, ...extra };
    if (this.cookie) h.Cookie = this.cookie;
    return h;
  }

  /** setCookie: the Set-Cookie header lines of an answer. */
  keepCookie(setCookie = []) {
    for (const c of setCookie) {
      const m = /^prep_session=([^;]*)/.exec(c);
      if (m) this.cookie = m[1] ? `prep_session=${m[1]}` : null;
    }
  }

  /**
   * One request; never throws. Returns {status (0 = no answer), body, ms, outcome}.
   * label: the endpoint's name in the report. keepBody false: a successful answer's body is
   * read but not decompressed or decoded (a lesson page: the driver's CPU is the server's too,
   * on one machine); an unsuccessful one's always is, for its message.
   */
  async request(label, method, path, { form, accept, keepBody = true } = {}) {
    const tag = this.tagger();
    const t0 = performance.now();
    const headers = this.headers(accept ? { Accept: accept } : {});
    // As a browser asks; the server's compression is part of what is measured.
    headers['Accept-Encoding'] = 'gzip';
    const payload = form ? new URLSearchParams(form).toString() : undefined;
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const answer = await exchange(`${this.base}${path}`, method, headers, payload);
    let { status, body } = answer;
    if (answer.raw) {
      this.keepCookie(answer.setCookie);
      const failed = status >= 400;
      body = keepBody || failed ? decode(answer.raw, answer.encoding) : '';
    }
    const ms = performance.now() - t0;
    const outcome = outcomeOf(status, body);
    this.stats?.record(label, ms, outcome, `${status} ${body.slice(0, 160)}`, tag);
    return { status, body, ms, outcome };
  }

  /** A server function: POST /api/<endpoint>, form-encoded. */
  call(endpoint, form = {}, label = endpoint) {
    return this.request(label, 'POST', `/api/${endpoint}`, { form });
  }

  get(path, label = `GET ${path}`, keepBody = true) {
    return this.request(label, 'GET', path, { accept: 'text/html', keepBody });
  }

  /**
   * Follows a submission's event stream to its finished event. Returns the verdict, or null
   * if the stream broke first (the server went away): the caller then asks again later.
   */
  async follow(id, timeoutMs) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try {
      const res = await fetch(`${this.base}/api/submissions/${id}/events`, { headers: this.headers(), signal: ctl.signal });
      if (res.status !== 200) {
        await res.text();
        return null;
      }
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of res.body) {
        buf += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5))
            .join('');
          if (!data.trim()) continue; // keep-alive comment
          const e = JSON.parse(data);
          if (e.finished) return e.verdict ?? 'none';
        }
      }
      return null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The stored verdict of a submission, or null while it is not done or unreachable. */
  async verdictOf(id) {
    const r = await this.call('submission', { id }, 'submission (poll)');
    if (r.status !== 200) return null;
    const s = JSON.parse(r.body);
    return s.status === 'done' ? (s.result?.verdict ?? 'none') : null;
  }
}

/** Kept-alive connections shared by every client, as a browser keeps its own. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * One HTTP exchange over node:http (lighter than fetch). Resolves to {status, raw (Buffer),
 * encoding, setCookie} or, with no answer, {status: 0 or 599 (timed out), body: why}.
 */
function exchange(url, method, headers, payload) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers, agent, timeout: 120_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, raw: Buffer.concat(chunks), encoding: res.headers['content-encoding'], setCookie: res.headers['set-cookie'] }),
      );
      res.on('error', (e) => resolve({ status: 0, body: String(e.code ?? e.message) }));
    });
    // A timeout is an answer that never came from a server that is there: an error.
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TimeoutError', timedOut: true })));
    req.on('error', (e) => resolve({ status: e.timedOut ? 599 : 0, body: String(e.code ?? e.message) }));
    req.end(payload);
  });
}

function decode(raw, encoding) {
  try {
    return (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  } catch (e) {
    return `undecodable ${encoding} body: ${e.message}`;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A uniformly random integer in [lo, hi]. */
export const between = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

export const pick = (list) => list[Math.floor(Math.random() * list.length)];
