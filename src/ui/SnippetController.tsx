import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { resolveValues } from '../core/resolve-values';
import { describeUnknownVariables } from '../core/unknown-variables';
import { toSnippetError, type SnippetError } from '../core/snippet-error';
import type { RenderedSnippet, SnippetTemplate, SnippetValues } from '../core/types';
import { checkSnippetName, getLoadedSnippet, loadSnippet } from '../library/load-snippet';
import { renderSnippet } from '../render/render-snippet';
import type { Theme } from '../state/page-theme';
import { Notice } from './Notice';
import { SnippetView } from './SnippetView';
import type { HighlightStatus } from './use-highlight';
import { useWidget } from './widget-context';

/** `data-state` of a snippet element: tests, CSS and the benchmark read it. */
export type SnippetState = 'idle' | 'loading' | 'plain' | 'ready' | 'error';

interface ControllerProps {
  element: HTMLElement;
  name: string;
  values: Readonly<SnippetValues>;
  theme: Theme;
}

type Outcome = { snippet: RenderedSnippet; error: null } | { snippet: null; error: SnippetError };

/** One element's pipeline: load its templates, resolve its values, render, and show the result. */
export function SnippetController({ element, name, values, theme }: ControllerProps) {
  const services = useWidget();
  const pageValues = useSyncExternalStore(services.pageValues.subscribe, services.pageValues.get, services.pageValues.get);
  const [loaded, setLoaded] = useState<SnippetTemplate | undefined>(() => getLoadedSnippet(name));
  const [loadError, setLoadError] = useState<SnippetError | null>(() => checkSnippetName(name));

  useEffect(() => {
    if (loaded || loadError) return;
    let live = true;
    loadSnippet(name).then(
      (result) => live && setLoaded(result),
      (error: unknown) => live && setLoadError(toSnippetError(error, 'load-failed', name, 'Loading failed')),
    );
    return () => {
      live = false;
    };
  }, [name, loaded, loadError]);

  const outcome = useMemo((): Outcome | null => {
    if (loadError) return { snippet: null, error: loadError };
    if (!loaded) return null;
    try {
      const resolved = resolveValues(name, loaded.config, pageValues, values);
      return { snippet: renderSnippet(loaded, resolved), error: null };
    } catch (error) {
      return { snippet: null, error: toSnippetError(error, 'render-failed', name, 'Rendering failed') };
    }
  }, [loaded, loadError, name, pageValues, values]);

  const setState = useCallback((state: SnippetState) => element.setAttribute('data-state', state), [element]);
  const onHighlight = useCallback(
    (status: HighlightStatus) => setState(status === 'pending' ? 'plain' : 'ready'),
    [setState],
  );
  const onCopy = useCallback(
    (language: string) => services.emit(element, { type: 'copy', name, language }),
    [services, element, name],
  );

  useLayoutEffect(() => {
    if (!outcome) setState('loading');
    else if (outcome.error) {
      setState('error');
      services.report(element, outcome.error);
    }
  }, [outcome, setState, services, element]);

  useEffect(() => {
    if (!loaded) return;
    const problem = describeUnknownVariables(name, loaded.config, Object.keys(values));
    if (problem) services.warn(element, problem);
  }, [loaded, name, values, services, element]);

  useEffect(() => {
    if (outcome?.snippet) {
      services.emit(element, { type: 'render', name, languages: outcome.snippet.files.map((file) => file.lang) });
    }
  }, [outcome, services, element, name]);

  if (!outcome) return <div className="viewer viewer-loading" data-theme={theme} aria-busy="true" />;
  if (outcome.error) return <Notice error={outcome.error} theme={theme} />;
  return <SnippetView snippet={outcome.snippet} theme={theme} onHighlight={onHighlight} onCopy={onCopy} />;
}
