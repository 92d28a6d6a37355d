/*
 * Moravec's charts, shared by the web page (app.js) and the HTML report (report.js). They are drawn
 * by Chart.js (the global Chart, from its WebJar); this file only says what to draw: the quadrant
 * scatter and the ranking bar chart, with their colours, legends, tooltips and table alternatives.
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
  const BAR_COLOR = '#0072B2';
  const INTERVAL_COLOR = 'rgba(0, 0, 0, 0.6)';
  const INK = '#1f2328';
  const GRID = '#d0d7de';

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

  /**
   * The quadrant scatter: one point per task, x = transferability, y = verification cost, coloured
   * and shaped by quadrant, with the thresholds drawn as dashed lines.
   * data: the /api/tasks answer; onPoint(point) is called when a point is clicked.
   */
  function scatter(canvas, data, onPoint) {
    const t = data.thresholds.transferability;
    const v = data.thresholds.verificationCost;
    const datasets = QUADRANTS.map(q => ({
      type: 'scatter',
      label: q.label,
      quadrant: q.key,
      data: data.points.filter(p => p.quadrant === q.key)
        .map(p => ({ x: p.transferability, y: p.verificationCost, point: p })),
      backgroundColor: q.color + 'b3',
      borderColor: q.color,
      borderWidth: 1,
      pointStyle: q.shape,
      pointRadius: data.points.length > 3000 ? 2 : 4,
      pointHoverRadius: 7,
    }));
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
              afterLabel: item => 'T ' + number(item.raw.x) + '  V ' + number(item.raw.y) + '  score '
                + number(item.raw.point.score) + '  ' + quadrant(item.raw.point.quadrant).short,
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
              title: items => items.length ? (rows[items[0].dataIndex].title || '') + ' ' + rows[items[0].dataIndex].code : '',
              label: item => {
                const r = rows[item.dataIndex];
                if (item.datasetIndex === 1) {
                  return r.interval ? '90% interval ' + number(r.interval.low) + '–' + number(r.interval.high) : '';
                }
                return ['score ' + number(r.score) + (r.overridden ? ' (analyst override)' : '') + '  T '
                  + number(r.transferability) + '  V ' + number(r.verificationCost)
                  + (r.rankRange ? '  rank ' + r.rank + ', 90% range ' + r.rankRange.low + '–' + r.rankRange.high : ''),
                  QUADRANTS.map(q => q.short + ' ' + percent(r.shares[q.key])).join(', ')];
              },
            },
          },
        },
        onClick: (event, elements) => {
          if (elements.length && onBar) {
            onBar(rows[elements[0].index]);
          }
        },
        onHover: (event, elements) => {
          event.native.target.style.cursor = elements.length && onBar ? 'pointer' : 'default';
        },
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
      ['Task', 'Occupation', 'T', 'V', 'Score', 'Quadrant'],
      shown.map(p => [p.statement, p.title + ' (' + p.code + ')', number(p.transferability), number(p.verificationCost),
        number(p.score), badge(p.quadrant)]));
  }

  /** The ranking's table; open(row) makes each name a button. */
  function rankingTable(caption, rows, open) {
    return table(caption, ['#', 'Rank range', 'Name', 'Code', 'Score', '90% interval', 'T', 'V', 'Tasks']
      .concat(QUADRANTS.map(q => q.short)),
      rows.map(r => {
        let name = r.title || r.statement || r.code;
        if (open) {
          const button = element('button', name, 'link');
          button.type = 'button';
          button.addEventListener('click', () => open(r));
          name = button;
        }
        return [String(r.rank), range(r.rankRange), name, r.code, number(r.score) + (r.overridden ? ' *' : ''),
          interval(r.interval), number(r.transferability), number(r.verificationCost), count(r.tasks)]
          .concat(QUADRANTS.map(q => percent(r.shares[q.key])));
      }));
  }

  /** A 90% interval as tables show it: "0.38–0.44", or "–" for none. */
  function interval(i) {
    return i ? number(i.low) + '–' + number(i.high) : '–';
  }

  /** A 90% rank range as tables show it: "7–19", or "–" for none. */
  function range(r) {
    return r ? r.low + '–' + r.high : '–';
  }

  return { QUADRANTS, quadrant, number, count, percent, defaults, interval, range, scatter, ranking, shares, element, table, badge,
    quadrantTable, pointsTable, rankingTable };
})();
