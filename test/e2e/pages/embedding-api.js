// The loader stub and the calls a page queues before bundle.js has loaded, plus recorders
// for every widget event (through Snippets.on and as DOM events). Like an analytics
// integration, the recorders also log each event to the console.
window.Snippets = window.Snippets || { q: [] };

/** Every event seen: { via: 'on' | 'dom', type, target (element id), detail }. */
window.__events = [];
/** The code each snippet showed when its render event fired: { target, code }. */
window.__renders = [];

function record(via, type, element, detail) {
  const entry = { via, type, target: element && element.id, detail: JSON.parse(JSON.stringify(detail)) };
  window.__events.push(entry);
  console.info(`[page] ${via} ${type} #${entry.target} ${JSON.stringify(entry.detail)}`);
}

function shownCode(element) {
  const shadow = element.querySelector('[data-snippet-root]')?.shadowRoot;
  return shadow?.querySelector('[role=tabpanel] pre > code')?.textContent ?? null;
}

window.Snippets.q.push(['on', 'render', (detail, element) => {
  record('on', 'render', element, detail);
  window.__renders.push({ target: element.id, code: shownCode(element) });
}]);
window.Snippets.q.push(['setPayload', { model: 'queued-first-model' }]);
window.Snippets.q.push(['notASnippetsMethod', 'ignored']);
window.Snippets.q.push(['setPayload', { model: 'queued-second-model' }]);
window.Snippets.q.push(['on', 'copy', (detail, element) => record('on', 'copy', element, detail)]);
window.Snippets.q.push(['on', 'error', (detail, element) => record('on', 'error', element, detail)]);

for (const type of ['render', 'copy', 'error']) {
  document.addEventListener(`snippet:${type}`, (event) => record('dom', type, event.target, event.detail));
}
