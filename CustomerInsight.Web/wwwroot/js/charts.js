// The one Chart.js bridge: create, update in place, destroy. Maths and data shaping live in C#.
const charts = new Map();

function applyFormats(config) {
  const format = config.options && config.options.valueFormat;
  if (!format) return config;
  const formatters = {};
  for (const [axis, f] of Object.entries(format.axes || {})) {
    const nf = new Intl.NumberFormat(format.locale, {
      style: f.style, currency: f.currency || undefined,
      maximumFractionDigits: f.maximumFractionDigits ?? undefined,
    });
    formatters[axis] = (v) => nf.format(v);
  }
  const scales = config.options.scales || {};
  for (const [axis, formatter] of Object.entries(formatters)) {
    if (scales[axis]) {
      scales[axis].ticks = Object.assign({}, scales[axis].ticks, { callback: (v) => formatter(v) });
    }
  }
  config.options.plugins = config.options.plugins || {};
  config.options.plugins.tooltip = Object.assign({}, config.options.plugins.tooltip, {
    callbacks: {
      label(ctx) {
        const axis = ctx.dataset.yAxisID || (ctx.chart.config.type === 'radar' ? 'r' : (config.options.indexAxis === 'y' ? 'x' : 'y'));
        const raw = ctx.raw !== null && typeof ctx.raw === 'object' ? (ctx.raw.y ?? ctx.raw.r) : ctx.raw;
        const f = formatters[axis] || ((v) => v);
        return `${ctx.dataset.label}: ${raw === null || raw === undefined ? '—' : f(raw)}`;
      },
    },
  });
  return config;
}

export function create(canvas, id, json) {
  destroy(id);
  // The page may have been left between the render and this call: its canvas is gone, nothing to draw.
  if (!(canvas instanceof HTMLCanvasElement) || !canvas.isConnected) return;
  const config = applyFormats(JSON.parse(json));
  charts.set(id, new Chart(canvas, config));
}

export function update(id, json) {
  const chart = charts.get(id);
  if (!chart) return;
  const config = applyFormats(JSON.parse(json));
  if (chart.config.type !== config.type) {
    const canvas = chart.canvas;
    chart.destroy();
    charts.set(id, new Chart(canvas, config));
    return;
  }
  chart.data = config.data;
  chart.options = config.options || {};
  chart.update();
}

export function destroy(id) {
  const chart = charts.get(id);
  if (chart) {
    chart.destroy();
    charts.delete(id);
  }
}
