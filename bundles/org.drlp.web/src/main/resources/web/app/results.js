// A results folder of the workspace: its runs table (sortable, filterable by status and every swept
// key), per-run trace plots, overlays of selected runs, the comparison report, and links to files.
import { el, fileUrl, fill, get, number, post, text, toast } from './api.js';
import { lineChart } from './chart.js';

export function resultsPage(root, state) {
  const timings = state.timings = state.timings || {};
  let built = false;
  let folder = null;
  let results = null;
  let sort = { key: 'index', up: true };
  const filters = { status: '', text: '' };
  const selected = new Set();
  const folderSelect = el('select', { id: 'results-folder', onchange: (e) => { location.hash = `#/results/${encodeURIComponent(e.target.value)}`; } });
  const header = el('div', { id: 'results-header' });
  const filterBar = el('div', { class: 'toolbar', id: 'results-filters' });
  const table = el('table', { id: 'results-table' });
  const detail = el('div', { id: 'run-detail' });
  const overlay = el('div', { id: 'overlay' });
  const report = el('div', { id: 'report' });
  const files = el('div', { id: 'folder-files' });

  function build() {
    built = true;
    fill(root,
      el('h2', {}, 'Results'),
      el('div', { class: 'toolbar' }, el('label', {}, 'folder ', folderSelect),
        el('button', { onclick: refreshFolders }, 'Refresh')),
      header, filterBar,
      el('div', { class: 'toolbar' },
        el('button', { id: 'overlay-selected', onclick: drawOverlay }, 'Overlay selected runs'),
        el('span', { class: 'muted', id: 'selected-count' }, '0 selected')),
      overlay, table, detail, report, files);
  }

  async function refreshFolders() {
    const { results: folders } = await get('/api/results');
    fill(folderSelect, el('option', { value: '' }, folders.length ? 'choose a results folder…' : 'no results in the workspace'),
      ...folders.map((f) => el('option', { value: f.path, selected: f.path === folder }, f.path)));
    return folders;
  }

  async function open(path) {
    const began = performance.now();
    folder = path;
    selected.clear();
    fill(detail);
    fill(overlay);
    try {
      results = JSON.parse(await text(`${path}/results.json`));
    } catch (e) {
      toast(`${path}: ${e.message}`);
      return;
    }
    for (const key of results.sweptPaths || []) filters['sweep:' + key] = filters['sweep:' + key] ?? '';
    renderHeader();
    renderFilters();
    renderTable();
    timings.resultsLoadMillis = performance.now() - began;
    timings.resultsRenderedAt = performance.now(); // since the page's navigation began
    timings.resultsRows = results.runs.length;
    renderReport();
    renderFiles();
  }

  function renderHeader() {
    const counts = {};
    for (const r of results.runs) counts[r.status] = (counts[r.status] || 0) + 1;
    fill(header, el('div', { class: 'muted' },
      `${results.name}: ${results.runs.length} of ${results.sweepRuns ?? results.runs.length} runs · `,
      Object.entries(counts).map(([s, n]) => el('span', { class: `status-${s}` }, `${n} ${s} `)),
      `· started ${results.started} · spec `, el('a', { href: fileUrl(`${folder}/spec.json`), target: '_blank' }, 'spec.json'),
      ' · ', el('a', { href: fileUrl(`${folder}/summary.csv`), target: '_blank' }, 'summary.csv'),
      results.runs.some(r => r.coefficients)
        ? [' · ', el('a', { href: fileUrl(`${folder}/coefficients.csv`), target: '_blank' }, 'coefficients.csv')] : []));
  }

  function renderFilters() {
    const statuses = [...new Set(results.runs.map((r) => r.status))].sort();
    const status = el('select', { id: 'filter-status', onchange: (e) => { filters.status = e.target.value; renderTable(); } },
      el('option', { value: '' }, 'every status'), ...statuses.map((s) => el('option', { value: s, selected: filters.status === s }, s)));
    const swept = (results.sweptPaths || []).map((key) => {
      const values = [...new Set(results.runs.map((r) => sweepText(r, key)))].sort();
      return el('label', {}, key + ' ', el('select', { id: `filter-${key}`, 'data-key': key, onchange: (e) => { filters['sweep:' + key] = e.target.value; renderTable(); } },
        el('option', { value: '' }, 'any'), ...values.map((v) => el('option', { value: v, selected: filters['sweep:' + key] === v }, v))));
    });
    const search = el('input', { type: 'text', id: 'filter-text', placeholder: 'label contains…', value: filters.text,
      oninput: (e) => { filters.text = e.target.value; renderTable(); } });
    fill(filterBar, el('label', {}, 'status ', status), ...swept, search);
  }

  function sweepText(run, key) {
    const value = run.sweep?.[key];
    return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  }

  function columns() {
    return [
      { key: 'index', title: '#', value: (r) => r.index, num: true },
      { key: 'label', title: 'label', value: (r) => r.label },
      { key: 'problem', title: 'problem', value: (r) => r.problem ?? '' },
      ...(results.sweptPaths || []).map((k) => ({ key: 'sweep:' + k, title: k, value: (r) => sweepText(r, k) })),
      { key: 'repeat', title: 'repeat', value: (r) => r.repeat ?? 0, num: true },
      { key: 'status', title: 'status', value: (r) => r.status },
      { key: 'objective', title: 'objective', value: (r) => r.objective, num: true, format: (v) => number(v, 12) },
      { key: 'iterations', title: 'pivots', value: (r) => r.iterations, num: true },
      { key: 'regionChanges', title: 'region changes', value: (r) => r.regionChanges, num: true },
      { key: 'seconds', title: 'seconds', value: (r) => r.seconds, num: true, format: (v) => number(v, 4) },
    ];
  }

  function visibleRuns() {
    const needle = filters.text.toLowerCase();
    return results.runs.filter((r) => (!filters.status || r.status === filters.status)
      && (results.sweptPaths || []).every((k) => !filters['sweep:' + k] || sweepText(r, k) === filters['sweep:' + k])
      && (!needle || r.label.toLowerCase().includes(needle)));
  }

  function renderTable() {
    const cols = columns();
    const col = cols.find((c) => c.key === sort.key) || cols[0];
    const rows = visibleRuns().sort((a, b) => {
      const x = col.value(a), y = col.value(b);
      const order = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1;
      return sort.up ? order : -order;
    });
    const head = el('tr', {}, el('th', {}, ''), cols.map((c) => el('th', { class: 'sortable', 'data-key': c.key,
      onclick: () => { sort = { key: c.key, up: sort.key === c.key ? !sort.up : true }; renderTable(); } },
      c.title + (sort.key === c.key ? (sort.up ? ' ▲' : ' ▼') : ''))));
    const body = rows.map((r) => el('tr', { 'data-index': r.index, class: selected.has(r.index) ? 'selected' : null },
      el('td', {}, el('input', { type: 'checkbox', class: 'pick', checked: selected.has(r.index), onchange: (e) => {
        if (e.target.checked) selected.add(r.index); else selected.delete(r.index);
        document.getElementById('selected-count').textContent = `${selected.size} selected`;
      } })),
      cols.map((c) => el('td', { class: (c.num ? 'num ' : '') + (c.key === 'status' ? `status-${r.status}` : ''),
        onclick: () => showRun(r) }, c.format ? c.format(c.value(r)) : c.value(r)))));
    fill(table, el('caption', { class: 'muted', id: 'results-shown' }, `${rows.length} of ${results.runs.length} runs shown`), head, ...body);
  }

  async function trace(run) {
    if (!run.trace) return null;
    const lines = (await text(`${folder}/${run.trace}`)).trim().split('\n');
    const names = lines[0].split(',');
    const at = (name) => names.indexOf(name);
    const rows = lines.slice(1).map((l) => l.split(','));
    return {
      iteration: rows.map((r) => Number(r[at('iteration')])),
      objective: rows.map((r) => Number(r[at('objective')])),
      seconds: rows.map((r) => Number(r[at('seconds')])),
    };
  }

  function best(run) {
    const same = results.runs.filter((r) => (r.problem ?? '') === (run.problem ?? '') && Number.isFinite(r.objective));
    return Math.min(...same.map((r) => r.objective));
  }

  async function showRun(run) {
    fill(detail, el('h3', {}, `run ${run.label}`), el('div', { class: 'muted' }, 'loading the trace…'));
    let t = null;
    try { t = await trace(run); } catch (e) { toast(e.message); }
    const charts = [];
    if (t && t.iteration.length) {
      const floor = Math.min(best(run), ...t.objective);
      charts.push(
        lineChart([{ label: 'objective', x: t.iteration, y: t.objective }], { id: 'trace-pivots', title: 'objective against pivots', x: 'pivots', y: 'objective' }),
        lineChart([{ label: 'objective', x: t.seconds, y: t.objective }], { id: 'trace-seconds', title: 'objective against seconds', x: 'seconds', y: 'objective' }),
        lineChart([{ label: 'gap', x: t.iteration, y: t.objective.map((o) => o - floor) }], { id: 'trace-gap', title: `gap to the best objective of ${run.problem ?? 'the problem'} (log scale)`, x: 'pivots', y: 'gap', log: true }));
    }
    const runFolder = run.trace ? run.trace.replace(/\/[^/]*$/, '') : null;
    let runFiles = [];
    if (runFolder) {
      try { runFiles = (await get(fileUrl(`${folder}/${runFolder}`))).files; } catch { runFiles = []; }
    }
    fill(detail,
      el('h3', {}, `run ${run.label} `, el('span', { class: `status-${run.status}` }, run.status)),
      run.message ? el('div', {}, run.message) : null,
      el('div', { id: 'trace-charts' }, charts.length ? charts : el('div', { class: 'muted' }, 'no trace recorded for this run')),
      el('div', { class: 'grid2' },
        el('div', {}, el('h3', {}, 'certificate'), keyValues('certificate', run.certificate)),
        el('div', {}, el('h3', {}, 'parameters'), keyValues('parameters', run.parameters))),
      el('h3', {}, 'configuration'), el('pre', {}, JSON.stringify(run.config, null, 2)),
      el('h3', {}, 'files'), el('ul', {}, runFiles.map((f) => el('li', {}, el('a', { href: fileUrl(f.path), target: '_blank' }, f.name)))));
  }

  function keyValues(id, object) {
    if (!object || !Object.keys(object).length) return el('div', { class: 'muted', id }, 'none');
    return el('table', { class: 'kv', id }, Object.entries(object).map(([k, v]) => el('tr', {}, el('td', {}, k),
      el('td', { class: 'num' }, typeof v === 'number' ? number(v, 12) : JSON.stringify(v)))));
  }

  async function drawOverlay() {
    const runs = results.runs.filter((r) => selected.has(r.index));
    if (!runs.length) { toast('select runs with the boxes in the first column'); return; }
    const series = [];
    for (const run of runs) {
      const t = await trace(run).catch(() => null);
      if (t) series.push({ label: run.label, x: t.iteration, y: t.objective });
    }
    fill(overlay, lineChart(series, { id: 'overlay-chart', title: `objective against pivots, ${series.length} runs`, x: 'pivots', y: 'objective', width: 900, height: 320 }));
  }

  async function renderReport() {
    let listing = null;
    try { listing = await get(fileUrl(`${folder}/report`)); } catch { listing = null; }
    if (!listing) {
      fill(report, el('h3', {}, 'comparison report'),
        el('button', { id: 'write-report', onclick: writeReport }, 'Write the report (performance profiles, tables)'));
      return;
    }
    const names = listing.files.map((f) => f.name);
    const table = names.includes('table.csv') ? csvTable(await text(`${folder}/report/table.csv`), 'report-table') : null;
    fill(report, el('h3', {}, 'comparison report ', el('a', { href: fileUrl(`${folder}/report/report.html`), target: '_blank' }, 'report.html')),
      el('div', { class: 'profiles', id: 'profiles' }, names.filter((n) => /^profile-.*\.svg$/.test(n))
        .map((n) => el('img', { src: fileUrl(`${folder}/report/${n}`), alt: n, title: n }))),
      table);
  }

  function csvTable(csv, id) {
    const rows = csv.trim().split('\n').map((l) => l.split(','));
    return el('table', { id }, el('tr', {}, rows[0].map((h) => el('th', {}, h))),
      rows.slice(1).map((r) => el('tr', {}, r.map((c) => el('td', { class: /^-?[\d.]+(e-?\d+)?$/i.test(c) ? 'num' : null }, c)))));
  }

  async function writeReport() {
    try {
      await post('/api/report', { folders: [folder] });
      renderReport();
    } catch (e) { toast(e.message); }
  }

  async function renderFiles() {
    try {
      const listing = await get(fileUrl(folder));
      fill(files, el('h3', {}, 'files'), el('ul', {}, listing.files.map((f) => el('li', {},
        el('a', { href: fileUrl(f.path), target: '_blank' }, f.folder ? f.name + '/' : f.name),
        f.folder ? el('span', { class: 'muted' }, ' (folder: its listing)') : null))));
    } catch (e) { toast(e.message); }
  }

  return {
    show: async (path) => {
      if (!built) build();
      await refreshFolders();
      if (path && path !== folder) { folderSelect.value = path; await open(path); }
    },
  };
}
