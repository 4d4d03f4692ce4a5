// Start an experiment, follow every run of its sweep, watch the objective of a running solve grow
// live with its pivots and region changes (server-sent events); stop one run, one sweep or all of
// them (the runs stopped end INTERRUPTED with their best point, the rest of a sweep goes on).
import { el, fill, get, number, on, post, toast } from './api.js';
import { liveChart } from './chart.js';

export function runsPage(root, state) {
  const experiments = new Map();
  const timings = state.timings = state.timings || {};
  let built = false;
  let focused = null; // "experiment:index" of the run on the live chart
  let chart = null;
  let progressCount = 0;
  const list = el('div', { id: 'experiments' });
  const chartBox = el('div', { id: 'live-chart-box' });
  const liveInfo = el('div', { id: 'live-info', class: 'muted' }, 'no run in progress');
  const counter = el('span', { id: 'progress-count' }, '0');
  const specSelect = el('select', { id: 'run-spec-select' });

  function build() {
    built = true;
    fill(root,
      el('h2', {}, 'Runs'),
      el('div', { class: 'toolbar' },
        specSelect,
        el('button', { id: 'start-run', onclick: start }, 'Start'),
        el('button', { id: 'stop-runs', onclick: stop }, 'Stop all (runs end INTERRUPTED)'),
        el('span', { class: 'muted' }, 'live updates: '), counter),
      el('div', {}, chartBox, liveInfo),
      list);
    refreshSpecs();
    load();
  }

  async function refreshSpecs() {
    const { specs } = await get('/api/specs');
    fill(specSelect, ...specs.map((s) => el('option', { value: s }, s)));
  }

  async function load() {
    const { experiments: all } = await get('/api/experiments');
    for (const e of all) experiments.set(e.id, { ...e, runs: new Map(e.runs.map((r) => [r.index, r])) });
    render();
  }

  async function start() {
    if (!specSelect.value) return;
    try {
      timings.startClicked = performance.now();
      await post('/api/experiments', { spec: specSelect.value, overwrite: true });
    } catch (e) { toast(e.message); }
  }

  async function stop() {
    try { await post('/api/experiments/stop', {}); } catch (e) { toast(e.message); }
  }

  async function stopSweep(event, id) {
    event.stopPropagation();
    try { await post('/api/experiments/stop', { id }); } catch (e) { toast(e.message); }
  }

  async function cancelRun(event, id, index) {
    event.stopPropagation(); // not a click that focuses the row
    try { await post('/api/experiments/stop', { id, index }); } catch (e) { toast(e.message); }
  }

  const active = (state) => state === 'STARTING' || state === 'RUNNING';

  function render() {
    if (!built) return;
    const sorted = [...experiments.values()].sort((a, b) => b.id - a.id);
    fill(list, ...sorted.map((e) => el('div', { class: 'experiment', id: `experiment-${e.id}`, 'data-state': e.state },
      el('h3', {}, `#${e.id} ${e.name || e.spec} `, el('span', { class: `status-${e.state}`, id: `experiment-${e.id}-state` }, e.state),
        ' ', el('span', { class: 'muted' }, `${e.runs.size}/${e.total || '?'} runs · ${e.spec} → ${e.out}`),
        ' ', el('a', { href: `#/results/${encodeURIComponent(e.out)}`, id: `experiment-${e.id}-results` }, 'results'),
        active(e.state) ? el('button', { id: `stop-${e.id}`, class: 'stop-sweep', onclick: (ev) => stopSweep(ev, e.id) }, 'Stop') : null),
      e.message ? el('div', { class: 'muted' }, e.message) : null,
      el('table', {},
        el('tr', {}, ['run', 'status', 'pivots', 'region changes', 'objective', 'seconds', 'message', ''].map((h) => el('th', {}, h))),
        [...e.runs.values()].sort((a, b) => a.index - b.index).map((r) => el('tr', {
          id: `run-${e.id}-${r.index}`, 'data-status': r.status, onclick: () => focus(e.id, r.index), style: 'cursor: pointer' },
          el('td', {}, r.label), el('td', { class: `status-${r.status}` }, r.status), el('td', { class: 'num' }, r.iteration),
          el('td', { class: 'num region-changes' }, r.regionChanges ?? ''),
          el('td', { class: 'num' }, number(r.objective, 10)), el('td', { class: 'num' }, number(r.seconds, 3)),
          el('td', {}, r.message || ''),
          el('td', {}, r.status === 'RUNNING' ? el('button', { id: `cancel-${e.id}-${r.index}`, class: 'cancel-run',
            onclick: (ev) => cancelRun(ev, e.id, r.index) }, 'Cancel') : null)))))));
  }

  function focus(experiment, index) {
    focused = `${experiment}:${index}`;
    const run = experiments.get(experiment)?.runs.get(index);
    chart = liveChart({ id: 'live-chart', title: `objective of ${run?.label ?? index} (experiment #${experiment})`, x: 'pivots', y: 'objective' });
    for (const [x, y] of run?.points || []) chart.add(x, y);
    fill(chartBox, chart);
  }

  function experimentOf(id) {
    if (!experiments.has(id)) experiments.set(id, { id, runs: new Map(), state: 'STARTING' });
    return experiments.get(id);
  }

  on('experiment', (data) => {
    const e = experimentOf(data.id);
    Object.assign(e, { ...data, runs: e.runs });
    if (data.state === 'FAILED' && data.message) toast(data.message);
    render();
  });

  on('run', (data) => {
    const e = experimentOf(data.experiment);
    const run = { ...(e.runs.get(data.index) || { points: [] }), ...data };
    e.runs.set(data.index, run);
    if (data.status === 'RUNNING') {
      if (timings.firstRunStarted === undefined) timings.firstRunStarted = performance.now();
      if (built) focus(data.experiment, data.index);
    } else if (focused === `${data.experiment}:${data.index}`) {
      liveInfo.textContent = `${run.label}: ${run.status}, objective ${number(run.objective, 10)}, ${number(run.seconds, 3)} s`;
    }
    render();
  });

  on('progress', (data) => {
    const e = experimentOf(data.experiment);
    const run = e.runs.get(data.index) || { index: data.index, label: String(data.index), points: [] };
    run.points = run.points || [];
    run.points.push([data.iteration, data.objective]);
    Object.assign(run, { iteration: data.iteration, objective: data.objective, seconds: data.seconds,
      regionChanges: data.regionChanges, status: 'RUNNING' });
    e.runs.set(data.index, run);
    progressCount++;
    if (timings.firstProgress === undefined) {
      timings.firstProgress = performance.now();
      timings.firstProgressSolveSeconds = data.seconds; // how long the solve itself had run
    }
    counter.textContent = String(progressCount);
    if (built && focused !== `${data.experiment}:${data.index}`) focus(data.experiment, data.index);
    else if (chart) chart.add(data.iteration, data.objective);
    liveInfo.textContent = `${run.label}: RUNNING, ${data.iteration} pivots, ${data.regionChanges} region changes, objective ${number(data.objective, 10)}, ${number(data.seconds, 3)} s`;
    render();
  });

  return { show: () => { if (!built) build(); else { refreshSpecs(); render(); } } };
}
