import { closestNames } from './closest-names.ts';
import { quoteForMessage } from './quote-for-message.ts';
import { SnippetError } from './snippet-error.ts';

const NAME = /^[a-z0-9-]+\.[a-z0-9-]+$/;
// Longer than any name could be: no suggestion is worth comparing it with every name.
const LONGEST_NAME = 100;

/** The names `name` most likely meant, as " Did you mean …?", or nothing. */
function hint(name: string, known: readonly string[]): string {
  if (name.length > LONGEST_NAME) return '';
  // What authors get wrong in the shape: capitals, a slash or a space for the dot, underscores.
  const shaped = name.trim().toLowerCase().replace(/[/\\:\s]+/g, '.').replace(/_/g, '-');
  const near = closestNames(shaped, known);
  return near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}

/** Checks a `data-name` against the library's names; the error lists the closest known names. */
export function checkSnippetName(name: string, known: readonly string[]): SnippetError | null {
  if (known.includes(name)) return null;
  if (!NAME.test(name)) {
    return new SnippetError(
      'invalid-name',
      name,
      `data-name=${quoteForMessage(name)} is not a snippet name: write it as "group.name" in lowercase letters, digits and dashes.${hint(name, known)}`,
    );
  }
  return new SnippetError(
    'unknown-snippet',
    name,
    `No snippet is named ${quoteForMessage(name)}.${hint(name, known)} The catalogue (catalogue.html, beside bundle.js) lists every name.`,
  );
}
