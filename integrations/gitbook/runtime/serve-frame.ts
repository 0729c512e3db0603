import type { IntegrationEnvironment } from '@gitbook/api';
import type { IntegrationData } from '../lib/integration-data.ts';

const FRAME_PATH = '/frame';

/** The frame page's URL on the integration's content endpoint, versioned so caches never serve an old release. */
export function frameUrl(environment: IntegrationEnvironment, data: IntegrationData): string {
  const url = new URL(`${environment.integration.urls.publicContentEndpoint.replace(/\/+$/, '')}${FRAME_PATH}`);
  url.searchParams.set('v', versionToken(environment, data));
  return url.href;
}

const versionToken = (environment: IntegrationEnvironment, data: IntegrationData) => `${environment.integration.version}-${data.release}`;

/** The endpoints GitBook may route this integration's HTTP requests through. */
function endpointPaths(environment: IntegrationEnvironment): string[] {
  const urls = [
    environment.integration.urls.publicContentEndpoint,
    environment.integration.urls.publicEndpoint,
    environment.installation?.urls.publicEndpoint,
    environment.spaceInstallation?.urls.publicEndpoint,
    environment.siteInstallation?.urls.publicEndpoint,
  ];
  return urls.filter((url): url is string => typeof url === 'string').map((url) => new URL(url).pathname.replace(/\/+$/, ''));
}

/**
 * The integration's HTTP handler: serves the frame page at `<endpoint>/frame` with its
 * Content-Security-Policy. A request carrying the current version token may be cached for
 * good (the URL changes with every release); any other for five minutes.
 */
export function serveFrame(request: Request, environment: IntegrationEnvironment, data: IntegrationData): Response {
  const url = new URL(request.url);
  const isFrame = endpointPaths(environment).some((base) => url.pathname === `${base}${FRAME_PATH}`);
  if (!isFrame) return new Response(`Not found: this integration serves only ${FRAME_PATH}.`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(`${request.method} is not allowed: use GET.`, { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const current = url.searchParams.get('v') === versionToken(environment, data);
  return new Response(request.method === 'HEAD' ? null : data.framePage.html, {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': data.framePage.csp,
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
