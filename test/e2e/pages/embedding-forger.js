// A frame from a third origin that forges the embed's resize message when its parent asks:
// parent.postMessage({ forge: <height> }) → { type: 'aiml-snippets:resize', height } to the parent.
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || typeof event.data?.forge !== 'number') return;
  window.parent.postMessage({ type: 'aiml-snippets:resize', height: event.data.forge }, '*');
});
// Tells the parent it is listening (not a resize message).
window.parent.postMessage({ type: 'e2e:forger-ready' }, '*');
