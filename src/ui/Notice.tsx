import { AlertTriangle } from 'react-feather';
import type { SnippetError } from '../core/snippet-error';
import type { Theme } from '../state/page-theme';

const HEADINGS: Record<string, string> = {
  'unknown-snippet': 'Unknown snippet',
  'invalid-name': 'Invalid snippet name',
  'bad-value': 'Invalid snippet value',
  'load-failed': 'Snippet could not load',
  'render-failed': 'Snippet could not render',
};

/** A readable notice in place of a viewer: what went wrong and how to fix it. */
export function Notice({ error, theme = 'auto' }: { error: SnippetError; theme?: Theme }) {
  return (
    <div className="notice" role="alert" data-code={error.code} data-theme={theme}>
      <AlertTriangle aria-hidden="true" size={16} className="notice-icon" />
      <div>
        <p className="notice-title">{HEADINGS[error.code] ?? 'Snippet error'}</p>
        <p className="notice-text">{error.message}</p>
      </div>
    </div>
  );
}
