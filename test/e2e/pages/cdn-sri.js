// The host page's own script: records resources that failed to load (a script or stylesheet
// blocked by its integrity hash fires `error`), and runs a button, to show the page still works.
window.__resourceErrors = [];
window.addEventListener(
  'error',
  (event) => {
    const target = event.target;
    if (target instanceof HTMLScriptElement) window.__resourceErrors.push(target.src);
    else if (target instanceof HTMLLinkElement) window.__resourceErrors.push(target.href);
  },
  true,
);
document.addEventListener('DOMContentLoaded', () => {
  const count = document.getElementById('host-count');
  document.getElementById('host-button').addEventListener('click', () => {
    count.textContent = String(Number(count.textContent) + 1);
  });
});
