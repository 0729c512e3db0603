// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SnippetBoundary } from '../../src/view/SnippetBoundary.tsx';

function Broken(): never {
  throw new Error('boom');
}

describe('SnippetBoundary', () => {
  it('keeps a crash inside one viewer: a notice naming the snippet, reported once', () => {
    // React logs caught errors itself in development; the test only needs the boundary's account.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onError = vi.fn();
    const { container } = render(
      <>
        <SnippetBoundary name="image.flux" theme="dark" onError={onError}>
          <Broken />
        </SnippetBoundary>
        <p>the rest of the page</p>
      </>,
    );
    const notice = container.querySelector('[role="alert"]')!;
    expect(notice.getAttribute('data-code')).toBe('render-failed');
    expect(notice.textContent).toContain('The viewer of "image.flux" crashed: boom');
    expect(container.textContent).toContain('the rest of the page');
    expect(onError).toHaveBeenCalledTimes(1);
    const [error] = onError.mock.calls[0]!;
    expect(error).toMatchObject({ code: 'render-failed', snippet: 'image.flux', message: 'The viewer of "image.flux" crashed: boom' });
    expect(notice.textContent).toContain(error.message);
  });
});
