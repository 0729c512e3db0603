import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');

/** The Python stand-in for the `openai` package (see its docstring): the real one cannot be installed here. */
export const PYTHON_STAND_IN = join(HERE, 'python-stand-in');

/**
 * The npm packages JavaScript tabs may require, each with the majors a reader may get, installed
 * as pinned devDependencies: `npm i openai` resolves 6.x on Node 20 (7.x declares Node 22+), and
 * 7.x is the current major. A tab that requires one runs once per major.
 */
const NPM_PACKAGES: Record<string, { major: number; dir: string }[]> = {
  openai: [
    { major: 6, dir: join(REPO, 'node_modules/openai') },
    { major: 7, dir: join(REPO, 'node_modules/openai-v7') },
  ],
};

/** Python modules tabs may import: the standard library's, requests (Debian's python3-requests), and openai (the stand-in). */
const PYTHON_MODULES = new Set(['requests', 'openai', 'os', 'time', 'base64', 'json', 'sys', 'pathlib']);

/** How one tab runs: its command, and what it needs around it. */
export interface Runner {
  lang: string;
  /** `py`, `js`, `js (openai 6)`, `sh` */
  label: string;
  /** The file the program is saved as, in a folder of its own. */
  fileName: string;
  command: string;
  args: string[];
  /** Added to the program's environment: where the SDK or the stand-in is found. */
  env: Record<string, string>;
  /** Files to write beside the program (the CommonJS package.json that `npm init -y` writes). */
  files: Record<string, string>;
  /** Set when a module of the program is a stand-in, not the real package. */
  standIn: string | null;
}

/** The runners of a check, with the folders they need; `dispose()` removes those. */
export interface Runners {
  /** The runners for one rendered tab, or why it cannot run. */
  forTab(lang: string, source: string): Runner[] | { problem: string };
  dispose(): void;
}

// `npm init -y` on npm 10+ writes "type": "commonjs": the project the docs' Node quickstart sets up.
const PACKAGE_JSON = `${JSON.stringify({ name: 'sample', version: '1.0.0', main: 'index.js', type: 'commonjs' }, null, 2)}\n`;

/** Prepares a folder per npm package major (node_modules/<name> → that install), for NODE_PATH. */
export function createRunners(): Runners {
  const root = mkdtempSync(join(tmpdir(), 'check-samples-sdk-'));
  const nodePaths = new Map<string, string>();
  for (const [name, majors] of Object.entries(NPM_PACKAGES)) {
    for (const { major, dir } of majors) {
      const modules = join(root, `${name}-${major}`, 'node_modules');
      mkdirSync(modules, { recursive: true });
      symlinkSync(dir, join(modules, name), 'dir');
      nodePaths.set(`${name}@${major}`, modules);
    }
  }

  return {
    forTab(lang, source) {
      if (lang === 'py') {
        const imports = [...source.matchAll(/^(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/gm)].map((m) => (m[1] ?? m[2]!).split('.')[0]!);
        const unknown = imports.filter((name) => !PYTHON_MODULES.has(name));
        if (unknown.length) return { problem: `imports ${unknown.join(', ')}, which check:samples cannot install: add a runner for it in test/samples/runners.ts` };
        const standIn = imports.includes('openai');
        const env: Record<string, string> = standIn ? { PYTHONPATH: PYTHON_STAND_IN } : {};
        return [{ lang, label: 'py', fileName: 'main.py', command: 'python3', args: ['main.py'], env, files: {}, standIn: standIn ? 'openai (Python stand-in)' : null }];
      }
      if (lang === 'js') {
        const packages = [...new Set([...source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!))]
          .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name));
        const unknown = packages.filter((name) => !NPM_PACKAGES[name]);
        if (unknown.length) return { problem: `requires ${unknown.join(', ')}, which check:samples has not installed: add it as a pinned devDependency and to NPM_PACKAGES in test/samples/runners.ts` };
        if (packages.length > 1) return { problem: `requires ${packages.join(' and ')}: check:samples runs one package's majors at a time` };
        const base: Omit<Runner, 'label' | 'env'> = { lang, fileName: 'index.js', command: process.execPath, args: ['index.js'], files: { 'package.json': PACKAGE_JSON }, standIn: null };
        const name = packages[0];
        if (!name) return [{ ...base, label: 'js', env: {} }];
        return NPM_PACKAGES[name]!.map(({ major }) => ({ ...base, label: `js (${name} ${major})`, env: { NODE_PATH: nodePaths.get(`${name}@${major}`)! } }));
      }
      if (lang === 'sh') return [{ lang, label: 'sh', fileName: 'main.sh', command: 'bash', args: ['main.sh'], env: {}, files: {}, standIn: null }];
      return { problem: `check:samples has no runner for "${lang}" programs: add one in test/samples/runners.ts` };
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The majors of an npm package that JavaScript tabs are run with. */
export function testedMajors(name: string): number[] {
  return (NPM_PACKAGES[name] ?? []).map((p) => p.major);
}
