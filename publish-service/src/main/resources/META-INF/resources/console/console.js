// Newsflow web console: plain JavaScript, no build step, nothing loaded from elsewhere.
// Every value that comes from an article is inserted as text (never as HTML): publishers are not trusted.
'use strict';

const store = window.sessionStorage;
const page = document.getElementById('page');
const LIVE_LIMIT = 100;
let leavePage = () => {};

// ---------------------------------------------------------------------------------------------------- helpers

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function consumerKey() { return store.getItem('consumerKey') || ''; }
function adminToken() { return store.getItem('adminToken') || ''; }

async function api(path, { method = 'GET', body, bearer = consumerKey() } = {}) {
  const headers = { Accept: 'application/json' };
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await answer.text();
  const data = text ? JSON.parse(text) : null;
  if (!answer.ok) {
    const problem = data || {};
    const rules = (problem.errors || []).map(e => `${e.field}: ${e.message || e.rule}`).join('; ');
    throw new Error(`${problem.title || answer.status}${problem.detail ? ' — ' + problem.detail : ''}${rules ? ' (' + rules + ')' : ''}`);
  }
  return data;
}

/** replaceChildren without the nulls of optional parts (the DOM would print them as "null"). */
function show(container, ...children) { container.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false)); }

function problemBox(error) { return el('p', { class: 'problem', role: 'alert' }, String(error.message || error)); }
function when(instant) { return instant ? new Date(instant).toLocaleString() : ''; }

function headline(article) {
  return ((article.headlines || []).find(h => h.role === 'main') || (article.headlines || [])[0] || {}).value || article.uri;
}

function sourceOf(article, publisherId) {
  const publisher = (article.infoSources || []).find(s => s.role === 'publisher');
  return (publisher && publisher.name) || article.copyrightHolder || publisherId || '';
}

function plainText(article) {
  const body = (article.bodies || []).find(b => b.role === 'main') || (article.bodies || [])[0];
  if (!body || !body.value) return article.descriptions && article.descriptions[0] ? article.descriptions[0].value : '';
  if ((body.contentType || '').includes('html')) {
    const html = new DOMParser().parseFromString(body.value, 'text/html').body;
    const blocks = [...html.querySelectorAll('p, li, h1, h2, h3, h4, blockquote')].map(b => b.textContent.trim()).filter(Boolean);
    return blocks.length ? blocks.join(' ') : (html.textContent || '');
  }
  return body.value;
}

/** The text with the names enrichment found marked by kind (person, organisation, place). */
function highlighted(text, enrichment, limit) {
  const names = [];
  for (const e of (enrichment && enrichment.entities) || []) names.push([e.name, e.kind || 'entity']);
  for (const p of (enrichment && enrichment.places) || []) names.push([p.name, 'place']);
  names.sort((a, b) => b[0].length - a[0].length);
  const shown = limit && text.length > limit ? text.slice(0, limit) + '…' : text;
  const container = el('p', { class: 'text' });
  if (!names.length) { container.append(shown); return container; }
  const kinds = new Map(names.map(([name, kind]) => [name.toLowerCase(), kind]));
  const pattern = new RegExp('(' + names.map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'giu');
  let last = 0;
  for (const match of shown.matchAll(pattern)) {
    container.append(shown.slice(last, match.index));
    const kind = kinds.get(match[0].toLowerCase()) || 'entity';
    container.append(el('mark', { class: 'entity ' + kind, title: kind }, match[0]));
    last = match.index + match[0].length;
  }
  container.append(shown.slice(last));
  return container;
}

function subjectChips(article) {
  return el('span', { class: 'chips' }, (article.subjects || []).slice(0, 6).map(s => el('span', { class: 'chip subject' }, s.name || s.uri)));
}

function reprintBadge(enrichment) {
  const reprint = enrichment && enrichment.reprintOf;
  if (!reprint) return null;
  return el('a', { class: 'badge reprint', href: '#/article/' + encodeURIComponent(reprint.originalArticleId),
    title: `containment ${Number(reprint.containment).toFixed(2)}` }, `Reprint of ${reprint.originalSource || reprint.originalUri}`);
}

// --------------------------------------------------------------------------------------------------- live page

