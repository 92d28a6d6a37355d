/*
 * The HTML report: draws the same charts and tables as the web page (the scatter, the ranking, why
 * families lag and the scenarios' table) from the data embedded in the file (the API's JSON, written by
 * `moravec report`), so it opens offline, without a server.
 */
'use strict';

(() => {
  const C = MoravecCharts;
  const $ = id => document.getElementById(id);
  const data = JSON.parse($('report-data').textContent);
  let ranking = null;

  function drawRanking() {
    const order = document.querySelector('input[name=order]:checked').value;
    const all = data.ranking.rows;
    const rows = (order === 'lagging' ? all : all.slice().reverse()).slice(0, 25);
    if (ranking) {
      ranking.destroy();
    }
    C.fitBars($('ranking-chart'), rows.length);
    ranking = C.ranking($('ranking-chart'), rows, null);
    $('ranking-note').textContent = (all.length > rows.length ? 'The ' + rows.length + ' of ' + C.count(all.length) + ' ' : 'All ')
      + (data.ranking.level === 'occupation' ? 'occupations' : data.ranking.level + ' groups') + ', '
      + (order === 'lagging' ? 'lowest scores (lagging most) first' : 'highest scores (taken over soonest) first')
      + '. Weighting: ' + data.ranking.weighting + '.';
  }

  /** A published measure beside the scores, when the report was written with --measure. */
  function drawComparison(c) {
    $('comparison-section').hidden = false;
    const estimate = e => e ? e.value.toFixed(3) + (e.low === null ? '' : ' (90% interval ' + e.low.toFixed(3) + ' to '
      + e.high.toFixed(3) + ')') : '–';
    $('comparison-summary').textContent = '‘' + c.measure.name + '’ (' + c.measure.source + ', column ‘'
      + c.measure.valueColumn + '’) at the ' + c.level + ' level: ' + C.count(c.matched) + ' of ' + C.count(c.codes)
      + ' codes matched, ' + C.count(c.unmatched.length) + ' did not; ' + C.count(c.compared) + ' compared. Spearman '
      + estimate(c.spearman) + ', Pearson ' + estimate(c.pearson) + '.';
    new Chart($('comparison-chart'), {
      type: 'scatter',
      data: { datasets: [{ label: c.measure.name, data: c.points.map(p => ({ x: p.measure, y: p.moravec, point: p })),
        backgroundColor: '#0072B2b3', borderColor: '#0072B2', pointRadius: c.points.length > 300 ? 2 : 4 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: c.measure.name } },
          y: { title: { display: true, text: 'Moravec score S' } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: {
          label: item => { const p = item.raw.point; return (p.title || '') + ' ' + p.code + ': ' + C.number(p.moravec)
            + ' here, ' + p.measure.toFixed(3) + ' there'; } } } },
      },
    });
    const rows = units => units.map(u => [u.code, u.title || '', C.number(u.moravec) + (u.overridden ? ' *' : ''),
      String(u.moravecRank), u.measure.toFixed(3), String(u.measureRank), u.bottleneck || '–']);
    const head = ['Code', 'Title', 'Moravec', 'Rank', c.measure.name, 'Rank', 'Held back by'];
    $('comparison-tables').replaceChildren(
      C.table('Ranked higher by ‘' + c.measure.name + '’ than here', head, rows(c.disagreements.higherElsewhere)),
      C.table('Ranked higher here than by ‘' + c.measure.name + '’', head, rows(c.disagreements.higherHere)));
  }

  function start() {
    C.defaults();
    $('about').textContent = 'Taxonomy: ' + data.source + (data.family ? '; family ' + data.family.code + ' '
      + (data.family.title || '') : '') + '. Scorers: ' + (data.scorers.join(', ') || 'none') + '. Generated '
      + data.generated + ' by Moravec ' + data.version + '.';
    $('quadrant-table').replaceChildren(C.quadrantTable(data.points));
    C.scatter($('scatter-chart'), data.points, null);
    const sampled = data.points.returned < data.points.total ? ', ' + C.count(data.points.returned) + ' shown' : '';
    $('scatter-summary').textContent = C.count(data.points.total) + ' tasks' + sampled
      + (data.points.unplaced ? '; ' + C.count(data.points.unplaced) + ' without both axes rated are not shown' : '')
      + '. Hover a point for its task.';
    $('points-table').replaceChildren(C.pointsTable(data.points, 500));
    document.querySelectorAll('input[name=order]').forEach(r => r.addEventListener('change', drawRanking));
    drawRanking();
    $('ranking-table').replaceChildren(C.rankingTable('Every ' + data.ranking.level + ', lagging first', data.ranking.rows));
    drawBottlenecks();
    $('scenario-table').replaceChildren(data.scenarios.scenarios.length
      ? C.scenarioTable('What each scenario changes ' + (data.family ? 'within ' + data.family.code : 'over the whole taxonomy')
        + ' (families rising most at the ' + data.ranking.level + ' level)', data.scenarios)
      : C.element('p', 'The taxonomy was not classified when the report was written: no scenario can move it.', 'muted'));
    if (data.comparison) {
      drawComparison(data.comparison);
    }
  }

  function drawBottlenecks() {
    const rows = data.bottlenecks.rows.slice(0, 25);
    C.fitBars($('bottleneck-chart'), rows.length);
    C.bottlenecks($('bottleneck-chart'), data.bottlenecks, rows, null);
    $('bottleneck-note').textContent = C.bottleneckNote(data.bottlenecks, rows);
    $('bottleneck-table').replaceChildren(C.bottleneckTable(data.bottlenecks));
  }

  start();
})();
