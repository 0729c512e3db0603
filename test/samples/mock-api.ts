import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_ANSWER } from './error-answer';
import { declaredKind, sampleFile } from './file-kinds';
import { isFileBody, type Answer, type Json, type OperationFixture } from './operation-fixture';
import { decodeBody, type RecordedRequest } from './recorded-request';

/** How the mock answers one run of one program. */
export interface RunSetup {
  /** `ok`: as the docs say; `error`: HTTP 400 with the error answer, to every request. */
  mode: 'ok' | 'error';
  /** The run's values mapped to the snippet's defaults: answers are picked by the default model. */
  aliases?: ReadonlyMap<string, string>;
  /** Use the answers of this `alternative` name where an operation has one. */
  alternative?: string;
  /** Polls answered "not ready" before the answer that completes; 2 unless set. */
  pollsBeforeDone?: number;
}

/** One run: its API key, and what it sent and got. */
export interface MockRun {
  /** The API key the program must send: it tells the mock which run a request belongs to. */
  key: string;
  requests: RecordedRequest[];
  /** The answer the mock gave to each request (null for a 404, a refused file …). */
  answers: (Answer | null)[];
  close(): void;
}

export interface MockApi {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  openRun(setup: RunSetup): MockRun;
  /** Requests no run's key or file URL claimed. */
  stray: RecordedRequest[];
  close(): Promise<void>;
}

interface OpenRun extends MockRun {
  id: string;
  setup: RunSetup;
  opened: number;
}

/**
 * Starts the local stand-in of the API on 127.0.0.1 (a free port), answering each operation as
 * its fixture says. Runs are told apart by their API key, so programs can run side by side.
 */
export async function startMockApi(operations: readonly OperationFixture[]): Promise<MockApi> {
  const runs = new Map<string, OpenRun>();
  const byKey = new Map<string, OpenRun>();
  const stray: RecordedRequest[] = [];
  let origin = '';

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        handle(request, Buffer.concat(chunks), response);
      } catch (error) {
        send(response, 500, { error: { message: `the mock API failed: ${(error as Error).message}` } });
      }
    });
  });

  function handle(request: IncomingMessage, raw: Buffer, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization ?? null;
    const recorded = (run: OpenRun | undefined, operation: string | null, status: number): RecordedRequest => ({
      method,
      path: url.pathname,
      query: [...url.searchParams.entries()],
      authorization,
      body: decodeBody(request.headers['content-type'], raw),
      at: run ? Date.now() - run.opened : 0,
      operation,
      status,
    });

    // The files a run's answers link to (TripoSR's mesh): /files/<run>/<name>.
    const file = /^\/files\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (file && method === 'GET') {
      const run = runs.get(file[1]!);
      const kind = declaredKind(decodeURIComponent(file[2]!));
      if (!run || !kind) {
        stray.push(recorded(run, null, 404));
        return send(response, 404, { error: { message: `no such file: ${url.pathname}` } });
      }
      run.requests.push(recorded(run, 'download', 200));
      run.answers.push(null);
      const { bytes, contentType } = sampleFile(kind);
      response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
      return void response.end(bytes);
    }

    const run = authorization?.startsWith('Bearer ') ? byKey.get(authorization.slice('Bearer '.length)) : undefined;
    if (!run) {
      stray.push(recorded(undefined, null, 401));
      return send(response, 401, { error: { message: 'Missing or unknown API key (the mock API gives each run its own)' } });
    }
    const operation = operations.find((op) => op.method === method && op.path === url.pathname);
    if (!operation) {
      run.requests.push(recorded(run, null, 404));
      run.answers.push(null);
      return send(response, 404, { error: { message: `${method} ${url.pathname} is no operation the docs describe (no fixture in test/samples/operations/)` } });
    }
    const entry = recorded(run, `${operation.method} ${operation.path}`, 0);
    const answer = pickAnswer(operation, run, entry);
    entry.status = typeof answer === 'string' ? 422 : (answer.status ?? 200);
    run.requests.push(entry);
    run.answers.push(typeof answer === 'string' ? null : answer);
    if (typeof answer === 'string') return send(response, 422, { error: { message: answer } });
    if (isFileBody(answer.body)) {
      const { bytes, contentType } = sampleFile(answer.body.file);
      response.writeHead(entry.status, { 'content-type': contentType, 'content-length': bytes.length });
      return void response.end(bytes);
    }
    const body = typeof answer.body === 'function' ? answer.body({ origin, files: `${origin}/files/${run.id}` }) : answer.body;
    send(response, entry.status, body);
  }

  /** The answer for this request, or why there is none. */
  function pickAnswer(operation: OperationFixture, run: OpenRun, request: RecordedRequest): Answer | string {
    if (run.setup.mode === 'error') return ERROR_ANSWER;
    if (operation.pending) {
      const polls = run.requests.filter((r) => r.operation === `${operation.method} ${operation.path}`).length + 1;
      if (polls <= (run.setup.pollsBeforeDone ?? 2)) return operation.pending;
    }
    const alternative = run.setup.alternative && operation.answers.find((a) => a.alternative === run.setup.alternative);
    if (alternative) return alternative;
    const sent = request.body.kind === 'json' ? (request.body.value as { model?: unknown } | null)?.model : undefined;
    const model = typeof sent === 'string' ? (run.setup.aliases?.get(sent) ?? sent) : undefined;
    const answer =
      operation.answers.find((a) => !a.alternative && model !== undefined && a.models?.includes(model)) ??
      operation.answers.find((a) => !a.alternative && !a.models);
    return (
      answer ??
      `the fixture of ${operation.method} ${operation.path} has no answer for the model ${JSON.stringify(model)}: add it to the "models" of an answer in test/samples/operations/`
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    stray,
    openRun(setup) {
      const id = randomBytes(6).toString('hex');
      const run: OpenRun = {
        id,
        key: `mock-key-${id}`,
        setup,
        opened: Date.now(),
        requests: [],
        answers: [],
        close: () => {
          runs.delete(id);
          byKey.delete(run.key);
        },
      };
      runs.set(id, run);
      byKey.set(run.key, run);
      return run;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function send(response: ServerResponse, status: number, body: Json): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
