// Before the bundle loads, breaks what `?break=` names, as a page's own scripts might:
//   define        customElements.define throws
//   intersection  new IntersectionObserver(…) throws
//   mutation      new MutationObserver(…) throws
//   theirs        window.Snippets is another script's object, with a version of its own
//   stub-version  the loader stub also carries a version
//   proxy         window.Snippets is a Proxy whose every trap throws
//   proxy-queue   the loader stub's queue is a Proxy that throws when read
// The widget meets them as it starts; once the page's scripts have run (DOMContentLoaded),
// the globals are put back, for the test driver's own use. Uncaught errors and unhandled
// rejections are recorded in window.__hostErrors.
(function () {
  'use strict';
  var errors = [];
  window.__hostErrors = errors;
  window.addEventListener('error', function (event) {
    errors.push('error: ' + event.message);
  });
  window.addEventListener('unhandledrejection', function (event) {
    errors.push('unhandledrejection: ' + String(event.reason));
  });
  var broken = function (what) {
    return function () {
      throw new Error(what + ' is broken on this page');
    };
  };
  var trap = broken('every trap of this Proxy');
  var originals = { IntersectionObserver: window.IntersectionObserver, MutationObserver: window.MutationObserver };
  document.addEventListener('DOMContentLoaded', function () {
    window.IntersectionObserver = originals.IntersectionObserver;
    window.MutationObserver = originals.MutationObserver;
  });
  switch (new URLSearchParams(location.search).get('break')) {
    case 'define':
      customElements.define = broken('customElements.define');
      break;
    case 'intersection':
      window.IntersectionObserver = broken('IntersectionObserver');
      break;
    case 'mutation':
      window.MutationObserver = broken('MutationObserver');
      break;
    case 'theirs':
      window.Snippets = { version: '2.4.0-theirs', greet: function () { return 'still theirs'; } };
      break;
    case 'stub-version':
      window.Snippets = { version: 'stub', q: [['setPayload', { model: 'queued-by-a-versioned-stub' }]] };
      break;
    case 'proxy':
      window.Snippets = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
      break;
    case 'proxy-queue':
      window.Snippets = { q: new Proxy([['setPayload', { model: 'never-read' }]], { get: trap }) };
      break;
  }
})();
