// Live SVG charts for the demo panels: line, stacked-area, stacked-bar, histogram, bars.
// No dependencies. A chart redraws at most once per animation frame however fast samples come.
const CAT = { 'stacked-bar': 0.3, histogram: 0.06, bars: 0.2 }; // kinds with a category x: band padding
const DASH = ['', '7 3', '2 3', '9 3 2 3', '4 4', '12 3 3 3', '1 3', '6 2 2 2 2 2'];
// Fill textures for areas and bars, drawn over the series colour (6×6 tiles).
const TEX = ['', 'M-1 1l2-2M0 6l6-6M5 7l2-2', 'M0 3h6', 'M3 0v6', 'M-1 1l2-2M0 6l6-6M5 7l2-2M-1 5l2 2M0 0l6 6M5-1l2 2',
  'M3 3h.1', 'M-1 5l2 2M0 0l6 6M5-1l2 2', 'M0 3h6M3 0v6'];
// Marker outlines in unit coordinates (0 is a circle).
const SHAPES = [0, [-.9, -.9, .9, -.9, .9, .9, -.9, .9], [0, -1.2, 1.1, .8, -1.1, .8], [0, -1.3, 1.3, 0, 0, 1.3, -1.3, 0],
  [0, 1.2, 1.1, -.8, -1.1, -.8], [-1, -1, 1, -1, -1, 1, 1, 1], [-1, -1, 1, 1, 1, -1, -1, 1], [1.2, 0, -.8, 1.1, -.8, -1.1]];
const MAX_ROWS = 2000; // table rows shown (the CSV has all)

const fin = Number.isFinite, { min, max, round, floor, ceil } = Math;
const r1 = (v) => round(v * 10) / 10;
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const nfs = {};
export function fmt(v, dec) {
  if (typeof v !== 'number') return String(v);
  const a = Math.abs(v);
  const k = a >= 1e5 ? 'c' : dec ?? (a >= 100 ? 1 : a >= 1 ? 2 : 3);
  nfs[k] ??= new Intl.NumberFormat('en', k === 'c' ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits: k });
  return nfs[k].format(v);
}
const title = (label, unit) => (unit ? `${label} (${unit})` : label || '');
const decimals = (s) => { const t = String(+s.toPrecision(12)), i = t.indexOf('.'); return i < 0 ? 0 : t.length - i - 1; };

