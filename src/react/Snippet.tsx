import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { SnippetValues, Theme } from '../core/types.ts';
import { createSnippetSession, LOADING, type SnippetSession } from '../pipeline/create-snippet-session.ts';
import { createViewer } from '../view/create-viewer.ts';
import { LiveViewer } from '../view/LiveViewer.tsx';
import { renderReact } from '../view/render-react.ts';
import { SnippetBoundary } from '../view/SnippetBoundary.tsx';
import { activeFile, noticeTree } from '../view/viewer-tree.ts';
import { defaultRuntime, RuntimeContext } from './SnippetsProvider.tsx';

export interface SnippetProps {
  /** `group.name`, as in `data-name`. */
  name: string;
  /** Template variables, as `data-*` attributes would give them. */
  values?: SnippetValues;
  theme?: Theme;
  className?: string;
}

const NO_VALUES: SnippetValues = {};
const NOTHING = () => () => undefined;
const loading = () => LOADING;

/**
 * The same viewer as `<snippet data-name>`, for React docs sites (Docusaurus, Next.js,
 * Nextra): the same pipeline and markup, rendered into a shadow root of its own. Its events
 * are dispatched on that root's host, the component's `<div>`.
 */
export function Snippet(props: SnippetProps) {
  // A server render (Docusaurus, Next.js) has no window: it draws what the browser's first
  // render draws too, the empty host, so hydration matches and the viewer mounts after it.
  if (typeof window === 'undefined') return <div className={props.className} data-snippet-name={props.name} data-state="loading" />;
  return <BrowserSnippet {...props} />;
}

function BrowserSnippet({ name, values = NO_VALUES, theme = 'auto', className }: SnippetProps) {
  const runtime = useContext(RuntimeContext) ?? defaultRuntime();
  const { services } = runtime;
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  useLayoutEffect(() => setRoot(runtime.mountPoints.attach(host.current!)), [runtime]);

  const session: SnippetSession | null = useMemo(
    () =>
      root &&
      createSnippetSession({
        library: runtime.library,
        renderer: runtime.renderer,
        highlighter: runtime.highlighter,
        onWarning: (message) => services.warn(root.host, message),
        onError: (error) => services.report(root.host, error),
      }),
    [runtime, services, root],
  );
  const state = useSyncExternalStore(session?.subscribe ?? NOTHING, session?.getState ?? loading, session?.getState ?? loading);
  const pageValues = useSyncExternalStore(services.pageValues.subscribe, services.pageValues.get, services.pageValues.get);
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    if (!session) return;
    session.prepare({
      name,
      layers: [
        { source: 'values', values: pageValues },
        { source: 'values', values: JSON.parse(valuesKey) as SnippetValues },
      ],
    });
    return () => session.cancel();
  }, [session, name, pageValues, valuesKey]);

  // One viewer per snippet name: its tab, expansion and copy feedback belong to that snippet.
  const snippet = state.snippet;
  const viewerName = snippet?.name ?? null;
  const viewer = useMemo(
    () =>
      snippet && root
        ? createViewer({
            snippet,
            theme,
            showTokens: true,
            preferences: services.preferences,
            onCopy: (language) => services.emit(root.host, { type: 'copy', name: snippet.name, language }),
            onRendered: (rendered) => services.emit(root.host, { type: 'render', name: rendered.name, languages: rendered.files.map((file) => file.lang) }),
          })
        : null,
    // Made once per name: later renderings and themes reach it through update() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [viewerName, root, services],
  );
  useLayoutEffect(() => {
    if (viewer && snippet) viewer.update({ snippet, theme });
  }, [viewer, snippet, theme]);
  useEffect(() => () => viewer?.destroy(), [viewer]);

  // Colours for the tab in view, when the build's tokens did not fit its code.
  useEffect(() => {
    if (!viewer || !session) return;
    const check = () => {
      const model = viewer.getSnapshot();
      const file = activeFile(model.snippet, model.lang);
      if (file.highlight === 'pending') session.highlight(file.lang);
    };
    check();
    return viewer.subscribe(check);
  }, [viewer, session]);

  const content = state.error
    ? renderReact(noticeTree(state.error, theme))
    : viewer &&
      root && (
        <SnippetBoundary name={name} theme={theme} onError={(error) => services.report(root.host, error)}>
          <LiveViewer viewer={viewer} />
        </SnippetBoundary>
      );
  return (
    <div ref={host} className={className} data-snippet-name={name} data-state={state.error ? 'error' : viewer ? 'ready' : 'loading'}>
      {root && content && createPortal(content, root)}
    </div>
  );
}
