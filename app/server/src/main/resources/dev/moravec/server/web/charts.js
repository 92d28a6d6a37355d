/*
 * Moravec's charts, shared by the web page (app.js) and the HTML report (report.js). They are drawn
 * by Chart.js (the global Chart, from its WebJar); this file only says what to draw: the quadrant
 * scatter (with the tasks a scenario moved marked), the ranking bar chart and the stacked bars of why
 * families lag, with their colours, legends, tooltips and table alternatives, and the scenarios' table.
 * Data comes in the shapes the API answers with (see /api/openapi.json).
 */
'use strict';

const MoravecCharts = (() => {
  // Okabe-Ito colours, told apart by people with colour-vision deficiencies; each quadrant also has
  // its own point shape, so colour is never the only cue
  const QUADRANTS = [
    { key: 'PURE_REASONING', label: 'Pure reasoning (automated first)', short: 'Pure reasoning', color: '#0072B2', shape: 'circle' },
    { key: 'VERIFICATION_BOUND', label: 'Verification-bound', short: 'Verification-bound', color: '#009E73', shape: 'triangle' },
    { key: 'KNOWLEDGE_BOUND', label: 'Knowledge-bound', short: 'Knowledge-bound', color: '#B86E00', shape: 'rect' },
    { key: 'LAGGING', label: 'Lagging (automated last)', short: 'Lagging', color: '#A6467F', shape: 'rectRot' },
  ];
  const BY_KEY = Object.fromEntries(QUADRANTS.map(q => [q.key, q]));
  // the bottleneck factors in the API's order, coloured from Paul Tol's muted scheme (safe for colour-vision
  // deficiencies); every chart of them also has a table, so colour is never the only cue
  const FACTOR_COLORS = {
    EMBODIMENT: '#CC6677', PERCEPTION: '#88CCEE', PRESENCE: '#AA4499', TACIT_KNOWLEDGE: '#DDCC77',
    COMPUTER_USE: '#332288', LONG_HORIZON: '#117733', SLOW_FEEDBACK: '#44AA99', TASTE: '#882255',
  };
  const UNNAMED = { key: null, label: 'No factor named', color: '#DDDDDD' };
  const BAR_COLOR = '#0072B2';
  const INTERVAL_COLOR = 'rgba(0, 0, 0, 0.6)';
  const INK = '#1f2328';
  const GRID = '#d0d7de';
  const MOVED_STYLE = 'star';

  function quadrant(key) {
    return BY_KEY[key] || { key, label: key, short: key, color: '#6e7781', shape: 'circle' };
  }

  function number(value, digits = 2) {
    return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
  }

  function count(value) {
    return Number(value).toLocaleString('en-US');
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : Math.round(100 * value) + '%';
  }

  /** A factor's or a verification mode's name in words: TACIT_KNOWLEDGE -> Tacit knowledge. */
  function words(key) {
    if (!key) {
      return '–';
    }
    const text = String(key).toLowerCase().replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Factors and their strengths or shares, strongest first: "Embodiment 0.82, Perception 0.40". */
  function factorList(values, format = number) {
    return Object.entries(values || {}).sort((a, b) => b[1] - a[1])
      .map(([factor, value]) => words(factor) + ' ' + format(value)).join(', ') || '–';
  }

  // tooltips wrap long statements instead of running off the canvas
  function wrap(text, width = 60) {
    const lines = [];
    let line = '';
    for (const word of String(text).split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    if (line) {
      lines.push(line);
    }
    return lines;
  }

  function defaults() {
    Chart.defaults.color = INK;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    Chart.defaults.font.size = 13;
    Chart.defaults.borderColor = GRID;
  }

  function moved(point) {
    return Boolean(point.movedBy && point.movedBy.length);
  }

  /**
   * The quadrant scatter: one point per task, x = transferability, y = verification cost, coloured
   * and shaped by quadrant, with the thresholds drawn as dashed lines. Under a scenario (data.scenario)
   * the tasks it moved are drawn last, as larger dark stars, and their tooltip names the factors that
   * moved them.
   * data: the /api/tasks answer; onPoint(point) is called when a point is clicked.
   */
  function scatter(canvas, data, onPoint) {
    const t = data.thresholds.transferability;
    const v = data.thresholds.verificationCost;
    const radius = data.points.length > 3000 ? 2 : 4;
    const datasets = QUADRANTS.map(q => {
      const points = data.points.filter(p => p.quadrant === q.key);
      // the moved ones last, so that they are drawn over the others
      points.sort((a, b) => moved(a) - moved(b));
      return {
        type: 'scatter',
        label: q.label,
        quadrant: q.key,
        data: points.map(p => ({ x: p.transferability, y: p.verificationCost, point: p })),
        backgroundColor: q.color + 'b3',
        borderColor: points.map(p => (moved(p) ? INK : q.color)),
        borderWidth: points.map(p => (moved(p) ? 1.5 : 1)),
        pointStyle: points.map(p => (moved(p) ? MOVED_STYLE : q.shape)),
        pointRadius: points.map(p => (moved(p) ? 6 : radius)),
        pointHoverRadius: 7,
      };
    });
    if (data.scenario) {
      // no points of its own: it puts the moved tasks' mark in the legend
      datasets.push({
        type: 'scatter', label: 'Moved by ' + data.scenario + ' (' + count(data.moved) + ')', data: [],
        pointStyle: MOVED_STYLE, borderColor: INK, borderWidth: 1.5, backgroundColor: INK, movedLegend: true,
      });
    }
    const line = (label, points) => ({
      type: 'line', label, data: points, borderColor: INK, borderWidth: 1.5, borderDash: [6, 4],
      pointRadius: 0, pointHoverRadius: 0, fill: false, threshold: true,
    });
    datasets.push(line('Threshold T = ' + t, [{ x: t, y: 0 }, { x: t, y: 1 }]));
    datasets.push(line('Threshold V = ' + v, [{ x: 0, y: v }, { x: 1, y: v }]));
    return new Chart(canvas, {
      type: 'scatter',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: true,
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: {
            type: 'linear', min: 0, max: 1,
            title: { display: true, text: 'Transferability T (0 tacit, 1 written down)' },
          },
          y: {
            type: 'linear', min: 0, max: 1,
            title: { display: true, text: 'Verification cost V (0 cheap, 1 costly)' },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, filter: item => !item.text.startsWith('Threshold') } },
          tooltip: {
            filter: item => !item.dataset.threshold,
            callbacks: {
              title: items => items.length ? items[0].raw.point.title + ' (' + items[0].raw.point.code + ')' : '',
              label: item => wrap(item.raw.point.statement),
              afterLabel: item => {
                const point = item.raw.point;
                const lines = ['T ' + number(item.raw.x) + '  V ' + number(item.raw.y) + '  score '
                  + number(point.score) + '  ' + quadrant(point.quadrant).short];
                if (point.bottleneck) {
                  lines.push('Held back mainly by: ' + words(point.bottleneck));
                }
                if (moved(point)) {
                  lines.push('Moved by ' + data.scenario + ', relieving: ' + point.movedBy.map(words).join(', '));
                }
                return lines;
              },
            },
          },
        },
        onClick: (event, elements, chart) => {
          const hit = elements.find(e => !chart.data.datasets[e.datasetIndex].threshold);
          if (hit && onPoint) {
            onPoint(chart.data.datasets[hit.datasetIndex].data[hit.index].point);
          }
        },
      },
    });
  }

  // the code first, then as much of the title as fits beside the bars; the tooltip and the table have it whole
  function rowLabel(row) {
    const title = (row.title || row.statement || '').replace(/ Occupations$/, '');
    return row.code + ' ' + (title.length > 30 ? title.slice(0, 29) + '…' : title);
  }

  // a horizontal bar's tooltip title: its row's whole title and code
  function rowTitle(rows) {
    return items => (items.length ? (rows[items[0].dataIndex].title || '') + ' ' + rows[items[0].dataIndex].code : '');
  }

  // a click on a bar calls onBar with its row, and the pointer shows that bars can be clicked
  function clickable(rows, onBar) {
    return {
      onClick: (event, elements) => {
        if (elements.length && onBar) {
          onBar(rows[elements[0].index]);
        }
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = elements.length && onBar ? 'pointer' : 'default';
      },
    };
  }

  /**
   * The ranking: one horizontal bar per family or occupation, its length the reasoning score.
   * rows: the /api/rank answer's rows, in the order to show; onBar(row) is called when a bar is clicked.
   */
  function ranking(canvas, rows, onBar) {
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(rowLabel),
        datasets: [{
          label: 'Reasoning score S = T × (1 − V)',
          data: rows.map(r => r.score),
          backgroundColor: BAR_COLOR,
          borderRadius: 2,
          grouped: false,
          order: 2,
        }, {
          // the 90% interval, a thin dark bar over the score's (floating bars: [low, high])
          label: '90% interval',
          interval: true,
          data: rows.map(r => r.interval ? [r.interval.low, r.interval.high] : null),
          backgroundColor: INTERVAL_COLOR,
          barPercentage: 0.25,
          grouped: false,
          order: 1,
        }],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { min: 0, title: { display: true, text: 'Reasoning score S (higher: taken over sooner)' } },
          y: { ticks: { autoSkip: false, font: { size: 12 } } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: rowTitle(rows),
              label: item => {
                const r = rows[item.dataIndex];
                if (item.datasetIndex === 1) {
                  return r.interval ? '90% interval ' + number(r.interval.low) + '–' + number(r.interval.high) : '';
                }
                const lines = ['score ' + number(r.score) + (r.overridden ? ' (analyst override)' : '') + '  T '
                  + number(r.transferability) + '  V ' + number(r.verificationCost)
                  + (r.rankRange ? '  rank ' + r.rank + ', 90% range ' + r.rankRange.low + '–' + r.rankRange.high : ''),
                  QUADRANTS.map(q => q.short + ' ' + percent(r.shares[q.key])).join(', ')];
                if (r.bottleneck) {
                  lines.push('Held back mainly by: ' + words(r.bottleneck));
                }
                return lines;
              },
            },
          },
        },
        ...clickable(rows, onBar),
      },
    });
  }

  /** The share of an occupation's tasks in each quadrant, as one stacked bar. */
  function shares(canvas, sharesByQuadrant) {
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ['Tasks'],
        datasets: QUADRANTS.map(q => ({ label: q.short, data: [sharesByQuadrant[q.key] || 0], backgroundColor: q.color })),
      },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, min: 0, max: 1, ticks: { callback: value => Math.round(value * 100) + '%' } },
          y: { stacked: true, display: false },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: { callbacks: { label: item => item.dataset.label + ': ' + percent(item.raw) } },
        },
      },
    });
  }

  /** The share of a family's work that lags without a factor a scorer named. */
  function unnamedShare(row) {
    const named = Object.values(row.ofLagging || {}).reduce((a, b) => a + b, 0);
    return Math.max(0, row.laggingShare * (1 - named));
  }

  /** A horizontal bar chart's box grows with its bars. */
  function fitBars(canvas, bars) {
    canvas.parentElement.style.height = Math.max(220, 60 + 22 * bars) + 'px';
  }

  /** What the bottleneck chart shows, in words; data: the /api/bottlenecks answer, rows: those of its rows on the chart. */
  function bottleneckNote(data, rows) {
    const named = data.rows.some(r => Object.keys(r.ofLagging).length);
    return (data.rows.length > rows.length ? 'The ' + rows.length + ' of ' + count(data.rows.length)
      + ' with the most lagging work. ' : '') + 'Each bar is as long as the share of the work that lags; its parts say'
      + ' which factor mainly holds those tasks back.'
      + (named || !data.rows.length ? '' : ' No scorer named bottleneck factors, so no lagging work has one.');
  }

  /**
   * Why families lag: one horizontal bar per family, as long as the share of its work that lags, split by
   * the factor that mainly holds each lagging task back (and the rest, where no factor was named).
   * data: the /api/bottlenecks answer; rows: its rows to show; onBar(row) is called when a bar is clicked.
   */
  function bottlenecks(canvas, data, rows, onBar) {
    const datasets = data.factors
      .filter(f => rows.some(r => r.ofLagging[f.factor]))
      .map(f => ({
        label: words(f.factor),
        factor: f.factor,
        data: rows.map(r => r.laggingShare * (r.ofLagging[f.factor] || 0)),
        backgroundColor: FACTOR_COLORS[f.factor] || UNNAMED.color,
      }));
    datasets.push({ label: UNNAMED.label, factor: null, data: rows.map(unnamedShare), backgroundColor: UNNAMED.color });
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: rows.map(rowLabel), datasets },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: {
            stacked: true, min: 0, max: 1, ticks: { callback: value => Math.round(value * 100) + '%' },
            title: { display: true, text: 'Share of its work that lags, by what mainly holds it back' },
          },
          y: { stacked: true, ticks: { autoSkip: false, font: { size: 12 } } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              title: rowTitle(rows),
              label: item => {
                const r = rows[item.dataIndex];
                const ofLagging = r.laggingShare > 0 ? item.raw / r.laggingShare : 0;
                return item.dataset.label + ': ' + percent(item.raw) + ' of its work (' + percent(ofLagging)
                  + ' of its lagging work)';
              },
              footer: items => items.length ? 'Lagging: ' + percent(rows[items[0].dataIndex].laggingShare)
                + ' of its work' + (rows[items[0].dataIndex].dominant ? '; mainly ' + words(rows[items[0].dataIndex].dominant) : '') : '',
            },
          },
        },
        ...clickable(rows, onBar),
      },
    });
  }

  // --- tables: every chart has one, built with text nodes only (data never becomes markup) ---

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function table(caption, headers, rows) {
    const t = element('table');
    t.appendChild(element('caption', caption));
    const head = t.createTHead().insertRow();
    for (const h of headers) {
      const th = element('th', h);
      th.scope = 'col';
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const cells of rows) {
      const tr = body.insertRow();
      for (const cell of cells) {
        const td = tr.insertCell();
        if (cell instanceof Node) {
          td.appendChild(cell);
        } else {
          td.textContent = cell;
        }
      }
    }
    return t;
  }

  function badge(key) {
    const q = quadrant(key);
    const span = element('span', q.short, 'badge');
    span.style.borderColor = q.color;
    span.style.color = q.color;
    return span;
  }

  /** The scatter's table: tasks per quadrant. */
  function quadrantTable(data) {
    const total = Object.values(data.quadrants).reduce((a, b) => a + b, 0) || 1;
    return table('Tasks per quadrant (' + count(data.total) + ' tasks with both axes rated)', ['Quadrant', 'Tasks', 'Share'],
      QUADRANTS.map(q => [badge(q.key), count(data.quadrants[q.key] || 0), percent((data.quadrants[q.key] || 0) / total)]));
  }

  /** The scatter's points as a table, the first `max` of them. */
  function pointsTable(data, max = 200) {
    const shown = data.points.slice(0, max);
    return table('Tasks on the chart' + (data.points.length > max ? ' (first ' + count(max) + ' of ' + count(data.points.length) + ')' : ''),
      ['Task', 'Occupation', 'T', 'V', 'Score', 'Quadrant', 'Held back by'].concat(data.scenario ? ['Moved by'] : []),
      shown.map(p => [p.statement, p.title + ' (' + p.code + ')', number(p.transferability), number(p.verificationCost),
        number(p.score), badge(p.quadrant), words(p.bottleneck)]
        .concat(data.scenario ? [(p.movedBy || []).map(words).join(', ') || '–'] : [])));
  }

  // a SOC or O*NET-SOC code, kept on one line in a narrow column
  function code(text) {
    return element('span', text, 'code');
  }

  // a row's name: a button that opens it where open is given, else text
  function nameCell(row, open) {
    const name = row.title || row.statement || row.code;
    if (!open) {
      return name;
    }
    const button = element('button', name, 'link');
    button.type = 'button';
    button.addEventListener('click', () => open(row));
    return button;
  }

  /** The ranking's table; open(row) makes each name a button. */
  function rankingTable(caption, rows, open) {
    return table(caption, ['#', 'Rank range', 'Name', 'Code', 'Score', '90% interval', 'T', 'V', 'Tasks']
      .concat(QUADRANTS.map(q => q.short), ['Held back by']),
    rows.map(r => [String(r.rank), range(r.rankRange), nameCell(r, open), code(r.code),
      number(r.score) + (r.overridden ? ' *' : ''), interval(r.interval), number(r.transferability),
      number(r.verificationCost), count(r.tasks)].concat(QUADRANTS.map(q => percent(r.shares[q.key])), [words(r.bottleneck)])));
  }

  /** A 90% interval as tables show it: "0.38–0.44", or "–" for none. */
  function interval(i) {
    return i ? number(i.low) + '–' + number(i.high) : '–';
  }

  /** A 90% rank range as tables show it: "7–19", or "–" for none. */
  function range(r) {
    return r ? r.low + '–' + r.high : '–';
  }

  /** The bottleneck chart's table: each family's lagging share and what holds its lagging work back; open(row) as above. */
  function bottleneckTable(data, open) {
    const caption = 'Why they lag at the ' + data.level + ' level: the share of the work that lags, and of the lagging'
      + ' work, the share each factor mainly holds back';
    const factors = data.factors.map(f => f.factor).filter(f => data.rows.some(r => r.ofLagging[f]));
    const employment = data.rows.some(r => r.employment !== null && r.employment !== undefined);
    return table(caption, ['Name', 'Code', 'Lagging', 'Mainly'].concat(factors.map(words), [UNNAMED.label],
      employment ? ['Employment', 'Workers its main factor holds back'] : []),
    data.rows.map(r => [nameCell(r, open), code(r.code), percent(r.laggingShare), words(r.dominant)]
      .concat(factors.map(f => (r.ofLagging[f] ? percent(r.ofLagging[f]) : '')),
        [r.laggingShare > 0 ? percent(unnamedShare(r) / r.laggingShare) : ''],
        employment ? [r.employment === null ? '–' : count(r.employment),
          r.dominant && r.workers && r.workers[r.dominant] !== undefined ? count(r.workers[r.dominant]) : '–'] : [])));
  }

  /** What a scenario changes, in a sentence: the tasks that change quadrant and the employment that stops lagging. */
  function scenarioSummary(s) {
    const transitions = Object.entries(s.transitions).sort((a, b) => b[1] - a[1])
      .map(([move, n]) => count(n) + ' ' + move.split(' -> ').map(q => quadrant(q).short).join(' → ')).join(', ');
    return s.name + (s.description ? ' (' + s.description + ')' : '') + ' relieves ' + factorList(s.relief, percent)
      + '. It moves ' + count(s.moved) + ' of ' + count(s.tasks) + ' tasks; ' + count(s.changedQuadrant)
      + ' change quadrant' + (transitions ? ' (' + transitions + ')' : '') + '; ' + count(s.occupationsChanged) + ' of '
      + count(s.occupations) + ' occupations change quadrant; '
      + (s.employmentLeavingLagging === null ? 'employment that stops lagging: not known (no employment file imported).'
        : count(s.employmentLeavingLagging) + ' workers’ work stops lagging.');
  }

  /** Every scenario's impact, one row each. */
  function scenarioTable(caption, data) {
    return table(caption, ['Scenario', 'Relieves', 'Tasks moved', 'Change quadrant', 'Occupations changing quadrant',
      'Employment that stops lagging', 'Families rising most'],
    data.scenarios.map(s => [s.name + (s.description ? ': ' + s.description : ''), factorList(s.relief, percent),
      count(s.moved) + ' of ' + count(s.tasks), count(s.changedQuadrant), count(s.occupationsChanged) + ' of ' + count(s.occupations),
      s.employmentLeavingLagging === null ? '–' : count(s.employmentLeavingLagging),
      s.rises.map(r => (r.title || r.code) + ' +' + number(r.delta)).join('; ') || '–']));
  }

  return { QUADRANTS, quadrant, number, count, percent, words, factorList, defaults, scatter, ranking, shares,
    fitBars, bottlenecks, bottleneckNote, element, table, badge, quadrantTable, pointsTable, rankingTable, interval, range,
    bottleneckTable, scenarioSummary, scenarioTable };
})();
