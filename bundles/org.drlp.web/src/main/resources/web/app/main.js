// Routes #/plugins, #/compose, #/runs and #/results to their pages; keeps the event stream open.
import { connectEvents, get, on } from './api.js';
import { pluginsPage } from './plugins.js';
import { composePage } from './compose.js';
import { runsPage } from './runs.js';
import { resultsPage } from './results.js';

const state = { plugins: [] };
window.drlp = state; // for the browser tests and the curious

const pages = {
  plugins: pluginsPage(document.getElementById('page-plugins'), state),
  compose: composePage(document.getElementById('page-compose'), state),
  runs: runsPage(document.getElementById('page-runs'), state),
  results: resultsPage(document.getElementById('page-results'), state),
};

function show() {
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'plugins').split('/');
  const page = pages[name] ? name : 'plugins';
  for (const [key, value] of Object.entries(pages)) {
    document.getElementById('page-' + key).classList.toggle('active', key === page);
    document.getElementById('nav-' + key).classList.toggle('active', key === page);
    if (key === page) value.show(decodeURIComponent(rest.join('/')));
  }
}

on('plugins', (data) => {
  state.plugins = data.plugins;
  for (const page of Object.values(pages)) page.pluginsChanged?.();
});

const live = document.getElementById('live');
connectEvents((connected) => {
  live.textContent = connected ? 'live' : 'reconnecting';
  live.classList.toggle('on', connected);
});

state.plugins = (await get('/api/plugins')).plugins;
window.addEventListener('hashchange', show);
show();
