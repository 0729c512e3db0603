import type { Problem } from './problem';

/** An API operation as config.json names it: `"method": "POST", "path": "/v1/chat/completions"`. */
export interface Operation {
  method: string;
  path: string;
}

/** The fields of config.json this check reads (the schema has checked their types). */
export interface OperationConfig {
  method?: unknown;
  path?: unknown;
  alsoCalls?: unknown;
  payload: Record<string, unknown>;
}

/** A program rendered with the snippet's defaults, and the string literals its parser found. */
export interface RenderedProgram {
  file: string;
  source: string;
  strings: readonly string[];
}

// What the OpenAI SDK appends to its base URL for each call the samples make. The SDK builds
// the URL itself, so its tabs name the operation by the method they call, not by a literal.
const OPENAI_SDK_CALLS: Record<string, RegExp> = {
  '/chat/completions': /\.chat\.completions\.create\(/,
  '/completions': /(?<!chat)\.completions\.create\(/,
  '/embeddings': /\.embeddings\.create\(/,
  '/images/generations': /\.images\.generate\(/,
};
const USES_OPENAI_SDK = /require\(['"]openai['"]\)|from openai import|import openai/;

/** The operations a config declares: the main one first, then `alsoCalls`. */
export function declaredOperations(config: OperationConfig): Operation[] {
  const operations: Operation[] = [];
  if (typeof config.method === 'string' && typeof config.path === 'string') operations.push({ method: config.method, path: config.path });
  if (Array.isArray(config.alsoCalls)) {
    for (const item of config.alsoCalls as Partial<Operation>[]) {
      if (typeof item?.method === 'string' && typeof item.path === 'string') operations.push({ method: item.method, path: item.path });
    }
  }
  return operations;
}

/**
 * Checks that every operation config.json declares is one the snippet's programs call: its path
 * starts with the path of the default `baseUrl` (the convention docs/authoring.md describes), and
 * each program, rendered with the defaults, holds that whole URL as a string literal (as
 * `{{str (url baseUrl "/chat/completions")}}` writes it) or calls the OpenAI SDK method that sends
 * there. A URL the program joins itself (`BASE_URL + "/chat/completions"`) does not count: the
 * template joins it, so the reader sees the URL the program calls. `npm run check:samples` then
 * checks the requests the programs really send.
 */
export function checkOperation(configFile: string, config: OperationConfig, programs: readonly RenderedProgram[]): Problem[] {
  const problems: Problem[] = [];
  const baseUrl = config.payload.baseUrl;
  if (typeof baseUrl !== 'string') {
    return [{ file: configFile, reason: 'payload has no baseUrl, so the check cannot tell what "path" the programs call: add the API base URL (e.g. "https://api.aimlapi.com/v1")' }];
  }
  let basePath: string;
  try {
    basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    return [{ file: configFile, reason: `payload.baseUrl ${JSON.stringify(baseUrl)} is not a URL` }];
  }

  for (const { method, path } of declaredOperations(config)) {
    if (!(path === basePath || path.startsWith(`${basePath}/`))) {
      problems.push({
        file: configFile,
        reason: `"path" ${JSON.stringify(path)} does not start with ${JSON.stringify(basePath || '/')}, the path of payload.baseUrl (${baseUrl}): write the path from the API origin, e.g. ${JSON.stringify(`${basePath}${path}`)}`,
      });
      continue;
    }
    const rest = path.slice(basePath.length);
    const url = `${baseUrl.replace(/\/+$/, '')}${rest}`;
    for (const program of programs) {
      const literal = program.strings.includes(url);
      const sdkCall = USES_OPENAI_SDK.test(program.source) && OPENAI_SDK_CALLS[rest]?.test(program.source) === true;
      if (!literal && !sdkCall) {
        problems.push({
          file: program.file,
          reason: `with its defaults, sends nothing to ${method} ${path} (config.json "method" + "path"): no string literal is the URL ${JSON.stringify(url)}, as {{str (url baseUrl ${JSON.stringify(rest)})}} writes it, and no OpenAI SDK call sends there`,
        });
      }
    }
  }
  return problems;
}
