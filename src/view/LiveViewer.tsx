import { useCallback, useEffect, useSyncExternalStore, type SyntheticEvent } from 'react';
import type { Viewer } from './create-viewer.ts';
import { renderReact } from './render-react.ts';
import { viewerTree } from './viewer-tree.ts';

/** The viewer drawn by React: the same markup as the first paint, the same viewer behind it. */
export function LiveViewer({ viewer }: { viewer: Viewer }) {
  const model = useSyncExternalStore(viewer.subscribe, viewer.getSnapshot, viewer.getSnapshot);
  const onEvent = useCallback((event: SyntheticEvent) => viewer.handle(event.nativeEvent), [viewer]);
  useEffect(() => viewer.drawn(model), [viewer, model]);
  return renderReact(viewerTree(model), { onClick: onEvent, onKeyDown: onEvent });
}
