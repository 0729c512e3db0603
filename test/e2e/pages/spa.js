// A tiny single-page "docs site": swaps the article without reloading, like GitBook does.
const article = document.getElementById('article');

function snippet(id, name, data = {}) {
  const el = document.createElement('snippet');
  el.id = id;
  el.dataset.name = name;
  for (const [key, value] of Object.entries(data)) el.dataset[key] = value;
  return el;
}

function heading(text) {
  const h = document.createElement('h1');
  h.textContent = text;
  return h;
}

const pages = {
  first: () => [
    heading('Page one'),
    snippet('one-a', 'open-ai.chat-completion', { model: 'gpt-4o' }),
    snippet('one-b', 'open-ai.chat-completion', { model: 'page-one-model' }),
  ],
  second: () => [
    heading('Page two'),
    snippet('two-a', 'open-ai.chat-completion', { model: 'page-two-model' }),
    snippet('two-b', 'open-ai.chat-completion', { model: 'page-two-other', prompt: 'Second page prompt' }),
  ],
};

function navigate(name) {
  article.replaceChildren(...pages[name]());
  document.body.dataset.page = name;
}

document.getElementById('nav-first').addEventListener('click', () => navigate('first'));
document.getElementById('nav-second').addEventListener('click', () => navigate('second'));
document.getElementById('set-model').addEventListener('click', () => {
  const target = article.querySelector('snippet');
  if (target) target.dataset.model = 'model-set-by-spa';
});
document.getElementById('remove-last').addEventListener('click', () => {
  article.querySelector('snippet:last-of-type')?.remove();
});

navigate('first');
