// The spec editor: a form generated from the plugins' parameter declarations beside the JSON text,
// kept in step both ways, validated by the server on every change, saved and loaded in the workspace.
import { el, fill, get, post, text, toast } from './api.js';

const SECTIONS = [
  { key: 'data', role: 'data', selector: 'source', title: 'Data' },
  { key: 'model', role: 'model', selector: 'type', title: 'Model' },
  { key: 'loss', role: 'loss', selector: 'type', title: 'Loss' },
  { key: 'solver', role: 'method', selector: 'method', title: 'Solver' },
];

const TEMPLATE = {
  name: 'new-experiment',
  data: { source: 'synthetic', n: 200, p: 3, seed: 1 },
  model: { type: 'linear', intercept: true },
  loss: { type: 'absolute' },
  solver: { method: 'vertex-walk', pivot: 'dantzig' },
};

export function composePage(root, state) {
  let spec = structuredClone(TEMPLATE);
  let parsed = true;
  let sequence = 0;
  let timer = null;
  const form = el('div', { class: 'form', id: 'spec-form' });
  const gutter = el('div', { class: 'gutter', id: 'gutter' });
  const textarea = el('textarea', { id: 'spec-text', spellcheck: 'false', wrap: 'off' });
  const validation = el('div', { id: 'validation' }, 'not validated yet');
  const pathInput = el('input', { type: 'text', id: 'spec-path', value: 'specs/new-experiment.json' });
  const specList = el('select', { id: 'spec-list' });
  const outInput = el('input', { type: 'text', id: 'run-out', placeholder: 'results/<spec name>' });
  const overwrite = el('input', { type: 'checkbox', id: 'run-overwrite' });
  let built = false;

  function build() {
    built = true;
    fill(root,
      el('h2', {}, 'Compose'),
      el('div', { class: 'toolbar' },
        el('label', {}, 'spec ', pathInput),
        el('button', { id: 'save-spec', onclick: save }, 'Save'),
        specList,
        el('button', { id: 'load-spec', onclick: load }, 'Load'),
        el('span', { class: 'muted' }, '|'),
        el('label', {}, 'output ', outInput),
        el('label', {}, overwrite, ' overwrite'),
        el('button', { id: 'run-spec', onclick: run }, 'Save and run')),
      el('div', { class: 'compose' },
        form,
        el('div', {}, el('div', { class: 'editor' }, gutter, textarea), validation)));
    textarea.addEventListener('input', textChanged);
    textarea.addEventListener('scroll', () => { gutter.scrollTop = textarea.scrollTop; });
    pathInput.addEventListener('change', scheduleValidation);
    writeText();
    renderForm();
    refreshSpecList();
  }

  async function refreshSpecList() {
    try {
      const { specs } = await get('/api/specs');
      fill(specList, el('option', { value: '' }, specs.length ? 'choose a spec…' : 'no specs in the workspace'),
        ...specs.map((s) => el('option', { value: s }, s)));
    } catch (e) { toast(e.message); }
  }

  // ---- text side

  function writeText() {
    textarea.value = JSON.stringify(spec, null, 2) + '\n';
    parsed = true;
    drawGutter([]);
    scheduleValidation();
  }

  function textChanged() {
    try {
      const value = JSON.parse(textarea.value);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        spec = value;
        parsed = true;
        renderForm();
      }
    } catch {
      parsed = false;
      form.classList.add('stale');
    }
    drawGutter([]);
    scheduleValidation();
  }

  function drawGutter(problems) {
    const marked = new Map();
    for (const p of problems || []) if (p.line && !marked.has(p.line)) marked.set(p.line, p.message);
    const lines = textarea.value.split('\n').length;
    fill(gutter, ...Array.from({ length: lines }, (_, i) =>
      el('div', { class: marked.has(i + 1) ? 'error' : null, 'data-line': i + 1, title: marked.get(i + 1) }, i + 1)));
    gutter.scrollTop = textarea.scrollTop;
  }

  function scheduleValidation() {
    clearTimeout(timer);
    timer = setTimeout(validate, 150);
  }

  async function validate() {
    const mine = ++sequence;
    let answer;
    try {
      answer = await post('/api/validate', { path: pathInput.value, text: textarea.value });
    } catch (e) {
      answer = { valid: false, message: e.message, problems: [] };
    }
    if (mine !== sequence) return; // a later change is being validated
    state.validation = answer;
    fill(validation);
    validation.className = answer.valid ? 'valid' : 'invalid';
    if (answer.valid) {
      validation.append(`valid: ${answer.runs} ${answer.runs === 1 ? 'run' : 'runs'}`);
      drawGutter([]);
      return;
    }
    const problems = answer.problems || [];
    if (problems.length !== 1) validation.append(el('div', {}, answer.message));
    for (const [i, p] of problems.entries()) {
      validation.append(el('div', { class: 'problem', 'data-line': p.line, 'data-column': p.column }, p.message, ' ',
        p.line ? el('button', { class: 'goto', id: i === 0 ? 'goto-error' : null, onclick: () => goTo(p.line, p.column) },
          `go to ${p.line}:${p.column}`) : null));
    }
    drawGutter(problems);
  }

  function goTo(line, column) {
    const lines = textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset += Math.max(0, column - 1);
    textarea.focus();
    textarea.setSelectionRange(offset, offset + 1);
  }

  // ---- form side

  function plugins(role) {
    return state.plugins.filter((p) => p.role === role);
  }

  function section(key) {
    const value = spec[key];
    if (typeof value === 'string') return { [SECTIONS.find((s) => s.key === key).selector]: value };
    return value && typeof value === 'object' ? value : null;
  }

  function renderForm() {
    form.classList.remove('stale');
    const top = el('fieldset', {}, el('legend', {}, 'Experiment'),
      field('f-name', 'name', el('input', { type: 'text', id: 'f-name', value: spec.name ?? '', onchange: (e) => set(null, 'name', e.target.value || undefined) })),
      field('f-description', 'description', el('input', { type: 'text', id: 'f-description', value: spec.description ?? '', onchange: (e) => set(null, 'description', e.target.value || undefined) })));
    const sections = SECTIONS.map(renderSection);
    fill(form, top, ...sections, renderSweep());
  }

  function field(id, label, input, doc, extra) {
    return el('label', { for: id }, el('span', {}, label), input, extra || el('span', {}), doc ? el('span', { class: 'doc' }, doc) : null);
  }

  function renderSection({ key, role, selector, title }) {
    const value = section(key);
    const chosen = value?.[selector] ?? (key === 'solver' ? 'vertex-walk' : '');
    const choices = plugins(role);
    const select = el('select', { id: `f-${key}-${selector}`, onchange: (e) => choose(key, selector, e.target.value) },
      el('option', { value: '' }, key === 'solver' ? '(default: vertex-walk)' : '(none)'),
      ...choices.map((p) => el('option', { value: p.name, selected: p.name === chosen }, p.name)));
    const fieldset = el('fieldset', { 'data-section': key }, el('legend', {}, title),
      field(select.id, selector, select, choices.find((p) => p.name === chosen)?.description));
    const plugin = choices.find((p) => p.name === chosen);
    if (plugin && value) {
      for (const parameter of plugin.parameters) fieldset.append(parameterField(key, value, parameter));
      const known = new Set([selector, ...plugin.parameters.map((p) => p.name)]);
      const unknown = Object.keys(value).filter((k) => !known.has(k));
      if (unknown.length) fieldset.append(el('div', { class: 'muted' }, `not declared by ${plugin.name}: ${unknown.join(', ')}`));
    }
    return fieldset;
  }

  function parameterField(key, value, p) {
    const id = `f-${key}-${p.name}`;
    const current = value[p.name];
    const placeholder = p.required ? 'required' : p.default === null ? 'optional' : JSON.stringify(p.default);
    let input;
    if (p.type === 'plugin' || (p.choices.length && p.type !== 'real') || p.type === 'boolean') {
      const options = p.type === 'plugin' ? plugins(p.role).map((q) => q.name)
        : p.type === 'boolean' ? ['true', 'false'] : p.choices;
      const shown = current && typeof current === 'object' ? current.type : current === undefined ? '' : String(current);
      input = el('select', { id, onchange: (e) => set(key, p.name, e.target.value === '' ? undefined
        : p.type === 'boolean' ? e.target.value === 'true' : e.target.value) },
        el('option', { value: '' }, `(${placeholder})`),
        ...options.map((o) => el('option', { value: o, selected: o === shown }, o)));
    } else if (p.type === 'real' && p.choices.length) {
      // a number, or one of the words it takes in place of one (tau: "process")
      input = el('input', { id, type: 'text', placeholder: `${placeholder} (a number or ${p.choices.join(', ')})`,
        value: current === undefined ? '' : String(current),
        onchange: (e) => set(key, p.name, e.target.value === '' ? undefined
          : p.choices.includes(e.target.value) ? e.target.value : Number(e.target.value)) });
    } else if (p.type === 'real' || p.type === 'integer') {
      input = el('input', { id, type: 'number', step: p.type === 'integer' ? '1' : 'any', placeholder,
        min: p.min ?? undefined, max: p.max ?? undefined, value: typeof current === 'number' ? current : '',
        onchange: (e) => set(key, p.name, e.target.value === '' ? undefined : Number(e.target.value)) });
    } else if (p.type.endsWith('_list')) {
      input = el('input', { id, type: 'text', placeholder: placeholder + ' (a JSON list)', value: current === undefined ? '' : JSON.stringify(current),
        onchange: (e) => { try { set(key, p.name, e.target.value === '' ? undefined : JSON.parse(e.target.value)); } catch { toast(`${p.name}: not a JSON list`); } } });
    } else {
      input = el('input', { id, type: 'text', placeholder, value: current === undefined ? '' : String(current),
        onchange: (e) => set(key, p.name, e.target.value === '' ? undefined : e.target.value) });
    }
    const sweep = el('button', { class: 'sweep', title: `sweep ${key}.${p.name}`, id: `sweep-${key}-${p.name}`,
      onclick: (e) => { e.preventDefault(); addAxis(`${key}.${p.name}`, current ?? p.default); } }, '+ sweep');
    return field(id, p.name, input, [p.description, p.constraint ? ` (${p.constraint})` : ''].join(''), sweep);
  }

  function renderSweep() {
    const sweep = spec.sweep && typeof spec.sweep === 'object' ? spec.sweep : {};
    const fieldset = el('fieldset', { id: 'f-sweep' }, el('legend', {}, 'Sweep'));
    const axes = Object.entries(sweep);
    if (!axes.length) fieldset.append(el('div', { class: 'muted' }, 'no swept parameter: "+ sweep" beside a parameter adds an axis'));
    for (const [path, values] of axes) {
      fieldset.append(field(`axis-${path}`, path,
        el('input', { type: 'text', id: `axis-${path}`, value: JSON.stringify(values), onchange: (e) => {
          try { spec.sweep[path] = JSON.parse(e.target.value); changed(); } catch { toast(`${path}: not JSON (a list, or {"files": "..."})`); }
        } }), 'values: a JSON list', el('button', { class: 'sweep', onclick: (e) => { e.preventDefault(); delete spec.sweep[path];
        if (!Object.keys(spec.sweep).length) delete spec.sweep; changed(); } }, 'remove')));
    }
    if (spec.repeats !== undefined || axes.length) {
      fieldset.append(field('f-repeats', 'repeats', el('input', { type: 'number', id: 'f-repeats', min: 1, step: 1, value: spec.repeats ?? '',
        placeholder: '1', onchange: (e) => set(null, 'repeats', e.target.value === '' ? undefined : Number(e.target.value)) })));
    }
    return fieldset;
  }

  function addAxis(path, value) {
    spec.sweep = spec.sweep && typeof spec.sweep === 'object' ? spec.sweep : {};
    if (!(path in spec.sweep)) spec.sweep[path] = value === undefined || value === null ? [] : [value];
    changed();
  }

  function choose(key, selector, name) {
    if (name === '') {
      delete spec[key];
    } else {
      spec[key] = { [selector]: name }; // another plugin: its own parameters start from their defaults
    }
    changed();
  }

  function set(key, name, value) {
    const target = key === null ? spec : (spec[key] = section(key) || {});
    if (value === undefined) delete target[name]; else target[name] = value;
    changed();
  }

  function changed() {
    writeText();
    renderForm();
  }

  // ---- workspace

  async function save() {
    try {
      const { saved } = await post('/api/specs', { path: pathInput.value, text: textarea.value });
      toast(`saved ${saved}`);
      refreshSpecList();
    } catch (e) { toast(e.message); }
  }

  async function load() {
    if (!specList.value) return;
    try {
      textarea.value = await text(specList.value);
      pathInput.value = specList.value;
      textChanged();
    } catch (e) { toast(e.message); }
  }

  async function run() {
    try {
      const body = { spec: pathInput.value, text: textarea.value, overwrite: overwrite.checked };
      if (outInput.value) body.out = outInput.value;
      if (state.timings) state.timings.startClicked = performance.now();
      const started = await post('/api/experiments', body);
      location.hash = `#/runs/${started.id}`;
    } catch (e) { toast(e.message); }
  }

  return {
    show: () => { if (!built) build(); },
    pluginsChanged: () => { if (built && parsed) renderForm(); },
    setText: (value) => { if (!built) build(); textarea.value = value; textChanged(); },
  };
}