function articleCard(item) {
  const { article, enrichment } = item;
  const kill = article.pubStatus === 'canceled';
  return el('article', { class: 'card' + (kill ? ' killed' : ''), 'data-article-id': item.articleId, 'data-uri': article.uri },
    el('h3', {}, el('a', { href: '#/article/' + encodeURIComponent(item.articleId) }, headline(article))),
    el('p', { class: 'meta' },
      el('span', { class: 'source' }, sourceOf(article, item.publisherId)),
      el('span', { class: 'chip language' }, (enrichment && enrichment.language) || article.language || '?'),
      item.version > 1 ? el('span', { class: 'badge' }, 'v' + item.version) : null,
      kill ? el('span', { class: 'badge kill' }, 'withdrawn') : null,
      reprintBadge(enrichment),
      el('time', {}, when(item.publishedAt))),
    subjectChips(article),
    highlighted(plainText(article), enrichment, 400));
}

function renderLive() {
  const status = el('span', { class: 'muted', id: 'live-status' }, 'connecting…');
  const byStory = el('input', { type: 'checkbox', id: 'group-by-story' });
  const list = el('section', { id: 'live-list' });
  const items = [];
  page.replaceChildren(el('h2', {}, 'Published, live ', status),
    el('label', { class: 'toggle' }, byStory, ' group by story'), list);

  const draw = () => {
    if (!byStory.checked) { list.replaceChildren(...items.map(articleCard)); return; }
    const stories = new Map();
    for (const item of items) {
      const story = (item.enrichment && item.enrichment.storyId) || item.articleId;
      if (!stories.has(story)) stories.set(story, []);
      stories.get(story).push(item);
    }
    list.replaceChildren(...[...stories.values()].map(group => el('div', { class: 'story' },
      el('h4', { class: 'muted' }, group.length > 1 ? `Story · ${group.length} articles` : 'Story'), group.map(articleCard))));
  };
  byStory.addEventListener('change', draw);
  const add = (item, atTop) => {
    const existing = items.findIndex(i => i.articleId === item.articleId);
    if (existing >= 0) items.splice(existing, 1);
    atTop ? items.unshift(item) : items.push(item);
    items.length = Math.min(items.length, LIVE_LIMIT);
  };

  const controller = new AbortController();
  leavePage = () => controller.abort();
  api('/v1/articles?limit=30').then(results => {
    for (const hit of results.items) add(hit, false);
    draw();
  }).catch(error => list.replaceChildren(problemBox(error)));
  if (!consumerKey()) { status.textContent = '(enter a consumer key above to follow new articles)'; return; }
  followStream('/v1/stream', controller.signal, (name, data) => {
    const item = JSON.parse(data);
    add(item, true);
    draw();
  }, text => { status.textContent = text; });
}

/** Reads Server-Sent Events with fetch (EventSource cannot send an Authorization header); reconnects. */
async function followStream(path, signal, onEvent, onStatus) {
  let lastId = null;
  while (!signal.aborted) {
    try {
      const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + consumerKey() };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const answer = await fetch(path, { headers, signal });
      if (!answer.ok) { onStatus(`stream refused (${answer.status})`); return; }
      onStatus('● live');
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message', data = '', id = null;
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
            else if (line.startsWith('id:')) id = line.slice(3).trim();
          }
          if (id) lastId = id;
          if (data) onEvent(name, data);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
    }
    onStatus('reconnecting…');
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

// ------------------------------------------------------------------------------------------------ article page

async function renderArticle(id) {
  page.replaceChildren(el('p', { class: 'muted' }, 'loading…'));
  try {
    const versions = await api('/v1/articles/' + encodeURIComponent(id) + '/versions');
    const current = versions[0];
    page.replaceChildren(
      el('h2', {}, headline(current.article)),
      el('p', { class: 'meta' }, sourceOf(current.article), ' · ', current.article.uri, ' ', reprintBadge(current.enrichment)),
      subjectChips(current.article),
      highlighted(plainText(current.article), current.enrichment),
      el('h3', {}, 'Versions'),
      el('table', { class: 'versions' }, el('tr', {}, el('th', {}, 'version'), el('th', {}, 'status'), el('th', {}, 'published'), el('th', {}, 'event')),
        versions.map(v => el('tr', {}, el('td', {}, v.version), el('td', {}, v.pubStatus), el('td', {}, when(v.publishedAt)), el('td', { class: 'mono' }, v.eventId)))),
      el('h3', {}, 'What enrichment found, and how'),
      explanations(current.enrichment));
  } catch (error) {
    page.replaceChildren(problemBox(error));
  }
}

