import type { Viewer } from './create-viewer.ts';
import { patchDom, renderDom } from './render-dom.ts';
import { viewerTree, type ViewerModel } from './viewer-tree.ts';

/**
 * Draws a viewer into `root` with plain DOM, as it is now and after every change, and hands
 * the reader's clicks and keys to it: the first paint is live before React arrives. Given the
 * markup of a viewer rendered ahead of time (`from`), it turns that into the live viewer in
 * place, keeping what is the same. Returns a function that stops it and takes the drawing
 * out (whoever takes over draws its own).
 */
export function paintViewer(root: ShadowRoot, viewer: Viewer, from: Element | null = null): () => void {
  let shown: ViewerModel | null = null;
  let node: Element | null = from;
  const paint = () => {
    const model = viewer.getSnapshot();
    if (model === shown) return;
    shown = model;
    const tree = viewerTree(model);
    node = node?.isConnected ? patchDom(node, tree) : root.appendChild(renderDom(root.ownerDocument, tree));
    viewer.drawn(model);
  };
  const onEvent = (event: Event) => viewer.handle(event);
  root.addEventListener('click', onEvent);
  root.addEventListener('keydown', onEvent);
  const stop = viewer.subscribe(paint);
  paint();
  return () => {
    stop();
    root.removeEventListener('click', onEvent);
    root.removeEventListener('keydown', onEvent);
    node?.remove();
  };
}
