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
      ? C.scenarioTable('What each scenario changes over the whole taxonomy (families rising most at the '
        + data.ranking.level + ' level)', data.scenarios)
      : C.element('p', 'The taxonomy was not classified when the report was written: no scenario can move it.', 'muted'));
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
