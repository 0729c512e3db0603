// Builds the frames from the page's query (their origins are only known at test time):
//   ?embed=<embed.html URL>   an <iframe data-snippet-embed> (repeatable: #embed, #embed-2, …)
//   &sandbox=<tokens>         the embeds' sandbox attribute, if any
//   &forger=<URL>             a frame that is not an embed (repeatable: #forger, #forger-2, …)
// Every message the page receives is recorded in window.__messages with the id of the frame
// it came from ('self' for this page), after the widget's own listener (registered when
// bundle.js ran, before this script) has seen it.
const params = new URLSearchParams(location.search);
const container = document.getElementById('frames');
const frames = [];

function addFrame(kind, src, index) {
  const frame = document.createElement('iframe');
  frame.id = index ? `${kind}-${index + 1}` : kind;
  frame.title = kind === 'embed' ? 'Code snippet' : 'Another site';
  if (kind === 'embed') {
    frame.setAttribute('data-snippet-embed', '');
    if (params.has('sandbox')) frame.setAttribute('sandbox', params.get('sandbox'));
  }
  frame.src = src;
  container.append(frame);
  frames.push(frame);
}
params.getAll('embed').forEach((src, index) => addFrame('embed', src, index));
params.getAll('forger').forEach((src, index) => addFrame('forger', src, index));

window.__messages = [];
window.addEventListener('message', (event) => {
  const from = event.source === window ? 'self' : frames.find((frame) => frame.contentWindow === event.source)?.id;
  window.__messages.push({ source: from ?? 'other', origin: event.origin, data: event.data });
});
