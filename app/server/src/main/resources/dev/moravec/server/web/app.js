/*
 * The web page: search, the breakthrough scenarios, the quadrant scatter, the ranking (in SOC 2018 or, through
 * the imported crosswalks, SOC 2010, ISCO-08 or ESCO, weighted by employment or wage bill), industries, why
 * families lag, an occupation's or a group's drill-down and the explain form, all read from the JSON API
 * (/api/openapi.json). Plain JavaScript, no build step; charts come from charts.js (Chart.js underneath).
 * Data is put in the page as text nodes, never as markup.
 */
'use strict';

(() => {
  const C = MoravecCharts;
  const $ = id => document.getElementById(id);
  const charts = { scatter: null, ranking: null, shares: null, bottlenecks: null };
  // drill: the family the ranking shows the occupations of; bottleneckDrill: the same for why families lag;
  // scenario: the chosen scenario's impact, or null; scenarios: every configured scenario's impact (from
  // /api/scenarios); factors: each factor's axis and meaning (from /api/bottlenecks)
  const state = { drill: null, bottleneckDrill: null, occupation: null, scenario: null, scenarios: [], factors: {} };
  // the levels each classification ranks, as the API takes them
  const LEVELS = {
    isco08: [['1', 'ISCO-08 major groups'], ['2', 'sub-major groups'], ['3', 'minor groups'], ['4', 'unit groups']],
    esco: [['occupation', 'ESCO occupations'], ['1', 'ISCO-08 major groups'], ['2', 'sub-major groups'],
      ['3', 'minor groups'], ['4', 'unit groups']],
    soc2010: [['major', 'SOC 2010 major groups'], ['detailed', 'SOC 2010 detailed occupations']],
  };
  let socLevels = null;

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error(body && body.error ? body.error.message : response.status + ' ' + response.statusText);
    }
    return body;
  }

  function showError(error) {
    const alert = $('alert');
    alert.textContent = error.message || String(error);
    alert.hidden = false;
  }

  function clearError() {
    $('alert').hidden = true;
  }

  // guards every handler: a failed request shows its message instead of failing silently
  function guarded(handler) {
    return async (...args) => {
      try {
        clearError();
        await handler(...args);
      } catch (error) {
        showError(error);
      }
    };
  }

  function el(tag, text, className) {
    return C.element(tag, text, className);
  }

  function button(text, onClick, className) {
    const b = el('button', text, className);
    b.type = 'button';
    b.addEventListener('click', guarded(onClick));
    return b;
  }

  // the search's highlights come as text with <mark> around matches: rebuilt as nodes, the rest stays text
  function highlighted(text) {
    const fragment = document.createDocumentFragment();
    String(text).split(/(<mark>.*?<\/mark>)/).forEach(part => {
      const match = /^<mark>(.*)<\/mark>$/.exec(part);
      fragment.appendChild(match ? el('mark', match[1]) : document.createTextNode(part));
    });
    return fragment;
  }

  // a chart redrawn: the old one goes, the new one takes its place
  function redraw(name, draw) {
    if (charts[name]) {
      charts[name].destroy();
    }
    charts[name] = draw();
  }

  // a bar chart of families drills into one family's occupations: state[key] holds the family, load redraws
  function drillInto(key, load) {
    return async row => {
      state[key] = { code: row.code, title: row.title };
      await load();
    };
  }

  // back to every family of the chosen level
  function undrill(key, load) {
    return guarded(() => {
      state[key] = null;
      return load();
    });
  }

  // what a drillable bar chart's note starts and ends with
  function drillNote(drill, level, rows) {
    return {
      within: drill ? 'Occupations in ' + drill.code + ' ' + (drill.title || '') + ': ' : '',
      click: rows.length ? 'Click a bar to ' + (level === 'occupation' ? 'open the occupation. ' : 'see its occupations. ')
        : 'Nothing is scored yet. ',
    };
  }

  function scenarioName() {
    return state.scenario ? state.scenario.name : '';
  }

  // what a factor means, as the API says (empty before it said)
  function meaning(factor) {
    return state.factors[factor] ? state.factors[factor].meaning : '';
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== '') {
        search.set(key, value);
      }
    }
    return search.toString();
  }

  // --- search ---

  async function search(event) {
    event.preventDefault();
    const q = $('search-q').value.trim();
    if (!q) {
      return;
    }
    const occupations = $('search-kind').value === 'occupations';
    const data = await api('/api/search?' + query({
      q, occupations, quadrant: occupations ? '' : $('search-quadrant').value, limit: 20,
    }));
    const results = $('search-results');
    results.replaceChildren();
    results.appendChild(el('p', data.results.length + (data.results.length === 1 ? ' result' : ' results')
      + ' for “' + q + '”' + (data.results.length ? '' : '. Try fewer or other words.'), 'muted'));
    const list = el('ul', null, 'results');
    for (const hit of data.results) {
      const item = el('li');
      if (hit.kind === 'occupation') {
        item.appendChild(button(hit.title + ' (' + hit.code + ')', () => openOccupation(hit.code), 'link'));
        item.appendChild(el('span', '  score ' + C.number(hit.score) + '  T ' + C.number(hit.transferability)
          + '  V ' + C.number(hit.verificationCost), 'meta'));
        if (hit.highlight) {
          const p = el('p', null, 'meta');
          p.appendChild(highlighted(hit.highlight));
          item.appendChild(p);
        }
      } else {
        const statement = el('div');
        statement.appendChild(highlighted(hit.highlight || hit.statement));
        item.appendChild(statement);
        const meta = el('div', null, 'meta');
        if (hit.quadrant) {
          meta.appendChild(C.badge(hit.quadrant));
        }
        meta.appendChild(document.createTextNode('  T ' + C.number(hit.transferability) + '  V '
          + C.number(hit.verificationCost) + '  score ' + C.number(hit.score) + ' · ' + hit.title + ' '));
        const actions = el('span', null, 'actions');
        actions.appendChild(button('Open occupation ' + hit.code, () => openOccupation(hit.code), 'link'));
        actions.appendChild(button('Explain', () => explainTask(hit.statement, hit.code), 'link'));
        meta.appendChild(actions);
        item.appendChild(meta);
      }
      list.appendChild(item);
    }
    results.appendChild(list);
  }

  // --- the scatter ---

  async function loadScatter() {
    const family = $('scatter-family').value;
    const data = await api('/api/tasks?' + query({ family, scenario: scenarioName() }));
    redraw('scatter', () => C.scatter($('scatter-chart'), data, point => guarded(openOccupation)(point.code)));
    const sampled = data.returned < data.total ? ', ' + C.count(data.returned) + ' of them shown (an even sample)' : '';
    const unplaced = data.unplaced ? '; ' + C.count(data.unplaced) + ' without both axes rated are not shown' : '';
    const moved = data.scenario ? ' Under ' + data.scenario + ': ' + C.count(data.moved) + ' of them moved, drawn as dark stars.'
      : '';
    $('scatter-summary').textContent = C.count(data.total) + ' tasks' + sampled + unplaced + '.' + moved
      + ' Hover a point for its task; click it to open its occupation.';
    $('scatter-tables').replaceChildren(C.quadrantTable(data), C.pointsTable(data));
  }

  async function loadFamilies() {
    const data = await api('/api/rank?' + query({ level: 'major', order: 'leading', limit: 100 }));
    const select = $('scatter-family');
    const rows = data.rows.slice().sort((a, b) => a.code.localeCompare(b.code));
    for (const row of rows) {
      const option = el('option', row.code + ' ' + (row.title || ''));
      option.value = row.code;
      select.appendChild(option);
    }
  }

  // --- the ranking ---

  // in another classification than SOC 2018: its groups, with coverage; a click opens the group
  async function loadGroupRanking(classification) {
    const order = document.querySelector('input[name=order]:checked').value;
    const level = $('rank-level').value;
    const data = await api('/api/rank?' + query({ level, order, limit: 25, classification,
      weight: $('rank-weight').value, scenario: scenarioName() }));
    C.fitBars($('ranking-chart'), data.rows.length);
    const open = row => openGroup(classification, row.code);
    redraw('ranking', () => C.ranking($('ranking-chart'), data.rows, row => guarded(open)(row)));
    const under = data.scenario ? 'Under ' + data.scenario + '. ' : '';
    $('ranking-note').textContent = under + (order === 'lagging' ? 'Lowest scores (lagging most) first. '
      : 'Highest scores (taken over soonest) first. ') + 'Click a bar to see the O*NET-SOC occupations behind it. '
      + 'Coverage is the share of a group\'s crosswalk weight that reaches scored occupations; below '
      + C.percent(data.thinCoverageBelow) + ' a score is marked thin. Crosswalks: ' + data.sources.join(' + ')
      + '. Weighting: ' + data.weighting + '.';
    $('rank-back').hidden = true;
    const coverage = C.table('Coverage of each group', ['Code', 'Title', 'Coverage', 'Wage bill'],
      data.rows.map(row => [row.code, row.title || '', C.percent(row.coverage) + (row.thinCoverage ? ' (thin)' : ''),
        row.wageBill ? '$' + C.count(row.wageBill) : '–']));
    const without = C.table('Groups without a score', ['Code', 'Title', 'Coverage', 'Why'],
      (data.withoutScore || []).map(u => [u.code, u.title || '', C.percent(u.coverage), u.reason]));
    $('ranking-table').replaceChildren(C.rankingTable('Ranking at the ' + data.level + ' level', data.rows,
      guarded(open)), coverage, without);
    showClassificationAttribution(data.attribution);
  }

  function showClassificationAttribution(text) {
    $('classification-attribution').textContent = text || '';
    $('classification-attribution').hidden = !text;
  }

  // the level choices of the chosen classification; SOC 2018's are the page's own
  function setLevels() {
    const classification = $('rank-classification').value;
    const select = $('rank-level');
    if (!socLevels) {
      socLevels = Array.from(select.options).map(o => [o.value, o.textContent, o.selected]);
    }
    const levels = classification === 'soc2018' ? socLevels : LEVELS[classification];
    select.replaceChildren(...levels.map(([value, text, selected]) => {
      const option = el('option', text);
      option.value = value;
      option.selected = Boolean(selected);
      return option;
    }));
  }

  async function loadRanking() {
    const classification = $('rank-classification').value;
    if (classification !== 'soc2018') {
      return loadGroupRanking(classification);
    }
    showClassificationAttribution(null);
    const order = document.querySelector('input[name=order]:checked').value;
    const level = state.drill ? 'occupation' : $('rank-level').value;
    const data = await api('/api/rank?' + query({ level, order, limit: 25, family: state.drill && state.drill.code,
      weight: $('rank-weight').value, scenario: scenarioName() }));
    C.fitBars($('ranking-chart'), data.rows.length);
    const open = row => (level === 'occupation' ? openOccupation(row.code) : drillInto('drill', loadRanking)(row));
    redraw('ranking', () => C.ranking($('ranking-chart'), data.rows, row => guarded(open)(row)));
    const note = drillNote(state.drill, level, data.rows);
    const under = data.scenario ? 'Under ' + data.scenario + '. ' : '';
    $('ranking-note').textContent = note.within + under + (order === 'lagging' ? 'Lowest scores (lagging most) first. '
      : 'Highest scores (taken over soonest) first. ') + note.click + 'Weighting: ' + data.weighting + '.';
    $('rank-back').hidden = !state.drill;
    $('ranking-table').replaceChildren(C.rankingTable('Ranking at the ' + level + ' level', data.rows, guarded(open)));
  }

  // --- breakthrough scenarios ---

  async function loadScenarios() {
    const data = await api('/api/scenarios?' + query({ level: 'major', limit: 3 }));
    state.scenarios = data.scenarios;
    const select = $('scenario');
    for (const s of data.scenarios) {
      const option = el('option', s.name + (s.description ? ': ' + s.description : ''));
      option.value = s.name;
      select.appendChild(option);
    }
    $('scenario-table').replaceChildren(C.scenarioTable('What each scenario changes (families at the major level)', data));
    showScenario();
  }

  function showScenario() {
    $('scenario-summary').textContent = state.scenario ? C.scenarioSummary(state.scenario)
      + ' The ranking and the scatter show the tasks under it.'
      : 'Choose a breakthrough to see the ranking and the scatter as if it had happened: it relieves the factors that '
        + 'hold tasks back, and the tasks it moves are marked.';
  }

  async function chooseScenario() {
    const name = $('scenario').value;
    state.scenario = state.scenarios.find(s => s.name === name) || null;
    showScenario();
    await Promise.all([loadScatter(), loadRanking(),
      $('industry-section').hidden ? Promise.resolve() : loadIndustries()]);
  }

  // --- why families lag ---

  async function loadBottlenecks() {
    const level = state.bottleneckDrill ? 'occupation' : $('bottleneck-level').value;
    const data = await api('/api/bottlenecks?' + query({ level, family: state.bottleneckDrill && state.bottleneckDrill.code }));
    for (const f of data.factors) {
      state.factors[f.factor] = f;
    }
    const rows = data.rows.slice(0, 25);
    C.fitBars($('bottleneck-chart'), rows.length);
    const open = row => (level === 'occupation' ? openOccupation(row.code)
      : drillInto('bottleneckDrill', loadBottlenecks)(row));
    redraw('bottlenecks', () => C.bottlenecks($('bottleneck-chart'), data, rows, row => guarded(open)(row)));
    const note = drillNote(state.bottleneckDrill, level, data.rows);
    $('bottleneck-note').textContent = note.within + C.bottleneckNote(data, rows) + ' ' + note.click;
    $('bottleneck-back').hidden = !state.bottleneckDrill;
    $('bottleneck-table').replaceChildren(C.bottleneckTable(data, guarded(open)));
  }

  // --- an occupation ---

  async function openOccupation(code) {
    const data = await api('/api/occupations/' + encodeURIComponent(code));
    state.occupation = data.code;
    const section = $('occupation-section');
    section.hidden = false;
    $('occupation-heading').textContent = data.title + ' (' + data.code + ')';
    const path = $('occupation-path');
    path.replaceChildren();
    data.family.filter(step => step.level !== 'occupation').forEach((step, i) => {
      if (i > 0) {
        path.appendChild(document.createTextNode(' › '));
      }
      path.appendChild(el('span', step.code + ' ' + (step.title || '') + ' (' + step.level + ')'));
    });
    $('occupation-description').textContent = data.description || '';
    $('occupation-score').textContent = data.score === undefined || data.score === null
      ? 'Not classified yet.'
      : 'Score ' + C.number(data.score) + (data.interval ? ' (90% interval ' + C.interval(data.interval) + ')' : '')
        + (data.rank ? ' · rank ' + data.rank.rank + ' of ' + C.count(data.rank.of) + ', lagging first (90% range '
          + data.rank.low + '–' + data.rank.high + ')' : '')
        + ' · T ' + C.number(data.transferability) + ' · V '
        + C.number(data.verificationCost) + ' · ' + data.tasks.length + ' tasks, weighted ' + data.weighting
        + (data.overrides && data.overrides.applied ? ' · analyst overrides applied (marked *)' : '')
        + (data.jobZone ? ' · job zone ' + data.jobZone : '') + (data.employment ? ' · employment '
        + data.employment.toLocaleString('en-US') : '');
    if (charts.shares) {
      charts.shares.destroy();
      charts.shares = null;
    }
    const tables = [];
    if (data.shares) {
      charts.shares = C.shares($('shares-chart'), data.shares);
      tables.push(C.table('Share of its tasks in each quadrant', ['Quadrant', 'Share'],
        C.QUADRANTS.map(q => [C.badge(q.key), C.percent(data.shares[q.key])])));
    }
    tables.push(C.table('Its tasks, highest score first', ['Score', 'T', 'V', 'Quadrant', 'Task', 'Held back by',
      'Checked by', 'Evidence', ''],
    data.tasks.map(task => {
      const evidence = list(task.evidence);
      // an analyst override: its scores count, the scorers' stay in the evidence with the override's reason
      const o = task.override;
      if (o) {
        evidence.prepend(el('li', '* overridden by ' + o.author + ' on ' + o.date + ': ' + o.reason + ' (scorers: score '
          + C.number(task.score) + ', T ' + C.number(task.transferability) + ', V ' + C.number(task.verificationCost)
          + ', ' + task.quadrant + ')', 'override'));
      }
      const shown = o || task;
      return [C.number(shown.score) + (o ? ' *' : ''), C.number(shown.transferability), C.number(shown.verificationCost),
        shown.quadrant ? C.badge(shown.quadrant) : '–', task.statement, C.words(task.bottleneck), C.words(task.verification),
        evidence, button('Explain', () => explainTask(task.statement, data.code), 'secondary')];
    })));
    $('occupation-bottlenecks').replaceChildren(...holdsBack(data));
    $('occupation-tables').replaceChildren(...tables);
    if (location.hash !== '#occupation=' + data.code) {
      history.replaceState(null, '', '#occupation=' + data.code);
    }
    section.scrollIntoView({ block: 'start' });
    $('occupation-heading').focus({ preventScroll: true });
  }

  // --- a group of another classification: an ESCO occupation, an ISCO-08 group, a SOC 2010 code ---

  async function openGroup(classification, code) {
    const data = await api('/api/groups/' + encodeURIComponent(classification) + '/' + encodeURIComponent(code));
    state.occupation = null;
    $('occupation-section').hidden = false;
    $('occupation-heading').textContent = (data.title || data.code) + ' (' + data.code + ')';
    $('occupation-path').replaceChildren(el('span', classification + ', ' + data.level + ' level'
      + (data.iscoGroup ? ', ISCO-08 unit group ' + data.iscoGroup : '') + (data.uri ? ' · ' + data.uri : '')));
    $('occupation-description').textContent = data.description || (data.alternativeLabels || []).join('; ');
    $('occupation-score').textContent = (data.score === null || data.score === undefined
      ? 'No scored occupation behind it. '
      : 'Score ' + C.number(data.score) + (data.interval ? ' (90% interval ' + C.interval(data.interval) + ')' : '')
        + ' · T ' + C.number(data.transferability) + ' · V ' + C.number(data.verificationCost) + ' · ')
      + 'coverage ' + C.percent(data.coverage) + (data.thinCoverage ? ' (thin: a score on little of its weight)' : '')
      + (data.wageBill ? ' · wage bill $' + C.count(data.wageBill) : '') + '. ' + data.weighting + '.';
    if (charts.shares) {
      charts.shares.destroy();
      charts.shares = null;
    }
    if (data.shares) {
      charts.shares = C.shares($('shares-chart'), data.shares);
    }
    const tables = [C.table('The O*NET-SOC occupations behind it', ['Weight', 'Share', 'Score', 'T', 'V', 'Occupation'],
      data.occupations.map(o => [C.percent(o.weight), C.number(o.share), C.number(o.score), C.number(o.transferability),
        C.number(o.verificationCost), button(o.code + ' ' + (o.title || ''), () => openOccupation(o.code), 'link')]))];
    if (data.unscoredPartners.length) {
      tables.push(C.table('Partners that carry no score', ['Code', 'Title', 'Weight', 'Why'],
        data.unscoredPartners.map(p => [p.code, p.title || '', C.percent(p.weight), p.reason])));
    }
    tables.push(el('p', 'Crosswalks: ' + data.sources.join(' + ') + '.' + (data.attribution ? ' ' + data.attribution : ''),
      'muted'));
    $('occupation-tables').replaceChildren(...tables);
    $('occupation-section').scrollIntoView({ block: 'start' });
    $('occupation-heading').focus({ preventScroll: true });
  }

  // --- industries ---

  async function loadIndustries() {
    const data = await api('/api/industries?' + query({ weight: $('rank-weight').value, scenario: scenarioName() }));
    $('industry-note').textContent = (data.scenario ? 'Under ' + data.scenario + '. ' : '') + 'Lowest scores first. Weighting: ' + data.weighting + '. '
      + data.report.join(' ');
    const money = value => (value === null || value === undefined ? '–' : '$' + C.count(value));
    $('industry-table').replaceChildren(C.table('NAICS sectors by reasoning score, with the wage bill in each quadrant',
      ['#', 'Rank range', 'Score', '90% interval', 'NAICS', 'Sector', 'Employment', 'Lagging', 'Wage bill']
        .concat(C.QUADRANTS.filter(q => q.key !== 'UNRATED').map(q => q.short + ' $')).concat(['Coverage']),
      data.rows.map(r => [r.rank, C.range(r.rankRange), C.number(r.score), C.interval(r.interval), r.naics, r.title, C.count(r.employment),
        C.percent(r.laggingShare), money(r.wageBill)]
        .concat(C.QUADRANTS.filter(q => q.key !== 'UNRATED').map(q => money((r.wageBillByQuadrant || {})[q.key])))
        .concat([C.percent(r.coverage)]))));
  }

  async function loadClassifications() {
    const held = await api('/api/classifications');
    for (const [label, c] of Object.entries(held.classifications)) {
      const option = el('option', c.title);
      option.value = label;
      $('rank-classification').appendChild(option);
    }
    $('rank-classification').disabled = Object.keys(held.classifications).length === 0;
    if (held.industry.length) {
      $('industry-section').hidden = false;
      await loadIndustries();
    }
  }

  // "what holds this occupation back": its main factor and what it means, each factor's strength and lagging share
  function holdsBack(data) {
    const heading = el('h3', 'What holds this occupation back');
    const b = data.bottlenecks;
    if (!b || !Object.keys(b.factors).length) {
      return [heading, el('p', data.score === undefined || data.score === null ? 'Not classified yet.'
        : 'No scorer named a bottleneck factor for its tasks.', 'muted')];
    }
    const lead = el('p');
    if (b.dominant) {
      lead.appendChild(document.createTextNode('Mainly '));
      lead.appendChild(el('strong', C.words(b.dominant)));
      const known = state.factors[b.dominant];
      const axis = known ? known.axis.replace(/([A-Z])/g, ' $1').toLowerCase() : '';
      lead.appendChild(document.createTextNode((known ? ': ' + known.meaning + ' (it weighs on ' + axis + ')' : '')
        + '. ' + C.percent(b.laggingBy[b.dominant] || 0) + ' of its tasks lag mainly for it.'));
    } else {
      lead.textContent = 'No factor stands out.';
    }
    const factors = Object.keys(b.factors).sort((x, y) => b.factors[y] - b.factors[x]);
    return [heading, lead, C.table('Its bottleneck factors, strongest first', ['Factor', 'What it needs',
      'Mean strength over its tasks', 'Share of its tasks lagging mainly for it'],
    factors.map(f => [C.words(f), meaning(f), C.number(b.factors[f]),
      C.percent(b.laggingBy[f] || 0)]))];
  }

  function list(items) {
    const ul = el('ul');
    (items || []).forEach(item => ul.appendChild(el('li', item)));
    return ul;
  }

  function closeOccupation() {
    $('occupation-section').hidden = true;
    state.occupation = null;
    history.replaceState(null, '', location.pathname);
  }

  // --- explain ---

  async function explain(event) {
    event.preventDefault();
    const task = $('explain-text').value.trim();
    if (!task) {
      return;
    }
    const data = await api('/api/explain?' + query({ task, occupation: $('explain-occupation').value.trim() }));
    const result = $('explain-result');
    const verdict = el('p', null, 'verdict');
    verdict.appendChild(el('strong', 'Verdict: '));
    verdict.appendChild(C.badge(data.quadrant));
    verdict.appendChild(document.createTextNode('  T ' + C.number(data.transferability) + '  V '
      + C.number(data.verificationCost) + '  score ' + C.number(data.score) + ': ' + data.meaning + '.'
      + (data.verification ? ' Checked by: ' + C.words(data.verification) + '.' : '')));
    const ratings = C.table('Each scorer’s rating', ['Scorer', 'Version', 'Status', 'T', 'V', 'Confidence',
      'Checked by', 'Factors', 'Evidence'],
    data.ratings.map(r => [r.scorer, r.version, r.status, C.number(r.transferability), C.number(r.verificationCost),
      C.number(r.confidence), C.words(r.verification),
      C.factorList(Object.fromEntries((r.bottlenecks || []).map(b => [b.factor, b.strength]))),
      list(r.evidence || (r.reason ? [r.reason] : []))]));
    result.replaceChildren(verdict, ...explainedBottlenecks(data), ratings);
  }

  // the verdict's bottleneck factors, strongest first, each with the evidence every scorer that named it gave
  function explainedBottlenecks(data) {
    if (!data.bottlenecks || !data.bottlenecks.length) {
      return [el('p', 'No scorer named a bottleneck factor for this task.', 'muted')];
    }
    return [C.table('What holds it back', ['Factor', 'What it needs', 'Strength', 'Evidence'],
      data.bottlenecks.map(b => [C.words(b.factor), meaning(b.factor),
        C.number(b.strength), list(data.ratings.flatMap(r => (r.bottlenecks || [])
          .filter(named => named.factor === b.factor)
          .flatMap(named => named.evidence.map(e => r.scorer + ': ' + e))))]))];
  }

  async function explainTask(statement, code) {
    $('explain-text').value = statement;
    $('explain-occupation').value = code || '';
    await explain(new Event('submit'));
    $('explain-section').scrollIntoView({ block: 'start' });
    $('explain-text').focus({ preventScroll: true });
  }

  // --- start ---

  async function start() {
    C.defaults();
    for (const q of C.QUADRANTS) {
      const option = el('option', q.short);
      option.value = q.key;
      $('search-quadrant').appendChild(option);
    }
    $('search-form').addEventListener('submit', guarded(search));
    $('explain-form').addEventListener('submit', guarded(explain));
    $('scatter-family').addEventListener('change', guarded(loadScatter));
    $('rank-classification').addEventListener('change', guarded(() => {
      state.drill = null;
      setLevels();
      return loadRanking();
    }));
    $('rank-weight').addEventListener('change', guarded(async () => {
      await loadRanking();
      if (!$('industry-section').hidden) {
        await loadIndustries();
      }
    }));
    $('rank-level').addEventListener('change', undrill('drill', loadRanking));
    document.querySelectorAll('input[name=order]').forEach(r => r.addEventListener('change', guarded(loadRanking)));
    $('rank-back').addEventListener('click', undrill('drill', loadRanking));
    $('bottleneck-level').replaceChildren(...Array.from($('rank-level').options, option => option.cloneNode(true)));
    $('scenario').addEventListener('change', guarded(chooseScenario));
    $('bottleneck-level').addEventListener('change', undrill('bottleneckDrill', loadBottlenecks));
    $('bottleneck-back').addEventListener('click', undrill('bottleneckDrill', loadBottlenecks));
    $('occupation-close').addEventListener('click', closeOccupation);
    window.addEventListener('hashchange', guarded(openFromHash));

    const health = await api('/api/health');
    $('source').textContent = 'Taxonomy: ' + (health.taxonomy.source || 'none') + ' (' + C.count(health.taxonomy.occupations)
      + ' occupations, ' + C.count(health.taxonomy.tasks) + ' tasks). Scorers: ' + (health.scorers.join(', ') || 'none active')
      + '. Moravec ' + health.version + '.';
    await loadFamilies();
    // the scenarios' impacts take longest to compute: an occupation in the address opens without waiting for them
    const scenarios = guarded(loadScenarios)();
    await Promise.all([loadScatter(), loadRanking(), loadBottlenecks(), loadClassifications()]);
    await openFromHash();
    await scenarios;
  }

  async function openFromHash() {
    const match = /^#occupation=(.+)$/.exec(location.hash);
    if (match && decodeURIComponent(match[1]) !== state.occupation) {
      await openOccupation(decodeURIComponent(match[1]));
    }
  }

  window.addEventListener('DOMContentLoaded', guarded(start));
})();
