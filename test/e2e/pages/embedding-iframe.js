// Builds the frames from the page's query (their origins are only known at test time):
//   ?embed=<embed.html URL>   the <iframe data-snippet-embed>
//   &sandbox=<tokens>         its sandbox attribute, if any
//   &forger=<URL>             a second frame, from a third origin, that is not an embed
// Every message the page receives is recorded in window.__messages, after the widget's own
// listener (registered when bundle.js ran, before this script) has seen it.
const params = new URLSearchParams(location.search);
const frames = document.getElementById('frames');

const embed = document.createElement('iframe');
embed.id = 'embed';
embed.title = 'Code snippet';
embed.setAttribute('data-snippet-embed', '');
if (params.has('sandbox')) embed.setAttribute('sandbox', params.get('sandbox'));
embed.src = params.get('embed');
frames.append(embed);

let forger = null;
if (params.has('forger')) {
  forger = document.createElement('iframe');
  forger.id = 'forger';
  forger.title = 'Another site';
  forger.src = params.get('forger');
  frames.append(forger);
}

window.__messages = [];
window.addEventListener('message', (event) => {
  let source = 'other';
  if (event.source === window) source = 'self';
  else if (event.source === embed.contentWindow) source = 'embed';
  else if (forger && event.source === forger.contentWindow) source = 'forger';
  window.__messages.push({ source, origin: event.origin, data: event.data });
});
