// `@aimlapi/snippets/node`: the viewer rendered ahead of time, for docs sites that build their pages.
import type { SnippetValue } from '../core/types.ts';
import { createStaticRenderer, type StaticRenderer, type StaticRenderOptions } from './create-static-renderer.ts';

export { createStaticRenderer, type StaticRenderer, type StaticRenderOptions };
export { SnippetError, type SnippetErrorCode } from '../core/snippet-error.ts';
export type { SnippetValue, SnippetValues, Theme } from '../core/types.ts';
/** The viewer's stylesheet (dist-lib/viewer.css): to serve yourself when you link it with `stylesheet: { href }`. */
export { viewerCss } from '../view/viewer-styles.ts';

let shared: StaticRenderer | null = null;

/**
 * The viewer's markup for a snippet as an HTML string: `<snippet data-name … data-*>` holding a
 * declarative shadow root with the viewer's stylesheet and every tab's code, highlighted.
 * Throws a SnippetError (the closest names for an unknown one, the value and the fix for a
 * bad value). One renderer serves every call, so the library and Shiki load once.
 */
export function renderSnippetHtml(name: string, values?: Readonly<Record<string, SnippetValue>>, options?: StaticRenderOptions): Promise<string> {
  shared ??= createStaticRenderer();
  return shared.renderHtml(name, values, options);
}
