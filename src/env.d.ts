// The build's virtual modules, typed by the formats that define them (src/core/formats/).

declare module 'virtual:snippet-library' {
  import type { LibraryModule } from './core/formats/library-index.ts';
  export const index: LibraryModule['index'];
  export const loaders: LibraryModule['loaders'];
}

declare module 'virtual:chunk-urls' {
  import type { ChunkUrls } from './core/formats/chunk-urls.ts';
  /** Null outside a production build (tests, the library build). */
  export const chunkUrls: ChunkUrls | null;
}

declare module 'virtual:token-styles' {
  /** The palette's colour classes (see core/formats/token-colors.ts). */
  const css: string;
  export default css;
}

declare module 'virtual:shiki-theme' {
  import type { ThemeRegistration } from 'shiki';
  /** github-light and github-dark as one theme whose colours are palette codes (build/dual-theme.ts). */
  const theme: ThemeRegistration;
  export default theme;
}

declare module 'virtual:icons' {
  import type { IconName } from './view/icons.ts';
  import type { ViewNode } from './view/view-node.ts';
  export const icons: Readonly<Record<IconName, ViewNode>>;
}

declare module '*.hbs' {
  const spec: object;
  export default spec;
}

declare module '*.css?inline' {
  const css: string;
  export default css;
}
