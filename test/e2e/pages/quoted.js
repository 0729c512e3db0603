// Records the widget's error events, as a page's analytics would.
window.__errors = [];
document.addEventListener('snippet:error', (event) => window.__errors.push(event.detail));
