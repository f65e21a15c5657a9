// Demo panels: runs a demo on the server (POST, answered with server-sent events) and draws its
// samples live. Sections come and go with client-side navigation, so everything is delegated
// from `document` and set up lazily.
import { Chart, fmt } from './chart.js';

const demos = new Map(); // section.demo → { charts: Map(id → Chart), run }

function demo(sec) {
  let d = demos.get(sec);
  if (!d) {
    d = { charts: new Map(), run: null };
    for (const fig of sec.querySelectorAll('.demo-chart')) {
      try {
        const spec = JSON.parse(fig.dataset.chart), name = `${sec.dataset.demo}-${spec.id}`;
        d.charts.set(spec.id, new Chart(fig, spec, 'demo-' + name, name));
      } catch (e) { console.error(e); }
    }
    demos.set(sec, d);
  }
  return d;
}

// Set up new sections once the app has hydrated; abort the runs of sections that left the page.
let queued = false;
function scan() {
  queued = false;
  if (document.body?.dataset.hydrated === 'true') for (const sec of document.querySelectorAll('section.demo[data-demo]')) demo(sec);
  for (const [sec, d] of demos) {
    if (sec.isConnected) continue;
    d.run?.ctrl.abort();
    d.charts.forEach((c) => c.destroy());
    demos.delete(sec);
  }
}
const later = () => { if (!queued) { queued = true; setTimeout(scan, 50); } };
new MutationObserver(later).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
later();
addEventListener('pagehide', () => demos.forEach((d) => d.run?.ctrl.abort()));

const $ = (sec, sel) => sec.querySelector(sel);
const ordinal = (n) => { const a = n % 10, b = n % 100; return n + (a === 1 && b !== 11 ? 'st' : a === 2 && b !== 12 ? 'nd' : a === 3 && b !== 13 ? 'rd' : 'th'); };
const secs = (ms) => `${fmt(ms / 1000, ms < 10000 ? 1 : 0)} s`;

function status(sec, text, extra) {
  const p = $(sec, '.demo-status');
  p.textContent = text;
  if (extra) p.append(' ', extra);
}

function buttons(sec, running) {
  $(sec, '.demo-run').disabled = running;
  $(sec, '.demo-stop').disabled = !running;
}

function machine(sec, r) {
  const dl = $(sec, '.demo-machine'), rt = r.runtime || {};
  const items = [['Cores', r.cores ?? rt.num_cpu], ['GOMAXPROCS', r.procs.join(', then ') || null], ['NumCPU', rt.num_cpu !== r.cores ? rt.num_cpu : null], ['Go', rt.version]];
  dl.replaceChildren();
  for (const [k, v] of items) {
    if (v == null) continue;
    const dt = document.createElement('dt'), dd = document.createElement('dd');
    dt.textContent = k;
    dd.textContent = v;
    dl.append(dt, dd);
  }
  dl.hidden = !dl.firstChild;
}

// The outcome in words, e.g. "Result: 3.4 ×. You predicted 4: right (within the tolerance)."
const predUnit = (sec) => $(sec, '.demo-prediction .unit')?.textContent.trim();
function outcome(sec, res) {
  const unit = predUnit(sec);
  const u = (v) => (typeof v === 'number' ? fmt(v) : v) + (unit ? ' ' + unit : '');
  const s = document.createElement('strong');
  s.className = res.correct === true ? 'demo-right' : res.correct === false ? 'demo-wrong' : '';
  s.textContent = `Result: ${u(res.value)}.` + (res.prediction != null && res.prediction !== ''
    ? ` You predicted ${u(res.prediction)}: ${res.correct === true ? 'right ✓' : res.correct === false ? 'not this time ✗' : 'see how close it is.'}` : '');
  return s;
}

// Where the prediction belongs on a chart: a number on a chart with the same unit, a choice on a
// chart with that category.
function overlay(sec, d, res) {
  const p = res.prediction;
  if (p == null || p === '') return;
  const unit = predUnit(sec), num = typeof p === 'number' ? p : typeof res.value === 'number' && p.trim() !== '' && !isNaN(p) ? +p : null;
  for (const c of d.charts.values()) {
    if (num != null ? unit && (c.spec.y_unit === unit || c.spec.y_label === unit) : c.has(p)) c.predict(num ?? p);
  }
}

