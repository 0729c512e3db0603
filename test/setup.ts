import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  // Tests may opt into `@vitest-environment node`, where there is no document to clean.
  if (typeof document === 'undefined') return;
  cleanup();
  document.body.innerHTML = '';
});