function explanations(enrichment) {
  if (!enrichment) return el('p', { class: 'muted' }, 'not enriched (a withdrawal passes through unenriched)');
  const rows = (enrichment.explanations || []).map(e => el('tr', {},
    el('td', {}, e.field), el('td', {}, e.value), el('td', {}, e.method), el('td', { class: 'num' }, Number(e.score).toFixed(2))));
  return el('div', {},
    el('p', { class: 'meta' }, `language ${enrichment.language} (${enrichment.languageSource}, ${Number(enrichment.languageConfidence).toFixed(2)})`,
      ` · ${enrichment.wordCount} words · enrichment ${enrichment.enrichmentVersion}`),
    el('table', { class: 'explanations' }, el('tr', {}, el('th', {}, 'field'), el('th', {}, 'value'), el('th', {}, 'found by'), el('th', {}, 'score')), rows));
}

// ------------------------------------------------------------------------------------------ subscriptions page

const FIELDS = ['subjects', 'people', 'organisations', 'places', 'countries', 'sources', 'languages', 'keywords', 'text'];

function filterBuilder() {
  const rows = el('div', { class: 'criteria' });
  const addRow = () => rows.append(el('div', { class: 'criterion' },
    el('select', { 'aria-label': 'group' }, ['all', 'any', 'none'].map(g => el('option', { value: g }, g))),
    el('select', { 'aria-label': 'field' }, FIELDS.map(f => el('option', { value: f }, f))),
    el('input', { 'aria-label': 'values', placeholder: 'values, comma-separated (e.g. 20000256 or AZ, GE)' })));
  addRow();
  const read = () => {
    const filter = {};
    for (const row of rows.children) {
      const [group, field, values] = row.querySelectorAll('select, input');
      const list = values.value.split(',').map(v => v.trim()).filter(Boolean);
      if (!list.length) continue;
      filter[group.value] = filter[group.value] || {};
      filter[group.value][field.value] = [...(filter[group.value][field.value] || []), ...list];
    }
    return filter;
  };
  return { node: el('div', {}, rows, el('button', { type: 'button', onclick: addRow }, '+ criterion')), read };
}

async function renderSubscriptions() {
  if (!consumerKey()) { page.replaceChildren(el('p', {}, 'Enter a consumer key above to see and create subscriptions.')); return; }
  const builder = filterBuilder();
  const name = el('input', { id: 'subscription-name', placeholder: 'energy desk', required: true });
  const channel = el('select', { id: 'subscription-channel' }, ['feed', 'webhook'].map(c => el('option', { value: c }, c)));
  const url = el('input', { id: 'webhook-url', placeholder: 'https://example.org/hooks/newsflow' });
  const tested = el('div', { id: 'filter-test' });
  const message = el('div', { id: 'subscription-message' });
  const list = el('section', { id: 'subscription-list' });

  const test = async () => {
    tested.replaceChildren(el('p', { class: 'muted' }, 'testing…'));
    try {
      const results = await api('/v1/articles?limit=10&filter=' + encodeURIComponent(JSON.stringify(builder.read())));
      tested.replaceChildren(el('p', {}, `${results.items.length}${results.next ? '+' : ''} recent articles match`),
        el('ul', {}, results.items.map(hit => el('li', {}, el('a', { href: '#/article/' + encodeURIComponent(hit.articleId) }, hit.headline || hit.uri)))));
    } catch (error) { tested.replaceChildren(problemBox(error)); }
  };
  const create = async event => {
    event.preventDefault();
    const body = { name: name.value, filter: builder.read(), channel: { type: channel.value } };
    if (channel.value === 'webhook') body.channel.url = url.value;
    try {
      const created = await api('/v1/subscriptions', { method: 'POST', body });
      message.replaceChildren(el('p', { class: 'ok' }, `Subscribed: ${created.name} (${created.id})`,
        created.channel && created.channel.secret ? el('span', {}, ' · webhook secret, shown once: ', el('code', {}, created.channel.secret)) : null));
      await drawList();
    } catch (error) { message.replaceChildren(problemBox(error)); }
  };
  const drawList = async () => {
    try {
      const subscriptions = await api('/v1/subscriptions');
      list.replaceChildren(el('table', { class: 'subscriptions' },
        el('tr', {}, el('th', {}, 'name'), el('th', {}, 'channel'), el('th', {}, 'status'), el('th', {}, 'filter'), el('th', {}, '')),
        subscriptions.map(s => el('tr', { 'data-subscription-id': s.id },
          el('td', {}, s.name), el('td', {}, s.channel.type), el('td', {}, s.status),
          el('td', { class: 'mono' }, JSON.stringify(s.filter)),
          el('td', {}, s.channel.type === 'webhook' ? el('a', { href: '#/deliveries/' + encodeURIComponent(s.id) }, 'deliveries') : null)))));
    } catch (error) { list.replaceChildren(problemBox(error)); }
  };

  page.replaceChildren(
    el('h2', {}, 'Subscriptions'), list,
    el('h3', {}, 'New subscription'),
    el('form', { id: 'new-subscription', onsubmit: create },
      el('label', {}, 'Name ', name), builder.node,
      el('label', {}, 'Channel ', channel), el('label', {}, 'Webhook URL ', url),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'test-filter', onclick: test }, 'Test against recent articles'),
        el('button', { type: 'submit', id: 'create-subscription' }, 'Subscribe'))),
    message, tested);
  await drawList();
}

