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

// Zones, texts, arrows and markers of options.plugins.ciOverlays, positions in data units (computed in C#).
const overlays = {
  id: 'ciOverlays',
  beforeDatasetsDraw(chart, _args, opts) {
    const { ctx, scales: { x, y } } = chart;
    if (!opts || !x || !y) return;
    ctx.save();
    for (const b of opts.boxes || []) {
      const left = x.getPixelForValue(b.xMin), right = x.getPixelForValue(b.xMax);
      const top = y.getPixelForValue(b.yMax), bottom = y.getPixelForValue(b.yMin);
      ctx.fillStyle = b.color;
      ctx.fillRect(left, top, right - left, bottom - top);
    }
    ctx.font = '600 12px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const t of opts.texts || []) {
      ctx.fillStyle = t.color;
      ctx.fillText(t.text, x.getPixelForValue(t.x), y.getPixelForValue(t.y));
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea, scales: { x, y } } = chart;
    if (!opts || !x || !y) return;
    ctx.save();
    for (const a of opts.arrows || []) {
      const x1 = x.getPixelForValue(a.x1), y1 = y.getPixelForValue(a.y1);
      const x2 = x.getPixelForValue(a.x2), y2 = y.getPixelForValue(a.y2);
      const angle = Math.atan2(y2 - y1, x2 - x1);
      ctx.strokeStyle = a.color;
      ctx.fillStyle = a.color;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - 10 * Math.cos(angle - Math.PI / 7), y2 - 10 * Math.sin(angle - Math.PI / 7));
      ctx.lineTo(x2 - 10 * Math.cos(angle + Math.PI / 7), y2 - 10 * Math.sin(angle + Math.PI / 7));
      ctx.closePath();
      ctx.fill();
    }
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    for (const m of opts.markers || []) {
      const px = x.getPixelForValue(m.x);
      if (px < chartArea.left || px > chartArea.right) continue;
      ctx.strokeStyle = m.color;
      ctx.fillStyle = m.color;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillText(m.label, px + 3, chartArea.top + 2);
    }
    ctx.restore();
  },
};

export function create(canvas, id, json) {
  destroy(id);
  // The page may have been left between the render and this call: its canvas is gone, nothing to draw.
  if (!(canvas instanceof HTMLCanvasElement) || !canvas.isConnected) return;
  const config = applyFormats(JSON.parse(json));
  config.plugins = [overlays];
  charts.set(id, new Chart(canvas, config));
}

export function update(id, json) {
  const chart = charts.get(id);
  if (!chart) return;
  const config = applyFormats(JSON.parse(json));
  if (chart.config.type !== config.type) {
    const canvas = chart.canvas;
    chart.destroy();
    config.plugins = [overlays];
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
