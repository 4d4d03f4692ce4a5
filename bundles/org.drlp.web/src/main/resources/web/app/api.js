// The server's JSON API and its event stream (see the README, "The workbench in a browser").

export async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  return answer(response);
}

export async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return answer(response);
}

async function answer(response) {
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) {
    const error = new Error(data.error || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

/** A workspace file's URL, for links and for fetching its text. */
export function fileUrl(path) {
  return '/api/files?path=' + encodeURIComponent(path);
}

export async function text(path) {
  const response = await fetch(fileUrl(path));
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || `HTTP ${response.status}`);
  return response.text();
}

const listeners = new Map();

/** Calls handler(data) for every event of that name. */
export function on(event, handler) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(handler);
}

export function connectEvents(status) {
  const source = new EventSource('/api/events');
  source.addEventListener('hello', () => status(true));
  source.onerror = () => status(false);
  for (const name of ['plugins', 'experiment', 'run', 'progress']) {
    source.addEventListener(name, (event) => {
      const data = JSON.parse(event.data);
      for (const handler of listeners.get(name) || []) handler(data);
    });
  }
  return source;
}

export function toast(message) {
  const element = document.getElementById('toast');
  element.textContent = message;
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, 6000);
}

/** Builds an element: el('td', {class: 'num'}, 'text', child, ...). */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function number(value, digits = 6) {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(digits - 1) : value.toPrecision(digits);
}

/** Replaces a node's children, skipping absent ones (replaceChildren would show them as "null"). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}