async function renderDeliveries(subscriptionId) {
  const table = el('div', { id: 'delivery-log' });
  const draw = async () => {
    try {
      const deliveries = await api('/v1/subscriptions/' + encodeURIComponent(subscriptionId) + '/deliveries');
      table.replaceChildren(deliveries.length ? el('table', { class: 'deliveries' },
        el('tr', {}, el('th', {}, 'message'), el('th', {}, 'article'), el('th', {}, 'kind'), el('th', {}, 'status'), el('th', {}, 'attempts'), el('th', {}, 'last answer'), el('th', {}, '')),
        deliveries.map(d => {
          const last = d.log[d.log.length - 1];
          return el('tr', { class: 'delivery ' + d.status.toLowerCase(), 'data-message-id': d.messageId },
            el('td', { class: 'mono' }, d.messageId), el('td', {}, el('a', { href: '#/article/' + encodeURIComponent(d.articleId) }, d.articleId)),
            el('td', {}, d.kind), el('td', { class: 'status' }, d.status), el('td', { class: 'num' }, d.attempts),
            el('td', {}, last ? (last.statusCode || last.error || '') : ''),
            el('td', {}, el('button', { type: 'button', onclick: async () => {
              try { await api(`/v1/subscriptions/${encodeURIComponent(subscriptionId)}/deliveries/${encodeURIComponent(d.messageId)}/resend`, { method: 'POST' }); await draw(); }
              catch (error) { table.prepend(problemBox(error)); }
            } }, 're-send')));
        })) : el('p', { class: 'muted' }, 'no webhook messages yet'));
    } catch (error) { table.replaceChildren(problemBox(error)); }
  };
  page.replaceChildren(el('h2', {}, 'Delivery log'), el('p', { class: 'mono muted' }, subscriptionId), table);
  await draw();
  const timer = setInterval(draw, 3000);
  leavePage = () => clearInterval(timer);
}

// ----------------------------------------------------------------------------------------------- pipeline page

function lineChart(title, series, unit) {
  const width = 560, height = 150, pad = 30;
  const values = series.flatMap(s => s.points.map(p => p[1]));
  const max = Math.max(1, ...values);
  const times = series.flatMap(s => s.points.map(p => p[0]));
  const t0 = Math.min(...times), t1 = Math.max(t0 + 1, ...times);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  const add = (tag, attributes, text) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  add('text', { x: pad, y: 12, class: 'chart-title' }, `${title} (max ${Math.round(max)} ${unit})`);
  add('line', { x1: pad, y1: height - 10, x2: width - 5, y2: height - 10, class: 'axis' });
  series.forEach((s, i) => {
    if (!s.points.length) return;
    const d = s.points.map(([t, v], j) => `${j ? 'L' : 'M'}${pad + (t - t0) / (t1 - t0) * (width - pad - 5)},${height - 12 - v / max * (height - 32)}`).join(' ');
    add('path', { d, class: 'series s' + (i % 6) });
  });
  const legend = el('ul', { class: 'legend' }, series.map((s, i) => el('li', { class: 's' + (i % 6) }, s.name)));
  return el('figure', { class: 'chart-box' }, svg, legend);
}

