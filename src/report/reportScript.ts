// The report page's own script (inlined after Chart.js; its hash goes into the Content-Security-Policy).
// It reads the JSON data block and builds every element with createElement/textContent: data from
// scraped pages is never parsed as HTML. Charts draw on canvas (labels and tooltips included).

export const reportScript = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var css = getComputedStyle(document.documentElement);
  var color = function (name) { return css.getPropertyValue('--' + name).trim() || '#667085'; };
  var outcomeColor = function (o) { return ['written', 'unchanged', 'rejected', 'skipped', 'missing'].indexOf(o) >= 0 ? color(o) : '#667085'; };
  var fmt = new Intl.NumberFormat('en');
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clip(text, max) {
    text = String(text);
    return text.length <= max ? text : '\u2026' + text.slice(text.length - max + 1);
  }
  function empty(containerId, message) {
    var box = $(containerId);
    box.textContent = '';
    box.className = 'empty';
    box.textContent = message;
  }
  function seconds(from, to) {
    var ms = Date.parse(to) - Date.parse(from);
    return isFinite(ms) ? (ms / 1000).toFixed(1) + ' s' : '?';
  }
  function canvasIn(containerId) {
    var canvas = document.createElement('canvas');
    // Screen readers get the card's heading; the numbers are in the tiles and the table.
    var card = $(containerId).closest('section');
    var heading = card ? card.querySelector('h2') : null;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', heading ? heading.textContent : 'chart');
    $(containerId).appendChild(canvas);
    return canvas;
  }

  // Writes each bar's value (as options.plugins.valueLabels.format gives it) just past the bar's end.
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart, _args, options) {
      if (!options || !options.format) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '12px ' + Chart.defaults.font.family;
      ctx.fillStyle = '#344054';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach(function (bar, i) {
        ctx.fillText(options.format(chart.data.datasets[0].data[i], i), bar.x + 6, bar.y);
      });
      ctx.restore();
    },
  };
  Chart.register(valueLabels);
  Chart.defaults.plugins.valueLabels = false;
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#475467';
  Chart.defaults.plugins.legend.labels.boxWidth = 12;

  // Header and tiles.
  var run = data.run;
  $('run-meta').textContent = run === null
    ? 'No run recorded in this database.'
    : 'Run ' + run.id + ' \u00b7 started ' + run.startedAt + (run.finishedAt ? ' \u00b7 took ' + seconds(run.startedAt, run.finishedAt) : ' \u00b7 not finished') +
      ' \u00b7 parser ' + run.parserVersion + ' \u00b7 report generated ' + data.generatedAt;
  var outcomeTotals = {};
  data.byFormat.forEach(function (f) {
    Object.keys(f.counts).forEach(function (o) { outcomeTotals[o] = (outcomeTotals[o] || 0) + f.counts[o]; });
  });
  var errorCount = 0, warningCount = 0;
  data.rules.forEach(function (r) { errorCount += r.errors; warningCount += r.warnings; });
  var inRun = 0;
  data.outcomes.forEach(function (o) { if (o !== 'missing') inRun += outcomeTotals[o] || 0; });
  var tiles = [['sources', inRun, 'inputs in run']];
  data.outcomes.forEach(function (o) { tiles.push([o, outcomeTotals[o] || 0, o]); });
  if (run !== null && run.counts.pruned) tiles.push(['missing', run.counts.pruned, 'pruned']);
  tiles.push(['errors', errorCount, 'errors'], ['warnings', warningCount, 'warnings']);
  tiles.forEach(function (t) {
    var tile = el('div', 'tile ' + t[0]);
    tile.appendChild(el('div', 'value', fmt.format(t[1])));
    tile.appendChild(el('div', 'label', t[2]));
    $('tiles').appendChild(tile);
  });

  // Sources by outcome, and by format.
  var outcomeValues = data.outcomes.map(function (o) { return outcomeTotals[o] || 0; });
  if (inRun + (outcomeTotals.missing || 0) === 0) empty('chart-outcomes', 'No sources.');
  else new Chart(canvasIn('chart-outcomes'), {
    type: 'doughnut',
    data: { labels: data.outcomes, datasets: [{ data: outcomeValues, backgroundColor: data.outcomes.map(outcomeColor), borderWidth: 1 }] },
    options: { cutout: '58%', plugins: { legend: { position: 'right' } } },
  });
  if (data.byFormat.length === 0) empty('chart-formats', 'No sources.');
  else new Chart(canvasIn('chart-formats'), {
    type: 'bar',
    data: {
      labels: data.byFormat.map(function (f) { return f.format; }),
      datasets: data.outcomes.map(function (o) {
        return { label: o, data: data.byFormat.map(function (f) { return f.counts[o] || 0; }), backgroundColor: outcomeColor(o) };
      }),
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
  });

  // Diagnostics by rule and severity; worst files.
  if (data.rules.length === 0) empty('chart-rules', 'No diagnostics: every source is clean.');
  else {
    $('chart-rules').style.height = Math.max(180, 28 * data.rules.length + 60) + 'px';
    new Chart(canvasIn('chart-rules'), {
      type: 'bar',
      data: {
        labels: data.rules.map(function (r) { return r.rule; }),
        datasets: [
          { label: 'errors', data: data.rules.map(function (r) { return r.errors; }), backgroundColor: color('rejected') },
          { label: 'warnings', data: data.rules.map(function (r) { return r.warnings; }), backgroundColor: color('skipped') },
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
        plugins: { tooltip: { callbacks: { afterBody: function (items) {
          var r = data.rules[items[0].dataIndex];
          return r ? 'in ' + r.files + (r.files === 1 ? ' source' : ' sources') : '';
        } } } },
      },
    });
  }
  if (data.worstFiles.length === 0) empty('worst-files', 'No file has a diagnostic.');
  else {
    var worst = el('table');
    var head = el('tr');
    ['File', 'Outcome', 'Errors', 'Warnings'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    worst.appendChild(head);
    data.worstFiles.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('td', 'path', f.path));
      var cell = el('td');
      cell.appendChild(badge(f.outcome));
      tr.appendChild(cell);
      tr.appendChild(el('td', 'num', fmt.format(f.errors)));
      tr.appendChild(el('td', 'num', fmt.format(f.warnings)));
      worst.appendChild(tr);
    });
    $('worst-files').appendChild(worst);
  }

  // Field coverage and theme splits.
  var records = data.coverage.records;
  $('coverage-note').textContent = 'Share of the ' + fmt.format(records) + ' stored records that have each field (non-empty).';
  if (records === 0) empty('chart-coverage', 'No records stored.');
  else new Chart(canvasIn('chart-coverage'), {
    type: 'bar',
    data: {
      labels: data.coverage.fields.map(function (f) { return f.field; }),
      datasets: [{ label: '% of records', data: data.coverage.fields.map(function (f) { return Math.round(1000 * f.count / records) / 10; }), backgroundColor: color('accent') }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
      layout: { padding: { right: 100 } },
      plugins: { valueLabels: { format: function (v, i) { return fmt.format(data.coverage.fields[i].count) + ' (' + v + '%)'; } }, legend: { display: false }, tooltip: { callbacks: { label: function (item) {
        var f = data.coverage.fields[item.dataIndex];
        return fmt.format(f.count) + ' of ' + fmt.format(records) + ' (' + item.raw + '%)';
      } } } },
    },
  });
  var t = data.themes;
  if (t.separated + t.inferred + t.none === 0) empty('chart-themes', 'No records stored.');
  else new Chart(canvasIn('chart-themes'), {
    type: 'doughnut',
    data: { labels: ['separated', 'inferred', 'no themes'], datasets: [{ data: [t.separated, t.inferred, t.none], backgroundColor: [color('written'), color('skipped'), color('unchanged')], borderWidth: 1 }] },
    options: { cutout: '55%', plugins: { legend: { position: 'bottom' } } },
  });
  var confidenceTotal = t.confidence.reduce(function (a, b) { return a + b; }, 0);
  if (confidenceTotal === 0) empty('chart-confidence', 'No theme list was split by inference.');
  else new Chart(canvasIn('chart-confidence'), {
    type: 'bar',
    data: {
      labels: t.confidence.map(function (_, i) { return (i / 10).toFixed(1) + '\u2013' + ((i + 1) / 10).toFixed(1); }),
      datasets: [{ label: 'inferred splits', data: t.confidence, backgroundColor: color('skipped') }],
    },
    options: {
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { title: { display: true, text: 'confidence' } } },
      plugins: { legend: { display: false } },
    },
  });

  // Dimension score distributions: one small histogram per dimension, on a shared scale.
  if (data.dimensions.length === 0) empty('dimensions', 'No dimension scores stored.');
  else {
    var most = 0;
    data.dimensions.forEach(function (d) { d.bins.forEach(function (n) { if (n > most) most = n; }); });
    data.dimensions.forEach(function (d, index) {
      var cell = el('div');
      cell.appendChild(el('h3', null, d.name));
      cell.appendChild(el('div', 'stat', fmt.format(d.count) + ' scores \u00b7 mean ' + d.mean + ' \u00b7 median ' + d.median));
      var box = el('div', 'chart');
      box.id = 'chart-dimension-' + index;
      cell.appendChild(box);
      $('dimensions').appendChild(cell);
      new Chart(canvasIn(box.id), {
        type: 'bar',
        data: {
          labels: d.bins.map(function (_, i) { return i === 9 ? '90\u2013100' : i * 10 + '\u2013' + (i * 10 + 9); }),
          datasets: [{ label: d.name, data: d.bins, backgroundColor: color('accent'), barPercentage: 1, categoryPercentage: 0.92 }],
        },
        options: {
          scales: { y: { beginAtZero: true, suggestedMax: most, ticks: { precision: 0, maxTicksLimit: 4 } }, x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 5 } } },
          plugins: { legend: { display: false } },
        },
      });
    });
  }

  // Slowest pages.
  if (data.slowest === null) empty('chart-slowest', 'This database does not record parse times.');
  else if (data.slowest.length === 0) empty('chart-slowest', 'No source was parsed in a recorded run.');
  else {
    $('chart-slowest').style.height = Math.max(160, 24 * data.slowest.length + 50) + 'px';
    new Chart(canvasIn('chart-slowest'), {
      type: 'bar',
      data: {
        labels: data.slowest.map(function (s) { return clip(s.path, 48); }),
        datasets: [{ label: 'parse time (ms)', data: data.slowest.map(function (s) { return Math.round(s.ms * 10) / 10; }), backgroundColor: data.slowest.map(function (s) { return outcomeColor(s.outcome); }) }],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, title: { display: true, text: 'ms' } } },
        layout: { padding: { right: 60 } },
        plugins: { valueLabels: { format: function (v) { return v + ' ms'; } }, legend: { display: false }, tooltip: { callbacks: {
          title: function (items) { return data.slowest[items[0].dataIndex].path; },
          afterLabel: function (item) {
            var s = data.slowest[item.dataIndex];
            return (s.format || 'unknown format') + ', ' + (s.bytes === null ? '?' : fmt.format(s.bytes)) + ' bytes, ' + s.outcome;
          },
        } } },
      },
    });
  }

  // The table of rejected and warned sources, filtered by text and severity.
  function badge(kind) {
    var known = ['written', 'unchanged', 'rejected', 'skipped', 'missing', 'error', 'warning'].indexOf(kind) >= 0;
    return el('span', 'badge ' + (known ? kind : 'other'), kind);
  }
  var rows = [];
  data.problems.forEach(function (source) {
    var list = source.diagnostics.length > 0 ? source.diagnostics : [[null, '', null, null, '(no diagnostic stored)', null]];
    list.forEach(function (d) {
      var cells = [source.path, source.outcome, d[2] === null ? '' : d[2] + ':' + d[3], d[0] || '', d[1], d[4], d[5] || ''];
      rows.push({ source: source, d: d, severity: d[0], text: (cells.join('\n') + '\n' + (source.name || '') + '\n' + (source.id || '')).toLowerCase() });
    });
  });
  var limit = 1000;
  var body = $('problems-body');
  function render() {
    var query = $('problems-filter').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var severity = $('problems-severity').value;
    var matched = rows.filter(function (r) {
      if (severity !== 'all' && r.severity !== severity) return false;
      return query.every(function (q) { return r.text.indexOf(q) >= 0; });
    });
    body.textContent = '';
    var files = {};
    matched.forEach(function (r) { files[r.source.path] = true; });
    matched.slice(0, limit).forEach(function (r) {
      var tr = el('tr');
      var file = el('td', 'path', r.source.path);
      if (r.source.name) file.appendChild(el('div', 'leader', r.source.name));
      tr.appendChild(file);
      var outcome = el('td');
      outcome.appendChild(badge(r.source.outcome));
      tr.appendChild(outcome);
      tr.appendChild(el('td', 'num', r.d[2] === null ? '' : r.d[2] + ':' + r.d[3]));
      var severityCell = el('td');
      if (r.d[0]) severityCell.appendChild(badge(r.d[0]));
      tr.appendChild(severityCell);
      tr.appendChild(el('td', 'rule', r.d[1]));
      tr.appendChild(el('td', null, r.d[4]));
      tr.appendChild(el('td', 'rule', r.d[5] || ''));
      body.appendChild(tr);
    });
    var shown = Math.min(limit, matched.length);
    $('problems-count').textContent = (shown < matched.length ? 'Showing the first ' + fmt.format(shown) + ' of ' : 'Showing ') +
      fmt.format(matched.length) + ' of ' + fmt.format(rows.length) + ' diagnostics, in ' + fmt.format(Object.keys(files).length) + ' sources';
  }
  $('problems-filter').addEventListener('input', render);
  $('problems-severity').addEventListener('change', render);
  if (rows.length === 0) empty('problems', 'No source was rejected or warned about.');
  else render();
  document.documentElement.setAttribute('data-report-ready', 'true');
})();
`;
