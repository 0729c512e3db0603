// A throwaway HTTP server on 127.0.0.1 for the stubs of the deploy's remote services.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HttpStub = { origin: string; close(): Promise<void> };

/** Serves `handle` on a free port of 127.0.0.1; `handle` gets the whole request body. */
export async function startHttpStub(handle: (req: IncomingMessage, body: Buffer, res: ServerResponse) => unknown): Promise<HttpStub> {
  const server = createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        await handle(req, body, res);
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}
