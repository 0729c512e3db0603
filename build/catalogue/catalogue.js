/* global document, history, location */
// The catalogue's filter box: shows the snippets whose id or title holds every word typed.
// The filter lives in the URL (?q=…) too, so a filtered view can be linked.
const input = document.getElementById('catalogue-filter');
const status = document.getElementById('catalogue-status');
const empty = document.getElementById('catalogue-empty');
const entries = [...document.querySelectorAll('.entry[data-filter]')];
const groups = [...document.querySelectorAll('.group')];

function applyFilter() {
  const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const entry of entries) {
    const match = words.every((word) => entry.dataset.filter.includes(word));
    entry.hidden = !match;
    if (match) shown += 1;
  }
  for (const group of groups) group.hidden = !group.querySelector('.entry:not([hidden])');
  empty.hidden = shown > 0;
  status.textContent = shown === entries.length ? `${entries.length} snippets` : `${shown} of ${entries.length} snippets`;
}

input.value = new URL(location.href).searchParams.get('q') ?? '';
input.addEventListener('input', () => {
  const url = new URL(location.href);
  if (input.value) url.searchParams.set('q', input.value);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  applyFilter();
});
applyFilter();
