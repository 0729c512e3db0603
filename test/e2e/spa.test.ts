// A single-page docs site swaps content without reloading: the widget follows additions,
// attribute changes and removals, and nothing errors.
import { describe, it } from 'vitest';
import { usePages } from './helpers';
import { exerciseSpa } from './spa-scenario';

const open = usePages();

describe('single-page app navigation', () => {
  it('renders added snippets, re-renders changed ones, and forgets removed ones without errors', async () => {
    const opened = await open('/spa.html');
    await exerciseSpa(opened);
  });
});