function renderPipeline() {
  if (!adminToken()) { page.replaceChildren(el('p', {}, 'Enter the admin token above to watch the pipeline.')); return; }
  const history = [];
  const health = el('div', { id: 'service-health' });
  const charts = el('div', { id: 'charts' });
  page.replaceChildren(el('h2', {}, 'Pipeline'), health, charts);
  const poll = async () => {
    try {
      const now = await api('/v1/admin/pipeline', { bearer: adminToken() });
      history.push(now);
      if (history.length > 90) history.shift();
      show(health, el('table', { class: 'health' }, now.services.map(s => el('tr', { class: 'service ' + s.status.toLowerCase() },
        el('td', {}, s.name), el('td', { class: 'status' }, s.status), el('td', { class: 'muted' }, s.detail)))),
        now.kafkaError ? problemBox(new Error(now.kafkaError)) : null);
      const throughput = now.topics.filter(t => !t.name.endsWith('.dlq')).map(topic => ({ name: topic.name, points: history.slice(1).map((h, i) => {
        const before = history[i].topics.find(t => t.name === topic.name), after = h.topics.find(t => t.name === topic.name);
        const seconds = (Date.parse(h.at) - Date.parse(history[i].at)) / 1000;
        return [Date.parse(h.at), seconds > 0 && before && after ? (after.records - before.records) / seconds : 0];
      }) }));
      const groups = [...new Set(history.flatMap(h => h.groups.map(g => g.group + ' ← ' + g.topic)))];
      const lag = groups.map(name => ({ name, points: history.map(h => {
        const g = h.groups.find(x => x.group + ' ← ' + x.topic === name);
        return [Date.parse(h.at), g ? g.lag : 0];
      }) }));
      const dead = now.topics.filter(t => t.name.endsWith('.dlq') && t.records > 0);
      show(charts, lineChart('records/s per topic', throughput, '/s'), lineChart('consumer lag', lag, 'records'),
        el('table', { class: 'lag' }, el('tr', {}, el('th', {}, 'group'), el('th', {}, 'topic'), el('th', {}, 'lag')),
          now.groups.map(g => el('tr', {}, el('td', {}, g.group), el('td', {}, g.topic), el('td', { class: 'num' }, g.lag)))),
        dead.length ? el('p', { class: 'problem' }, 'Set aside (dead-letter topics): ' + dead.map(t => `${t.name} ${t.records}`).join(', ')) : null);
    } catch (error) { health.replaceChildren(problemBox(error)); }
  };
  poll();
  const timer = setInterval(poll, 2000);
  leavePage = () => clearInterval(timer);
}

// ------------------------------------------------------------------------------------------------------ router

function route() {
  leavePage();
  leavePage = () => {};
  const [, name, argument] = (location.hash || '#/live').split('/');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  if (name === 'article') renderArticle(decodeURIComponent(argument));
  else if (name === 'subscriptions') renderSubscriptions();
  else if (name === 'deliveries') renderDeliveries(decodeURIComponent(argument));
  else if (name === 'pipeline') renderPipeline();
  else renderLive();
}

function signIn() {
  const key = document.getElementById('consumer-key'), token = document.getElementById('admin-token');
  key.value = consumerKey();
  token.value = adminToken();
  const who = document.getElementById('who');
  const show = () => { who.textContent = consumerKey() ? 'key set' : 'browsing published articles only'; };
  show();
  document.getElementById('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    key.value ? store.setItem('consumerKey', key.value.trim()) : store.removeItem('consumerKey');
    token.value ? store.setItem('adminToken', token.value.trim()) : store.removeItem('adminToken');
    show();
    route();
  });
}

window.addEventListener('hashchange', route);
signIn();
route();
