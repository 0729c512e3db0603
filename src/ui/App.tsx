import { memo, useLayoutEffect, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { removePreview } from '../dom/paint-preview';
import type { MountedSnippet, SnippetRegistry } from '../dom/snippet-registry';
import { SnippetBoundary } from './SnippetBoundary';
import { SnippetController } from './SnippetController';
import { useWidget } from './widget-context';

const Viewer = memo(function Viewer({ entry }: { entry: MountedSnippet }) {
  const { report } = useWidget();
  // The plain preview painted before React loaded gives way in the frame the viewer appears.
  useLayoutEffect(() => removePreview(entry.container), [entry.container]);
  return (
    // Keyed by name: a new data-name is a new snippet, with fresh state.
    <SnippetBoundary key={entry.name} name={entry.name} onError={(error) => report(entry.element, error)}>
      <SnippetController element={entry.element} name={entry.name} values={entry.values} theme={entry.theme} />
    </SnippetBoundary>
  );
});

/** The widget's one React root: a portal into each mounted snippet's shadow root. */
export function App({ registry }: { registry: SnippetRegistry }) {
  const entries = useSyncExternalStore(registry.subscribe, registry.list, registry.list);
  return entries.map((entry) => createPortal(<Viewer entry={entry} />, entry.container, String(entry.key)));
}
