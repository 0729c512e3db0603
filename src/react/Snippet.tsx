import { useContext, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SnippetValues } from '../core/types';
import { attachViewerShadow } from '../dom/mount-point';
import type { Theme } from '../state/page-theme';
import { SnippetBoundary } from '../ui/SnippetBoundary';
import { SnippetController } from '../ui/SnippetController';
import { WidgetContext } from '../ui/widget-context';
import { sharedServices } from './SnippetsProvider';

export interface SnippetProps {
  /** `group.name`, as in `data-name`. */
  name: string;
  /** Template variables, as `data-*` attributes would give them. */
  values?: SnippetValues;
  theme?: Theme;
  className?: string;
}

const NO_VALUES: SnippetValues = {};

/**
 * The same viewer as `<snippet data-name>`, for React docs sites (Docusaurus, Next.js,
 * Nextra): same pipeline, same UI, rendered into a shadow root of its own.
 */
export function Snippet({ name, values = NO_VALUES, theme = 'auto', className }: SnippetProps) {
  const services = useContext(WidgetContext) ?? sharedServices();
  const host = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState<{ element: HTMLDivElement; container: ShadowRoot } | null>(null);

  useLayoutEffect(() => {
    const element = host.current!;
    setMounted({ element, container: element.shadowRoot ?? attachViewerShadow(element) });
  }, []);

  return (
    <div ref={host} className={className} data-snippet-name={name}>
      {mounted &&
        createPortal(
          <WidgetContext.Provider value={services}>
            <SnippetBoundary key={name} name={name} onError={(error) => services.report(mounted.element, error)}>
              <SnippetController element={mounted.element} name={name} values={values} theme={theme} />
            </SnippetBoundary>
          </WidgetContext.Provider>,
          mounted.container,
        )}
    </div>
  );
}
