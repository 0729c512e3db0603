// Records, per snippet, when it first reached each data-state (ms since navigation), and the widget's error events.
window.__errors = [];
window.__states = {};
document.addEventListener('snippet:error', (event) => window.__errors.push(event.detail));
new MutationObserver((records) => {
  for (const record of records) {
    const id = record.target.id;
    const state = record.target.getAttribute('data-state');
    if (!id || !state) continue;
    window.__states[id] ??= {};
    window.__states[id][state] ??= Math.round(performance.now());
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
