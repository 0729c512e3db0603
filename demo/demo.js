// Demo page controls: kept in a file so the page works under a strict CSP.
document.addEventListener('click', (event) => {
  const action = event.target instanceof Element ? event.target.getAttribute('data-demo') : null;
  if (action === 'theme') document.documentElement.classList.toggle('dark');
  if (action === 'key') window.Snippets?.setPayload({ apiKey: 'sk-demo-1234567890abcd' });
  if (action === 'add') {
    const element = document.createElement('snippet');
    element.dataset.name = 'voice.tts';
    element.dataset.text = 'Added after the page loaded.';
    document.getElementById('later')?.append(element);
  }
});
