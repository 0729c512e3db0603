/** Every console line of the widget starts with this, so a page's console can be filtered by it. */
export const LOG_PREFIX = '[snippets]';
