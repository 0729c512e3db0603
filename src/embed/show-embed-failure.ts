/**
 * Shows, in place of the snippet, that the embed page's own code could not load (its chunk
 * failed: the network, a CDN fault): a reader of the frame sees why it is empty and can try
 * again, rather than a blank box.
 */
export function showEmbedFailure(win: Window): void {
  const doc = win.document;
  const notice = doc.createElement('div');
  notice.className = 'embed-failure';
  notice.setAttribute('role', 'alert');
  const text = doc.createElement('p');
  text.textContent = 'This code sample could not load. Check your connection, then try again.';
  const retry = doc.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Try again';
  // A reload asks for the chunk afresh: the browser remembers a failed module for the page's life.
  retry.addEventListener('click', () => win.location.reload());
  notice.append(text, retry);
  doc.body.append(notice);
}
