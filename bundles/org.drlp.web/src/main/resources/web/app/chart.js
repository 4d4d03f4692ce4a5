// Line charts on uPlot (from its WebJar, served by this bundle). Series with their own x values are
// joined on the union of the x values, gaps spanned.
import uPlot from '/lib/uplot/uPlot.esm.js';
import { el } from './api.js';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

/**
 * @param series  [{label, x: [], y: []}]
 * @param options {title, x, y, log, width, height, id}
 */
export function lineChart(series, options) {
  const box = el('div', { class: 'chart', id: options.id }, el('h4', {}, options.title));
  const xs = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const position = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  for (const s of series) {
    const column = new Array(xs.length).fill(null);
    s.x.forEach((x, i) => {
      const y = s.y[i];
      column[position.get(x)] = options.log && !(y > 0) ? null : y;
    });
    data.push(column);
  }
  const chart = new uPlot({
    width: options.width || 520,
    height: options.height || 260,
    scales: { x: { time: false }, y: options.log ? { distr: 3 } : {} },
    axes: [{ label: options.x }, { label: options.y, size: 70 }],
    series: [{ label: options.x }, ...series.map((s, i) => ({
      label: s.label, stroke: COLOURS[i % COLOURS.length], width: 1.5, spanGaps: true, points: { show: s.x.length < 60 },
    }))],
    legend: { show: series.length <= 12 },
  }, data, box);
  box.chart = chart;
  return box;
}

/** A chart whose single series grows as points arrive. */
export function liveChart(options) {
  const xs = [];
  const ys = [];
  const box = el('div', { class: 'chart', id: options.id }, el('h4', {}, options.title));
  const chart = new uPlot({
    width: options.width || 620,
    height: options.height || 280,
    scales: { x: { time: false } },
    axes: [{ label: options.x }, { label: options.y, size: 70 }],
    series: [{ label: options.x }, { label: options.y, stroke: COLOURS[0], width: 2, points: { show: true } }],
  }, [xs, ys], box);
  box.add = (x, y) => {
    xs.push(x);
    ys.push(y);
    chart.setData([xs, ys]);
  };
  box.points = () => xs.length;
  return box;
}
