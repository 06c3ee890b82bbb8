// Draws every chart of a page with uPlot from the JSON its element carries (see web.RunSeries),
// and follows a running run's progress on its page and on the overview's running badge.
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

  function duration(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
  }

  function cell(className, text) {
    const td = document.createElement('td');
    td.className = className;
    td.textContent = text;
    return td;
  }

  const readProgress = url => fetch(url, {headers: {Accept: 'application/json'}, cache: 'no-store'});
  const percent = p => (Number.isInteger(p.percent) ? p.percent : p.percent.toFixed(1)) + ' %';

  // textContent and createElement only: paths come from listings, and a listing may be hostile
  function showProgress(section, p) {
    const text = (id, value) => { section.querySelector('#' + id).textContent = value; };
    section.querySelector('#progress-bar').value = p.percent;
    text('progress-percent', percent(p));
    text('progress-bytes', p.bytesPlanned == null ? bytes(p.bytesDone) + ' (planning)'
      : bytes(p.bytesDone) + ' of ' + bytes(p.bytesPlanned));
    text('progress-rate', bytes(p.bytesPerSecond) + '/s');
    text('progress-eta', p.etaSeconds != null ? duration(p.etaSeconds) : p.status === 'RUNNING' ? 'unknown' : '');
    text('progress-files', `${p.filesDone} done, ${p.filesFailed} failed`
      + (p.filesPlanned == null ? '' : ` of ${p.filesPlanned}`));
    section.querySelector('#progress-in-flight tbody').replaceChildren(...p.inFlight.map(file => {
      const row = document.createElement('tr');
      row.className = 'in-flight';
      row.append(cell('path', file.path), cell('offset n', bytes(file.offset)),
        cell('size n', file.size < 0 ? 'unknown' : bytes(file.size)));
      return row;
    }));
  }

  function notice(section, state, message, link) {
    section.dataset.state = state;
    const line = section.querySelector('#progress-notice');
    line.textContent = message;
    if (link) {
      const a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      line.append(' ', a);
    }
  }

  const progress = document.getElementById('live-progress');
  if (progress && progress.dataset.progressUrl) {
    const reload = {href: location.pathname, text: 'Show its files and final figures'};
    let seen = false;
    // resolves to whether to ask again
    const read = response => {
      if (response.status === 404) {
        notice(progress, 'elsewhere', seen ? 'This run is no longer running here.'
          : 'Progress is shown on the node running it; these are the figures the history holds.', reload);
        return false;
      }
      if (response.status === 401) {
        notice(progress, 'unavailable', 'Log in again to follow this run.', {href: '/login', text: 'Log in'});
        return false;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json().then(p => {
        seen = true;
        showProgress(progress, p);
        if (p.status === 'RUNNING') {
          notice(progress, 'running', 'This run is under way.');
          return true;
        }
        notice(progress, 'ended', p.status === 'ENDED' ? 'This run ended.' : `This run ended: ${p.status}.`, reload);
        return false;
      });
    };
    const poll = () => readProgress(progress.dataset.progressUrl)
      .then(read)
      .catch(() => {
        notice(progress, 'unavailable', 'Progress could not be read just now; trying again.');
        return true;
      })
      .then(again => { if (again) setTimeout(poll, 1000); });
    poll();
  }

  // the overview's badge of a job running here: how far its run got; left as it is for a run elsewhere
  document.querySelectorAll('.badge[data-progress-url]').forEach(badge => {
    const poll = () => readProgress(badge.dataset.progressUrl)
      .then(response => response.ok ? response.json() : null)
      .then(p => {
        if (p == null) return;
        badge.textContent = p.status === 'RUNNING' ? 'running ' + percent(p) : 'ended';
        if (p.status === 'RUNNING') setTimeout(poll, 2000);
      })
      .catch(() => setTimeout(poll, 2000));
    poll();
  });
})();
