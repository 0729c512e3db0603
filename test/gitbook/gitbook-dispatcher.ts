// How GitBook calls an integration: a POST to `/v1` whose form data holds the event and the
// environment, answered by the script's default export (`createIntegration`'s fetch; see
// @gitbook/runtime src/integrations.ts). Shared by the unit tests and the browser tests'
// stand-in integrations host.
import { pathToFileURL } from 'node:url';

type Integration = { fetch: (request: Request, env: unknown, ctx: { waitUntil: (p: Promise<unknown>) => void }) => Promise<Response> };

/** What GitBook tells the integration about itself: its name, version and public URLs. */
export interface TestEnvironment extends Record<string, unknown> {
  integration: { name: string; version: number; urls: { publicEndpoint: string; publicContentEndpoint: string } };
}

export function testEnvironment(name: string, version: number, endpoint: string, contentEndpoint = endpoint): TestEnvironment {
  return {
    apiEndpoint: 'http://127.0.0.1:9/api', // never called: the block needs no API
    apiTokens: { integration: 'test-integration-token' },
    secrets: {},
    signingSecrets: { integration: 'test-signing-secret' },
    integration: { name, version, urls: { publicEndpoint: endpoint, publicContentEndpoint: contentEndpoint } },
  };
}

/** Loads a built integration script and returns a function that sends it GitBook events. */
export async function loadIntegration(script: string, environment: () => TestEnvironment): Promise<(event: Record<string, unknown>) => Promise<Response>> {
  const integration = ((await import(/* @vite-ignore */ `${pathToFileURL(script).href}?t=${Date.now()}`)) as { default: Integration }).default;
  let count = 0;
  return (event) => {
    const form = new FormData();
    form.set('event', JSON.stringify({ eventId: `e${++count}`, ...event }));
    form.set('environment', JSON.stringify(environment()));
    return integration.fetch(new Request('https://dispatcher.invalid/v1', { method: 'POST', body: form }), {}, { waitUntil: () => {} });
  };
}
