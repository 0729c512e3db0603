import { closestNames } from './closest-names.ts';
import { SnippetError } from './snippet-error.ts';

const NAME = /^[a-z0-9-]+\.[a-z0-9-]+$/;

/** Checks a `data-name` against the library's names; the error lists the closest known names. */
export function checkSnippetName(name: string, known: readonly string[]): SnippetError | null {
  if (known.includes(name)) return null;
  if (!NAME.test(name)) {
    return new SnippetError(
      'invalid-name',
      name,
      `data-name=${JSON.stringify(name)} is not a snippet name. Write it as "group.name", e.g. data-name="${known[0] ?? 'open-ai.chat-completion'}".`,
    );
  }
  const near = closestNames(name, known);
  const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
  return new SnippetError(
    'unknown-snippet',
    name,
    `No snippet is named ${JSON.stringify(name)}.${hint} Names are folders under shared/snippets/<group>/<name>/.`,
  );
}
