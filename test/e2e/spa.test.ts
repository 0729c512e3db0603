// A single-page docs site swaps content without reloading: the widget follows additions,
// attribute changes and removals, and nothing errors.
import { afterEach, describe, it } from 'vitest';
import { type OpenedPage, openPage, useBrowser } from './helpers';
import { exerciseSpa } from './spa-scenario';

const browser = useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe('single-page app navigation', () => {
  it('renders added snippets, re-renders changed ones, and forgets removed ones without errors', async () => {
    opened = await openPage(browser(), '/spa.html');
    await exerciseSpa(opened);
  });
});
