import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { glob, isDynamicPattern } from 'tinyglobby';
import { createStaticRenderer } from './create-static-renderer.ts';
import { expandSnippetsInHtml } from './expand-snippets-in-html.ts';
import { checkRenderDefaults, type RenderDefaults } from './render-request.ts';

/** Where the CLI reads and writes: the process's, or a test's. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `Usage: aiml-snippets render <file|folder|glob…> [options]

Pre-renders every <snippet data-name> and <aiml-snippet data-name> of static HTML files: the
element and its attributes stay, its content (fallback text, an older pre-render) becomes the
viewer's markup (every tab highlighted, in a declarative shadow root). bundle.js on the page
takes the viewers over; without it they are readable, every tab reachable.

A folder means every .html/.htm file in it; quote globs ("site/**/*.html") so that the CLI,
not the shell, expands them (node_modules folders are skipped).

Options:
  --out <dir>         write the pages to <dir>, mirroring each input's folder, instead of in place
  --stylesheet <url>  link the viewer's stylesheet (viewer.css, as served by your site) instead of
                      inlining it in every snippet
  --lang <lang>       the tab shown first where a snippet has it: py, js, ts, sh, json (or python,
                      javascript, curl…); by default each snippet's own order
  --theme <theme>     auto (default: the reader's colour scheme), light or dark, for snippets
                      without a data-theme
  -h, --help          show this help

Exit status: 0 when every snippet rendered; 1 when any could not (each reported as
file:line:column, with the closest names for an unknown one), the others still written;
2 for a usage error (nothing written).`;

class UsageError extends Error {}

/** `aiml-snippets …`: returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    // parseArgs says what was wrong with a TypeError (an unknown option, a missing value).
    io.stderr(`aiml-snippets: ${error.message}\nRun aiml-snippets --help for the options.\n`);
    return 2;
  }
  if (command.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }

  let inputs: Input[];
  try {
    inputs = await findInputs(command.patterns, io.cwd, command.out);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`aiml-snippets: ${error.message}\n`);
    return 2;
  }

  const renderer = createStaticRenderer();
  let rendered = 0;
  let written = 0;
  let errors = 0;
  for (const input of inputs) {
    const shown = relative(io.cwd, input.path) || input.path;
    const text = await readFile(input.path, 'utf8');
    const result = await expandSnippetsInHtml(text, renderer, command.defaults);
    for (const problem of result.problems) io.stderr(`${shown}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}\n`);
    errors += result.problems.filter((problem) => problem.severity === 'error').length;
    rendered += result.rendered;
    if (input.target === input.path && result.html === text) continue;
    await mkdir(dirname(input.target), { recursive: true });
    await writeFile(input.target, result.html);
    written++;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stdout(`aiml-snippets: ${plural(rendered, 'snippet')} pre-rendered in ${plural(inputs.length, 'file')} (${written} written)${errors ? `; ${plural(errors, 'error')}` : ''}.\n`);
  return errors ? 1 : 0;
}

interface Command {
  help: boolean;
  patterns: string[];
  out: string | undefined;
  defaults: RenderDefaults;
}

function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      stylesheet: { type: 'string' },
      lang: { type: 'string' },
      theme: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true, patterns: [], out: undefined, defaults: {} };
  const [name, ...patterns] = positionals;
  if (name !== 'render') throw new UsageError(name === undefined ? 'no command: write aiml-snippets render <files…>.' : `unknown command ${JSON.stringify(name)}: the command is render.`);
  if (!patterns.length) throw new UsageError('render needs the HTML files to render: aiml-snippets render "site/**/*.html".');
  if (values.stylesheet === '') throw new UsageError('--stylesheet needs the URL your site serves viewer.css at, e.g. --stylesheet /assets/viewer.css.');
  const flag = (setting: string) => `--${setting}`;
  let defaults: RenderDefaults;
  try {
    defaults = checkRenderDefaults(
      {
        lang: values.lang,
        theme: values.theme as RenderDefaults['theme'],
        stylesheet: values.stylesheet === undefined ? undefined : { href: values.stylesheet },
      },
      flag,
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { help: false, patterns, out: values.out, defaults };
}

interface Input {
  path: string;
  /** Where its pre-rendered text goes: itself, or its place under --out. */
  target: string;
}

/**
 * The files the patterns name, each with where it is written. Under --out, a file keeps its
 * path relative to its pattern's fixed part (`site/**\/*.html` → `<out>/docs/a.html` for
 * `site/docs/a.html`; a file named outright → `<out>/<its name>`).
 */
async function findInputs(patterns: readonly string[], cwd: string, out: string | undefined): Promise<Input[]> {
  const outDir = out === undefined ? undefined : resolve(cwd, out);
  const inputs = new Map<string, Input>();
  const targets = new Map<string, string>();
  for (const pattern of patterns) {
    const { base, files } = await expand(pattern, cwd);
    // Pages already written under --out are outputs, not inputs, when the pattern reaches into it.
    const reachesOut = outDir !== undefined && isInside(outDir, base);
    const kept = files.filter((file) => !(reachesOut && isInside(file, outDir)));
    if (!kept.length) throw new UsageError(`no HTML file matches ${JSON.stringify(pattern)} (from ${cwd}).`);
    for (const path of kept) {
      if (inputs.has(path)) continue;
      const target = outDir ? join(outDir, relative(base, path)) : path;
      const other = targets.get(target);
      if (other !== undefined) throw new UsageError(`${relative(cwd, other)} and ${relative(cwd, path)} would both be written to ${relative(cwd, target)}: render them with separate --out folders.`);
      targets.set(target, path);
      inputs.set(path, { path, target });
    }
  }
  return [...inputs.values()];
}

/** A pattern's files (absolute, sorted) and the folder they are relative to under --out. */
async function expand(pattern: string, cwd: string): Promise<{ base: string; files: string[] }> {
  const absolute = resolve(cwd, pattern);
  const info = await stat(absolute).catch(() => null);
  // A name that exists is taken as written, even if it holds glob characters: "docs/[id].html".
  if (info?.isFile()) return { base: dirname(absolute), files: [absolute] };
  if (info?.isDirectory()) return { base: absolute, files: await globFiles(['**/*.html', '**/*.htm'], absolute) };
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  const base = resolve(cwd, fixed.join('/') || '.');
  return { base, files: await globFiles([pattern], cwd) };
}

async function globFiles(patterns: string[], cwd: string): Promise<string[]> {
  const files = await glob(patterns, { cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**'] });
  return files.map((file) => resolve(file)).sort();
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