async function readEvents(body, on) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '', ev = '', data = [];
  const line = (l) => {
    const m = /^(event|data)(?:: ?(.*))?$/.exec(l);
    if (m) m[1] === 'event' ? (ev = m[2] ?? '') : data.push(m[2] ?? '');
    else if (!l) {
      if (data.length) on(ev || 'message', data.join('\n'));
      ev = '';
      data = [];
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = (buf + value).split(/\r\n|\r(?!$)|\n/);
    buf = lines.pop();
    lines.forEach(line);
  }
  line(buf);
  line('');
}

async function start(sec) {
  const d = demo(sec), form = $(sec, '.demo-form');
  d.run?.ctrl.abort();
  const r = { ctrl: new AbortController(), procs: [], t0: performance.now() };
  d.run = r;
  buttons(sec, true);
  status(sec, 'Starting…');
  $(sec, '.demo-log').replaceChildren();
  const mine = () => d.run === r;
  const handle = (ev, text) => {
    if (!mine()) return;
    let m;
    try { m = JSON.parse(text); } catch { return; }
    switch (ev) {
      case 'queued':
        status(sec, `Waiting for a free slot: ${ordinal(m.position)} in line`);
        break;
      case 'started': {
        r.id = m.run;
        r.cores = m.cores;
        r.t0 = performance.now();
        status(sec, 'Running…');
        buttons(sec, true);
        d.charts.forEach((c) => c.clear());
        const b = $(sec, '.demo-build');
        b.textContent = m.build_output || '';
        b.hidden = !m.build_output;
        machine(sec, r);
        break;
      }
      case 'runtime':
        r.runtime = m;
        if (r.procs.at(-1) !== m.gomaxprocs) r.procs.push(m.gomaxprocs);
        machine(sec, r);
        break;
      case 'sample':
        d.charts.get(m.chart)?.add(m.x, m.values || {});
        break;
      case 'note': {
        const li = document.createElement('li'), t = document.createElement('span');
        t.className = 'demo-t';
        t.textContent = secs(performance.now() - r.t0);
        li.append(t, ' ', m.text);
        $(sec, '.demo-log').append(li);
        break;
      }
      case 'result':
        r.result = m;
        overlay(sec, d, m);
        status(sec, 'Running…', outcome(sec, m));
        break;
      case 'finished': {
        r.done = true;
        const n = ` ${m.samples} samples${m.rejected ? `, ${m.rejected} malformed lines ignored` : ''}.`;
        const t = {
          completed: `Finished in ${secs(m.elapsed_ms)}:${n}`,
          'timed-out': `Timed out after ${secs(m.elapsed_ms)}, the demo's time limit:${n}`,
          stopped: `Stopped after ${secs(m.elapsed_ms)}:${n}`,
          failed: 'The run failed.',
        }[m.status] || `Finished (${m.status}).`;
        status(sec, t + (m.message ? ' ' + m.message : ''), r.result && outcome(sec, r.result));
        buttons(sec, false);
        break;
      }
      case 'error':
        r.done = true;
        status(sec, `Error: ${m.message}`);
        break;
    }
  };
  try {
    const res = await fetch(form.dataset.runUrl, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'text/event-stream' },
      signal: r.ctrl.signal,
    });
    if (!res.ok) {
      let msg = (await res.text()).trim();
      try { const j = JSON.parse(msg); msg = j.message || j.error || msg; } catch {}
      if (mine()) status(sec, msg || `The server answered ${res.status} ${res.statusText}.`);
      return;
    }
    await readEvents(res.body, handle);
    if (mine() && !r.done) status(sec, r.stopping ? 'Stopped.' : 'The connection closed before the run finished.');
  } catch (e) {
    if (mine() && !r.done) status(sec, r.ctrl.signal.aborted ? 'Stopped.' : `Could not reach the server: ${e.message}`);
  } finally {
    if (mine()) { d.run = null; buttons(sec, false); }
  }
}

document.addEventListener('submit', (e) => {
  const form = e.target.closest?.('.demo-form'), sec = form?.closest('section.demo');
  if (!sec || !form.dataset.runUrl) return;
  e.preventDefault();
  start(sec);
});

document.addEventListener('click', (e) => {
  const b = e.target.closest?.('.demo-stop'), sec = b?.closest('section.demo'), r = sec && demos.get(sec)?.run;
  if (!r) return;
  r.stopping = true;
  b.disabled = true;
  status(sec, 'Stopping…');
  // Ask the server to stop (it then sends `finished`); close the stream anyway soon after.
  const close = () => setTimeout(() => r.ctrl.abort(), 1500);
  if (r.id) fetch(`/api/demos/runs/${encodeURIComponent(r.id)}/stop`, { method: 'POST' }).catch(() => {}).finally(close);
  else r.ctrl.abort();
});
