// Every role and plugin with its parameters and the bundle that provides it; redrawn when bundles come and go.
import { el, fill } from './api.js';

export function pluginsPage(root, state) {
  function render() {
    const roles = [...new Set(state.plugins.map((p) => p.role))];
    fill(root,
      el('h2', {}, 'Plugins ', el('span', { class: 'muted', id: 'plugin-count' }, `${state.plugins.length} plugins in ${roles.length} roles`)),
      ...roles.map((role) => el('div', { class: 'role', 'data-role': role },
        el('h3', { class: 'role-heading' }, role),
        ...state.plugins.filter((p) => p.role === role).map(plugin))),
    );
  }

  function plugin(p) {
    return el('div', { class: 'plugin', 'data-role': p.role, 'data-name': p.name, id: `plugin-${p.role}-${p.name}` },
      el('span', { class: 'name' }, p.name), ' ', el('span', {}, p.description),
      el('span', { class: 'bundle' }, `${p.bundle} ${p.bundleVersion}`),
      p.parameters.length === 0 ? null : el('table', {},
        el('tr', {}, ['parameter', 'type', 'default', 'range', 'doc'].map((h) => el('th', {}, h))),
        p.parameters.map((q) => el('tr', {},
          el('td', {}, el('code', {}, q.name)),
          el('td', {}, q.type + (q.role ? ':' + q.role : q.meaning ? ':' + q.meaning : '')),
          el('td', {}, q.required ? 'required' : q.default === null ? 'optional' : JSON.stringify(q.default)),
          el('td', {}, q.constraint || ''),
          el('td', {}, q.description)))));
  }

  return { show: render, pluginsChanged: render };
}
