// A hardened host page (SES lockdown(), security-minded sites): before any other script runs,
// it freezes the prototypes every script shares. `?lockdown` freezes every JavaScript
// intrinsic deeply, as SES's lockdown() does (without its taming). It also records what an
// uncaught error or rejection would tell the page, in window.__hostErrors.
(function () {
  'use strict';
  var errors = [];
  window.__hostErrors = errors;
  window.addEventListener('error', function (event) {
    errors.push('error: ' + event.message);
  });
  window.addEventListener('unhandledrejection', function (event) {
    errors.push('unhandledrejection: ' + String(event.reason && event.reason.stack ? event.reason.stack : event.reason));
  });

  var roots = [Object.prototype, Array.prototype, Function.prototype, Promise.prototype, String.prototype];
  if (new URLSearchParams(location.search).has('lockdown')) {
    var names = ['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Error', 'TypeError',
      'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'RegExp', 'Date', 'Map',
      'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'Proxy', 'Reflect', 'JSON', 'Math',
      'Atomics', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
      'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
      'BigUint64Array', 'Intl', 'Iterator'];
    names.forEach(function (name) {
      if (globalThis[name] !== undefined) roots.push(globalThis[name]);
    });
    // Intrinsics no global names: iterators', generators' and async functions' prototypes.
    roots.push(
      Object.getPrototypeOf([][Symbol.iterator]()),
      Object.getPrototypeOf(new Map().entries()),
      Object.getPrototypeOf(''[Symbol.iterator]()),
      Object.getPrototypeOf(/x/[Symbol.matchAll]('x')),
      Object.getPrototypeOf(function* () {}),
      Object.getPrototypeOf(async function () {}),
      Object.getPrototypeOf(async function* () {}),
      Object.getPrototypeOf(Int8Array),
    );
  }
  // Deeply: each object, its prototype, and every value and accessor it holds.
  var seen = new Set();
  var stack = roots.slice();
  while (stack.length) {
    var object = stack.pop();
    if ((typeof object !== 'object' && typeof object !== 'function') || object === null || seen.has(object)) continue;
    seen.add(object);
    Object.freeze(object);
    stack.push(Object.getPrototypeOf(object));
    Reflect.ownKeys(object).forEach(function (key) {
      var descriptor = Object.getOwnPropertyDescriptor(object, key);
      stack.push(descriptor.value, descriptor.get, descriptor.set);
    });
  }
  window.__frozen = seen.size;
})();
