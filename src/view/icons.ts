import { icons } from 'virtual:icons';
import type { ViewNode } from './view-node.ts';

/** The viewer's icons, drawn by react-feather at build time (build/feather-icons.ts). */
export type IconName = 'docs' | 'wrap' | 'expand' | 'collapse' | 'copy' | 'copied' | 'alert';

/** An icon's SVG as a view node: hidden from assistive technology, its button carries the name. */
export const icon = (name: IconName): ViewNode => icons[name];
