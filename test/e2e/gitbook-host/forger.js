// A frame of the page that is not the block's (another integration's, an ad…): asked by
// the page, it posts what the block's frame and GitBook would accept if they trusted it.
window.addEventListener('message', (event) => {
  if (event.data !== 'forge') return;
  const forged = { state: { name: 'open-ai.embedding', overrides: { model: 'forged-model' }, page: { id: 'x', path: 'x', title: 'x' } } };
  for (let i = 0; i < window.parent.frames.length; i++) {
    const frame = window.parent.frames[i];
    if (frame !== window) frame.postMessage(forged, '*');
  }
  window.parent.postMessage({ action: { action: '@webframe.resize', size: { height: 7, aspectRatio: 99 } } }, '*');
  window.parent.postMessage({ action: { action: '@webframe.ready' } }, '*');
  window.parent.postMessage('forged', '*');
});
