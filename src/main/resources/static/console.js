// Draws every chart of a page with uPlot from the JSON its element carries (see web.RunSeries).
(function () {
  const DURATION = '#0969da', BYTES = '#8250df', FAILURE = '#cf222e', OK = '#1a7f37';

  function bytes(n) {
    if (n == null) return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    for (; n >= 1024 && i < units.length - 1; i++) n /= 1024;
    return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
  }

  // a failed run's mark sits on its duration line
  function failureMarks(series) {
    return series.failed.map((failed, i) => failed ? (series.duration[i] ?? 0) : null);
  }

  const points = (color) => ({stroke: color, fill: color, paths: () => null, points: {show: true, size: 7, fill: color}});

  const charts = {
    sparkline(series, width, height) {
      return {
        opts: {
          width, height, legend: {show: false}, cursor: {show: false}, select: {show: false},
          axes: [{show: false}, {show: false, scale: 's'}, {show: false, scale: 'b'}],
          scales: {x: {time: false}},
          series: [{}, {scale: 's', stroke: DURATION, width: 1.5}, {scale: 'b', stroke: BYTES, width: 1},
            Object.assign({scale: 's'}, points(FAILURE))]
        },
        // by position rather than time, so that 30 runs take the same width however far apart they were
        data: [series.time.map((_, i) => i), series.duration, series.bytes, failureMarks(series)]
      };
    },
    'bytes-duration'(series, width, height) {
      return {
        opts: {
          width, height,
          axes: [{}, {scale: 'b', values: (u, ticks) => ticks.map(bytes), size: 70},
            {scale: 's', side: 1, values: (u, ticks) => ticks.map(t => t + ' s'), grid: {show: false}}],
          series: [{}, {label: 'bytes', scale: 'b', stroke: BYTES, value: (u, v) => bytes(v)},
            {label: 'duration (s)', scale: 's', stroke: DURATION},
            Object.assign({label: 'failed run', scale: 's'}, points(FAILURE))]
        },
        data: [series.time, series.bytes, series.duration, failureMarks(series)]
      };
    },
    files(series, width, height) {
      return {
        opts: {
          width, height,
          series: [{}, {label: 'transferred', stroke: OK}, {label: 'failed', stroke: FAILURE}]
        },
        data: [series.time, series.transferred, series.filesFailed]
      };
    }
  };

  document.querySelectorAll('.chart[data-chart][data-series]').forEach(element => {
    const series = JSON.parse(element.dataset.series);
    if (series.time.length === 0) {
      element.textContent = 'no runs yet';
      element.classList.add('muted');
      return;
    }
    const sparkline = element.dataset.chart === 'sparkline';
    const chart = charts[element.dataset.chart](series, element.clientWidth || 600, sparkline ? 40 : 220);
    new uPlot(chart.opts, chart.data, element);
  });
})();