// "Nice" ticks (1, 2, 5 × 10^k) over [lo, hi]; `grow` widens the range to whole steps.
function ticks(lo, hi, n, ints, grow) {
  const raw = (hi - lo || 1) / n, p = 10 ** floor(Math.log10(raw)), m = raw / p;
  let step = (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * p;
  if (ints) step = max(step, 1);
  if (grow) { lo = floor(lo / step + 1e-9) * step; hi = ceil(hi / step - 1e-9) * step; }
  const out = [];
  for (let v = ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toPrecision(12));
  return { lo, hi, out, dec: decimals(step) };
}

function marker(i, x, y, r) {
  const s = SHAPES[i % 8];
  if (!s) return `M${r1(x - r)} ${r1(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  return 'M' + s.map((v, j) => r1(j % 2 ? y + v * r : x + v * r)).join(' ') + 'z';
}

// One frame for every chart that changed; a chart that takes long to draw waits a few frames
// between draws, so the page stays responsive however fast the samples come.
const dirty = new Set();
let raf = 0;
function mark(c) {
  dirty.add(c);
  raf ||= requestAnimationFrame(flush);
}
function flush(now) {
  raf = 0;
  for (const c of [...dirty]) {
    if (now < c.next) { raf ||= requestAnimationFrame(flush); continue; }
    dirty.delete(c);
    if (!c.fig.isConnected) continue;
    c.draw();
    c.next = now + 4 * (performance.now() - now);
    now = performance.now();
  }
}

export class Chart {
  /** fig: the figure.demo-chart; spec: its data-chart; uid: unique id prefix; name: file name stem */
  constructor(fig, spec, uid, name) {
    Object.assign(this, { fig, spec, uid, name, keys: spec.series.map((s) => s.key), pad: CAT[spec.kind], at: -1, pred: null });
    this.stack = spec.kind.startsWith('stacked');
    this.bar = this.pad != null || spec.kind === 'stacked-area'; // drawn with fill textures
    this.xt = title(spec.x_label, spec.x_unit);
    const sw = (i) => this.bar
      ? `<svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="2" fill="url(#${uid}-t${i})"/></svg>`
      : `<svg width="30" height="12" aria-hidden="true" class="demo-s${i % 8}"><path class="demo-line" d="M1 6h28" stroke-dasharray="${DASH[i % 8]}"/><path class="demo-mark" d="${marker((i + (i >> 3)) % 8, 15, 6, 3.5)}"/></svg>`;
    const plot = fig.querySelector('.demo-plot'), tid = uid + '-table';
    plot.innerHTML = `<ul class="demo-legend">${spec.series.map((s, i) => `<li>${sw(i)}${esc(s.label)}</li>`).join('')}</ul>` +
      `<div class="demo-area"><svg role="img" tabindex="0"><defs>${this.keys.map((_, i) => `<pattern id="${uid}-t${i}" class="demo-s${i % 8}" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="currentColor"/><path class="demo-tex" d="${TEX[(i + (i >> 3)) % 8]}"/></pattern>`).join('')}</defs><g></g><g></g><g class="demo-x"></g></svg>` +
      `<div class="demo-tip" aria-hidden="true" hidden></div></div><p class="visually-hidden" aria-live="polite"></p>` +
      `<div class="demo-tools"><button type="button" class="demo-toggle" aria-expanded="false" aria-controls="${tid}">Show data table</button><a class="demo-csv" download="${name}.csv" href="#">Download CSV</a></div>` +
      `<div class="demo-table" id="${tid}" role="region" tabindex="0" aria-label="Data: ${esc(spec.title)}" hidden></div>`;
    let tools;
    [, this.area, this.live, tools, this.tw] = plot.children;
    [this.svg, this.tip] = this.area.children;
    [this.toggle, this.csv] = tools.children;
    [, this.axes, this.body, this.gx] = this.svg.children;
    this.clear();

    this.toggle.onclick = () => {
      const open = this.tw.hidden;
      this.tw.hidden = !open;
      this.toggle.setAttribute('aria-expanded', open);
      this.toggle.textContent = open ? 'Hide data table' : 'Show data table';
      this.tableAt = 0;
      mark(this);
    };
    this.csv.onclick = () => {
      if (this.url) URL.revokeObjectURL(this.url);
      this.csv.href = this.url = URL.createObjectURL(new Blob([this.toCSV()], { type: 'text/csv' }));
    };
    const pick = (e) => {
      const L = this.L, n = L?.rows.length;
      if (!n) return;
      const b = this.svg.getBoundingClientRect(), px = (e.clientX - b.left) * (L.W / b.width);
      let i;
      if (L.band) i = floor((px - L.ml) / L.band);
      else { // nearest x: binary search over the sorted rows
        let a = 0, z = n - 1;
        while (a < z) { const m = (a + z) >> 1; if (L.sx(L.rows[m].x) < px) a = m + 1; else z = m; }
        i = a > 0 && px - L.sx(L.rows[a - 1].x) < L.sx(L.rows[a].x) - px ? a - 1 : a;
      }
      this.move(max(0, min(n - 1, i)));
    };
    this.svg.onpointermove = this.svg.onpointerdown = pick;
    this.svg.onpointerleave = () => { if (document.activeElement !== this.svg) this.move(-1); };
    this.svg.onfocus = () => { if (this.at < 0) this.move(this.rows.length - 1, true); };
    this.svg.onblur = () => this.move(-1);
    this.svg.onkeydown = (e) => {
      const n = this.rows.length, k = e.key, d = { ArrowLeft: -1, ArrowRight: 1, ArrowDown: -1, ArrowUp: 1, PageUp: 10, PageDown: -10 }[k];
      const i = d ? max(0, this.at + d) : k === 'Home' ? 0 : k === 'End' ? n - 1 : k === 'Escape' ? -1 : null;
      if (i == null) return;
      e.preventDefault();
      this.move(min(i, n - 1), true);
    };
    this.ro = new ResizeObserver(() => mark(this));
    this.ro.observe(this.area);
    mark(this);
  }

  clear() {
    this.rows = [];
    this.index = new Map();
    this.at = -1;
    this.follow = this.svg && document.activeElement === this.svg;
    this.pred = null;
    mark(this);
  }

  /** x: a number or a category; a later sample with the same x replaces the earlier one. */
  add(x, values) {
    if (typeof x !== 'number' && typeof x !== 'string') return;
    const k = typeof x + x, r = this.index.get(k);
    if (r) r.v = values;
    else {
      const rows = this.rows, last = rows[rows.length - 1];
      this.index.set(k, { x, v: values });
      rows.push(this.index.get(k));
      if (last && typeof x === 'number' && !(last.x <= x)) this.unsorted = true;
    }
    mark(this);
  }

  has(x) { return this.index.has(typeof x + x); }

  /** Shows the learner's prediction: a number as a reference line, a category as a marked band. */
  predict(v) { this.pred = v; mark(this); }

  destroy() { this.ro.disconnect(); if (this.url) URL.revokeObjectURL(this.url); dirty.delete(this); }

  describe(r) {
    const u = this.spec.y_unit ? ' ' + this.spec.y_unit : '';
    return `${this.spec.x_label || 'x'} ${fmt(r.x)}${this.spec.x_unit ? ' ' + this.spec.x_unit : ''}: ` +
      this.spec.series.map((s) => `${s.label} ${fin(r.v[s.key]) ? fmt(r.v[s.key]) + u : 'no value'}`).join(', ');
  }

  move(i, key) {
    this.at = i;
    this.follow = i >= 0 && i === this.rows.length - 1;
    this.cross();
    if (key && i >= 0) this.live.textContent = this.describe(this.rows[i]);
  }

  toCSV() {
    const q = (s) => (/[",\n]/.test(s) ? `"${String(s).replace(/"/g, '""')}"` : s);
    return [[this.xt, ...this.spec.series.map((s) => title(s.label, this.spec.y_unit))].map(q).join(','),
      ...this.sorted().map((r) => [q(String(r.x)), ...this.keys.map((k) => (fin(r.v[k]) ? r.v[k] : ''))].join(','))].join('\n') + '\n';
  }

  sorted() {
    if (this.unsorted) {
      this.rows.sort((a, b) => (typeof a.x === 'number' && typeof b.x === 'number' ? a.x - b.x : 0));
      this.unsorted = false;
    }
    return this.rows;
  }

  draw() {
    const { spec, keys, pad, stack } = this, rows = this.sorted(), n = rows.length, kind = spec.kind;
    const W = max(280, round(this.area.clientWidth || 600)), H = round(min(340, max(220, W * 0.5)));
    if (this.follow) this.at = n - 1;
    let lo = 0, hi = 0, ints = true;
    const sums = stack && rows.map((r) => keys.reduce((a, k) => a + (fin(r.v[k]) ? r.v[k] : 0), 0));
    for (const r of rows) for (const k of keys) { const v = r.v[k]; if (fin(v)) { if (v % 1) ints = false; if (!stack) { lo = min(lo, v); hi = max(hi, v); } } }
    if (stack) for (const s of sums) { lo = min(lo, s); hi = max(hi, s); }
    const pn = typeof this.pred === 'number' && fin(this.pred) ? this.pred : null;
    if (pn != null) { lo = min(lo, pn); hi = max(hi, pn); }
    if (hi === lo) hi = lo + 1;
    const mt = 26, mb = 44, mr = !pad && n ? max(16, 4 * fmt(rows[n - 1].x).length + 8) : 16;
    const yt = ticks(lo, hi, max(2, floor((H - 60) / 48)), ints, true);
    const ylab = yt.out.map((v) => fmt(v, yt.dec));
    const ml = 14 + 7 * max(...ylab.map((s) => s.length));
    const iw = W - ml - mr, ih = H - mt - mb;
    lo = yt.lo; hi = yt.hi;
    const sy = (v) => r1(mt + ih - ((v - lo) / (hi - lo)) * ih);
    const o = [];
    yt.out.forEach((v, i) => o.push(`<line class="demo-grid" x1="${ml}" x2="${ml + iw}" y1="${sy(v)}" y2="${sy(v)}"/><text x="${ml - 6}" y="${sy(v) + 4}" text-anchor="end">${ylab[i]}</text>`));
    const base = sy(max(lo, 0)), band = pad != null ? iw / max(n, 1) : 0;
    let sx = null;
    if (band) { // categories in order, labels thinned to fit
      const lab = rows.map((r) => { const s = fmt(r.x); return s.length > 14 ? s.slice(0, 13) + '…' : s; });
      const every = ceil((7 * max(1, ...lab.map((s) => s.length)) + 10) / band);
      lab.forEach((s, i) => { if (i % every === 0) o.push(`<text x="${r1(ml + (i + 0.5) * band)}" y="${mt + ih + 17}" text-anchor="middle">${esc(s)}</text>`); });
    } else if (n) {
      let x0 = rows[0].x, x1 = rows[n - 1].x;
      if (x0 === x1) { x0 -= 1; x1 += 1; }
      sx = (x) => r1(ml + ((x - x0) / (x1 - x0)) * iw);
      const xt = ticks(x0, x1, max(2, floor(iw / (7 * fmt(x1).length + 40))), false, true);
      [x0, x1] = [xt.lo, xt.hi];
      for (const v of xt.out) o.push(`<line class="demo-grid" x1="${sx(v)}" x2="${sx(v)}" y1="${mt}" y2="${mt + ih}"/><text x="${sx(v)}" y="${mt + ih + 17}" text-anchor="middle">${fmt(v, xt.dec)}</text>`);
    }
    o.push(`<path class="demo-axis" d="M${ml} ${mt}V${mt + ih}H${ml + iw}${base < mt + ih ? `M${ml} ${base}H${ml + iw}` : ''}"/>`,
      `<text class="demo-title" x="${r1(ml + iw / 2)}" y="${H - 6}" text-anchor="middle">${esc(this.xt)}</text>`,
      `<text class="demo-title" x="2" y="13">${esc(title(spec.y_label, spec.y_unit))}</text>`);
    if (!n) o.push(`<text class="demo-title" x="${r1(ml + iw / 2)}" y="${r1(mt + ih / 2)}" text-anchor="middle">No data yet: press Run</text>`);
    const axes = o.join(''); // redrawn only when it changes: text is the costly part to paint
    if (axes !== this.axesHTML) this.axes.innerHTML = this.axesHTML = axes;
    o.length = 0;
    const cum = rows.map(() => 0); // running stack tops
    this.tops = [];
    keys.forEach((k, j) => {
      const g = [], top = [], bot = [];
      if (band) {
        const inner = band * (1 - pad), w = stack ? inner : inner / keys.length;
        rows.forEach((r, i) => {
          const v = r.v[k];
          if (!fin(v)) return;
          const b = stack ? cum[i] : 0, t = b + v, y0 = sy(max(b, t)), x = ml + i * band + (band - inner) / 2 + (stack ? 0 : j * w);
          if (stack) cum[i] = t;
          g.push(`<rect x="${r1(x)}" y="${y0}" width="${r1(max(w - 1, 1))}" height="${r1(max(sy(min(b, t)) - y0, 0.5))}"/>`);
        });
        o.push(`<g class="demo-bar" fill="url(#${this.uid}-t${j})">${g.join('')}</g>`);
      } else if (stack) {
        const step = max(1, floor(n / iw)); // at most one point per pixel column
        rows.forEach((r, i) => {
          const b = cum[i], t = b + (fin(r.v[k]) ? r.v[k] : 0);
          cum[i] = t;
          if (i % step && i !== n - 1) return;
          top.push(`${sx(r.x)} ${sy(t)}`);
          bot.unshift(`${sx(r.x)} ${sy(b)}`);
        });
        if (n) o.push(`<g class="demo-s${j % 8}"><path class="demo-fill" fill="url(#${this.uid}-t${j})" d="M${top.join('L')}L${bot.join('L')}z"/><path class="demo-edge" d="M${top.join('L')}"/></g>`);
      } else {
        // line: min/max per pixel column keeps thousands of points cheap and faithful
        const pts = [], ms = [];
        let col = null, mn, mx;
        const flush = () => { if (col != null) { pts.push(mn); if (mx !== mn) pts.push(mx); } };
        rows.forEach((r) => {
          const v = r.v[k];
          if (!fin(v)) return;
          const p = [sx(r.x), sy(v)], c = round(p[0]);
          if (c !== col) { flush(); col = c; mn = mx = p; } else { if (p[1] < mn[1]) mn = p; if (p[1] > mx[1]) mx = p; }
        });
        flush();
        const every = pts.length <= 30 ? 1 : ceil(pts.length / 10), ph = floor((j * every) / 3) % every;
        pts.forEach((p, i) => { if ((i + ph) % every === 0 || i === pts.length - 1) ms.push(marker((j + (j >> 3)) % 8, p[0], p[1], 3.5)); });
        if (pts.length) o.push(`<g class="demo-s${j % 8}"><path class="demo-line" stroke-dasharray="${DASH[j % 8]}" d="M${pts.map((p) => p.join(' ')).join('L')}"/><path class="demo-mark" d="${ms.join('')}"/></g>`);
      }
      this.tops.push(stack ? cum.slice() : null);
    });
    if (pn != null) {
      const y = sy(pn);
      o.push(`<line class="demo-pred" x1="${ml}" x2="${ml + iw}" y1="${y}" y2="${y}"/><text class="demo-pred-label" x="${ml + iw - 4}" y="${y - 5}" text-anchor="end">your prediction: ${fmt(pn)}</text>`);
    } else if (band && this.pred != null) {
      const i = rows.findIndex((r) => String(r.x) === String(this.pred));
      if (i >= 0) o.push(`<rect class="demo-pred" x="${r1(ml + i * band + 1)}" y="${mt}" width="${r1(band - 2)}" height="${ih}" fill="none"/><text class="demo-pred-label" x="${r1(ml + (i + 0.5) * band)}" y="${mt + 15}" text-anchor="middle">your prediction</text>`);
    }
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    this.body.innerHTML = o.join('');
    this.L = { W, H, ml, mt, iw, ih, sx, sy, band, rows };
    const last = rows[n - 1];
    this.svg.setAttribute('aria-label', `${spec.title}: ${kind} chart, ${n} ${band ? 'groups' : 'points'}` +
      (!n ? ', no data yet.' : band ? `. ${rows.slice(0, 6).map((r) => this.describe(r)).join('; ')}${n > 6 ? '; …' : ''}` : `. Latest at ${this.describe(last)}`) +
      (this.pred != null ? `. Your prediction: ${fmt(this.pred)}` : ''));
    this.cross();
    if (!this.tw.hidden) { // the table follows at most 4 times a second
      const now = performance.now();
      if (now - (this.tableAt || 0) >= 250) { this.tableAt = now; this.table(); } else setTimeout(() => mark(this), 260);
    }
  }

  cross() {
    const L = this.L, i = this.at, r = L?.rows[i];
    if (!r) { this.gx.innerHTML = ''; this.tip.hidden = true; return; }
    const { ml, mt, ih, band, sx, sy } = L, x = band ? ml + (i + 0.5) * band : sx(r.x);
    let g = band ? `<rect class="demo-hl" x="${r1(ml + i * band)}" y="${mt}" width="${r1(band)}" height="${ih}"/>` : `<line class="demo-cross" x1="${x}" x2="${x}" y1="${mt}" y2="${mt + ih}"/>`;
    if (!band) this.keys.forEach((k, j) => { const v = this.tops[j] ? this.tops[j][i] : r.v[k]; if (fin(v) && fin(r.v[k])) g += `<circle class="demo-s${j % 8}" cx="${x}" cy="${sy(v)}" r="4.5"/>`; });
    this.gx.innerHTML = g;
    const u = this.spec.y_unit ? ' ' + esc(this.spec.y_unit) : '';
    this.tip.innerHTML = `<b>${esc(this.spec.x_label || 'x')}: ${esc(fmt(r.x))}${this.spec.x_unit ? ' ' + esc(this.spec.x_unit) : ''}</b>` +
      this.spec.series.map((s, j) => `<span><i class="demo-s${j % 8}"></i>${esc(s.label)}: ${fin(r.v[s.key]) ? fmt(r.v[s.key]) + u : '–'}</span>`).join('');
    this.tip.hidden = false;
    const k = this.area.clientWidth / L.W, left = x > L.W / 2;
    this.tip.style.left = left ? '' : `${x * k + 12}px`;
    this.tip.style.right = left ? `${(L.W - x) * k + 12}px` : '';
  }

  table() {
    const { spec, rows } = this, u = spec.y_unit;
    const shown = rows.slice(-MAX_ROWS);
    this.tw.innerHTML = `<table><caption>${esc(spec.title)}: ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}${rows.length > MAX_ROWS ? `, the last ${MAX_ROWS} shown (the CSV has all)` : ''}</caption><thead><tr><th scope="col">${esc(this.xt || 'x')}</th>` +
      spec.series.map((s) => `<th scope="col">${esc(title(s.label, u))}</th>`).join('') + '</tr></thead><tbody>' +
      shown.map((r) => `<tr><th scope="row">${esc(fmt(r.x))}</th>${this.keys.map((k) => `<td>${fin(r.v[k]) ? fmt(r.v[k]) : ''}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
  }
}
