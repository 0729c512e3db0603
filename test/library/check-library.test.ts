import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../build/read-library.ts';
import { checkLibrary } from './check-library';
import { findIdCollisions } from './check-names';

// The fixtures are tiny fake libraries: `good` passes every check, and each folder of
// `broken` fails one way. They use the real schema, as shared/snippets does.
const SCHEMA = 'shared/snippets/config.schema.json';
const FIXTURES = 'test/library/fixtures';
const BROKEN = `${FIXTURES}/broken`;

const broken = checkLibrary(BROKEN, { schemaPath: SCHEMA });
const reasonsFor = (file: string) => broken.problems.filter((p) => p.file === `${BROKEN}/${file}`).map((p) => p.reason);

describe('checkLibrary on a sound library', () => {
  const good = checkLibrary(`${FIXTURES}/good`, { schemaPath: SCHEMA });

  it('finds no problem', () => {
    expect(good.problems).toEqual([]);
  });

  it('renders every language with defaults, hostile values and alternate numbers, and parses each', () => {
    expect(good.programs.map((p) => `${p.lang} ${p.variant}`).sort()).toEqual(
      ['js', 'json', 'py', 'sh', 'ts'].flatMap((lang) => [`${lang} alternate`, `${lang} defaults`, `${lang} hostile`]),
    );
    expect(good.programs.every((p) => p.parsed.error === undefined)).toBe(true);
  });

  it('finds each hostile value whole in a string literal, in every language', () => {
    const hostile = good.programs.filter((p) => p.variant === 'hostile');
    for (const program of hostile) {
      const message = program.values.message as string;
      expect(message, program.file).toMatch(/^⟪message⟫ it's "quoted" \\/);
      expect(program.parsed.strings.some((s) => s.includes(message)), program.file).toBe(true);
      // Never raw: a raw newline would have ended the literal.
      expect(program.source.includes(message), program.file).toBe(false);
    }
  });
});

describe('checkLibrary catches', () => {
  it.each([
    ['Python that does not parse', 'parse/python/py.hbs', /with its defaults, the output does not parse as Python: line 1: expected ':'/],
    ['JavaScript that does not parse', 'parse/javascript/js.hbs', /with its defaults, the output does not parse as JavaScript: Unexpected token/],
    ['TypeScript that does not parse', 'parse/typescript/ts.hbs', /with its defaults, the output does not parse as TypeScript: line 3/],
    ['a shell script that does not parse', 'parse/shell/sh.hbs', /does not parse as a shell script: .*unexpected EOF/],
    ['a curl JSON body that is not JSON', 'parse/json-body/sh.hbs', /here-document <<'JSON' is not valid JSON/],
    ['a variable printed raw', 'escape/raw-variable/js.hbs', /\{\{model\}\} puts the value into the code unescaped/],
    ['a value that breaks the program', 'escape/raw-variable/js.hbs', /with a hostile value in every string variable, the output does not parse as JavaScript/],
    ['a literal quoted twice', 'escape/quoted-twice/py.hbs', /with a hostile value .* does not parse as Python/],
    ['a value that escapes a comment', 'escape/in-comment/py.hbs', /the value of "model" does not come back intact/],
    ['a helper printed unescaped', 'escape/unescaped-helper/sh.hbs', /\{\{concat …\}\} prints its result unescaped/],
    ['a heredoc the shell would expand', 'escape/unquoted-heredoc/sh.hbs', /here-document <<JSON is unquoted/],
    ['a boolean spelled for the wrong language', 'escape/wrong-boolean/py.hbs', /"stream" = True does not appear/],
    ['a variable with no default', 'variables/missing-default/py.hbs', /uses "voice", which has no default/],
    ['the strict-mode render error of that variable', 'variables/missing-default/py.hbs', /does not render with its defaults/],
    ['a payload key no template uses', 'variables/unused-key/config.json', /payload\.temperature is used by no template/],
    ['a block that changes the context', 'variables/each-block/py.hbs', /\{\{#each\}\} is not supported/],
    ['a missing title', 'config/no-title/config.json', /must have "title"/],
    ['docs not on https', 'config/http-docs/config.json', /\/docs must match \^https:\/\//],
    ['a $schema that points elsewhere', 'config/wrong-schema/config.json', /\/\$schema must be "\.\.\/\.\.\/config\.schema\.json"/],
    ['a config that is not JSON', 'config/not-json/config.json', /is not valid JSON/],
    ['a reserved variable name', 'config/reserved-name/config.json', /\/payload\/name must not be "name"/],
    ['an empty default', 'config/empty-default/config.json', /\/payload\/model must not be shorter than 1/],
    ['a credential not listed in secrets', 'config/unlisted-secret/config.json', /payload\.apiKey looks like a credential/],
    ['a folder name not in kebab-case', 'names/Bad_Name', /snippet folder "Bad_Name" is not kebab-case/],
    ['a template name not in kebab-case', 'names/upper-template/Py.hbs', /template name "Py\.hbs" is not kebab-case/],
    ['a stray file', 'names/stray-file/notes.txt', /unexpected file/],
    ['a folder without config.json', 'names/no-config', /has no config\.json/],
    ['a language the widget cannot show', 'languages/unknown-language/rb.hbs', /"rb" is not a language the widget knows/],
    ['an unused Python import', 'lint/unused-import/py.hbs', /imports "os" but never uses it/],
    ['an unused JavaScript require', 'lint/unused-import/js.hbs', /requires "readFile" but never uses it/],
    ['a main() never called', 'lint/no-main/py.hbs', /never calls main\(\)/],
    ['import in a CommonJS program', 'lint/import/js.hbs', /uses import\/export, which the docs' Node setup \(npm init -y: a CommonJS project\) cannot run as is: use require\(\)/],
    ['a config without method', 'config/no-operation/config.json', /must have "method"/],
    ['a path with a query string', 'config/no-operation/config.json', /\/path must match .*, got "\/v1\/chat\/completions\?stream=true"/],
    ['an unknown HTTP method', 'config/no-operation/config.json', /\/alsoCalls\/0\/method must be one of "GET", "POST"/],
    ['a path no program calls', 'operation/wrong-path/py.hbs', /sends nothing to POST \/v1\/chat\/completion \(config.json "method" \+ "path"\): no string literal is the URL "https:\/\/api\.example\.com\/v1\/chat\/completion"/],
    ['a URL the program joins at run time', 'operation/joined-at-run-time/py.hbs', /sends nothing to POST \/v1\/chat\/completions .*: no string literal is the URL "https:\/\/api\.example\.com\/v1\/chat\/completions", as \{\{str \(url baseUrl "\/chat\/completions"\)\}\} writes it/],
    ['a path written from the base URL, not the origin', 'operation/outside-base-url/config.json', /"path" "\/chat\/completions" does not start with "\/v1", the path of payload.baseUrl .* e\.g\. "\/v1\/chat\/completions"/],
    ['a snippet with no baseUrl to call', 'config/no-operation/config.json', /payload has no baseUrl/],
    ['a missing description', 'config/no-description/config.json', /^has no "description": add one or two plain sentences saying what the sample does and what it prints or saves$/],
    ['Markdown, a line break and no period in the description', 'config/markdown-prose/config.json', /^description is not plain text for the snippet's Markdown page: it holds a line break.*; it holds "\*", "`", "_", which Markdown may read as markup: write plain text; it does not end with a period$/],
    ['a table pipe in a variable\'s phrase', 'config/markdown-prose/config.json', /^variables\.model is not plain text for the snippet's Markdown page: it holds "\|", "<", ">"/],
    ['a variable\'s phrase over 100 characters', 'config/markdown-prose/config.json', /^variables\.model has 110 characters, more than 100: keep it to a short phrase$/],
    ['a variable without its phrase', 'variables/no-phrase/config.json', /^snippet "variables\.no-phrase": payload\.model \(data-model\) has no phrase in "variables": add "model": "<what it is, in a few words>" to "variables"$/],
    ['a config without variables', 'variables/no-variables/config.json', /^snippet "variables\.no-variables" has no "variables": add one short phrase per payload key \(apiKey, baseUrl, model\)/],
    ['a phrase for a misspelt key', 'variables/stray-phrase/config.json', /^snippet "variables\.stray-phrase": variables\.modle describes no payload key: rename it to "model", or remove it$/],
    ['a phrase for a key the payload lacks', 'variables/stray-phrase/config.json', /^snippet "variables\.stray-phrase": variables\.voice describes no payload key: remove it, or add "voice" to payload$/],
  ])('%s', (_kind, file, reason) => {
    expect(reasonsFor(file)).toContainEqual(expect.stringMatching(reason));
  });

  it.each(['config/no-description', 'config/markdown-prose', 'variables/no-phrase', 'variables/no-variables', 'variables/stray-phrase'])(
    'nothing but its prose in %s',
    (fixture) => {
      const reasons = broken.problems.filter((p) => p.file.startsWith(`${BROKEN}/${fixture}/`)).map((p) => p.reason);
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.filter((reason) => !/description|variables/.test(reason))).toEqual([]);
    },
  );

  it('something in every broken fixture, and nothing outside them', () => {
    const folders = readdirSync(BROKEN).flatMap((group) => readdirSync(join(BROKEN, group)).map((name) => `${BROKEN}/${group}/${name}`));
    for (const folder of folders) {
      expect(broken.problems.some((p) => p.file === folder || p.file.startsWith(`${folder}/`)), folder).toBe(true);
    }
    expect(broken.problems.filter((p) => !folders.some((folder) => p.file.startsWith(folder)))).toEqual([]);
  });

  it('ids that differ only in case', () => {
    const entry = (group: string, name: string): LibraryEntry => ({
      id: `${group}.${name}`, group, name, dir: `lib/${group}/${name}`, configPath: `lib/${group}/${name}/config.json`, templates: [],
    });
    expect(findIdCollisions([entry('open-ai', 'chat'), entry('Open-AI', 'chat'), entry('open-ai', 'other')])).toEqual([
      { file: 'lib/Open-AI/chat', reason: 'id "Open-AI.chat" collides with "open-ai.chat" (lib/open-ai/chat)' },
    ]);
  });

  it('a missing schema', () => {
    expect(checkLibrary(`${FIXTURES}/good`, { schemaPath: `${FIXTURES}/no-such-schema.json` }).problems).toEqual([
      { file: `${FIXTURES}/no-such-schema.json`, reason: 'the config schema is missing' },
    ]);
  });
});
