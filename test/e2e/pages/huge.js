// A megabyte of prompt with quotes and dollars, and 15,000 characters of short quoted lines:
// set before the widget starts, as a page script that builds its values would.
window.__megabyte = 'He said "hi" and $HOME '.repeat(45_591).slice(0, 1_048_576);
window.__long = Array.from({ length: 2000 }, (_, i) => `line ${i} "q"`).join('\n').slice(0, 15_000);
document.addEventListener('DOMContentLoaded', () => {
  document.querySelector('#megabyte').setAttribute('data-prompt', window.__megabyte);
  document.querySelector('#long').setAttribute('data-prompt', window.__long);
});
