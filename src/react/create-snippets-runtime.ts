import { index, loaders } from 'virtual:snippet-library';
import { createLazyModule } from '../core/create-lazy-module.ts';
import { createPageHighlighter, type PageHighlighter } from '../highlight/create-page-highlighter.ts';
import { createMountPoints, type MountPoints } from '../host/create-mount-points.ts';
import { createWidgetServices, type WidgetRuntime } from '../host/create-widget-services.ts';
import type { TemplateRenderer } from '../pipeline/create-handlebars-renderer.ts';
import { createSnippetLibrary, type SnippetLibrary } from '../pipeline/create-snippet-library.ts';

/** What the React components of one provider share: services, the library, the renderer and the highlighter. */
export interface SnippetsRuntime {
  services: WidgetRuntime;
  library: SnippetLibrary;
  renderer(): Promise<TemplateRenderer>;
  highlighter: PageHighlighter;
  mountPoints: MountPoints;
}

/** Creates a runtime; it holds no listener until a snippet subscribes, so it needs no teardown. */
export function createSnippetsRuntime(win: Window): SnippetsRuntime {
  const rendererModule = createLazyModule(() => import('../pipeline/create-handlebars-renderer.ts'));
  let renderer: Promise<TemplateRenderer> | null = null;
  return {
    services: createWidgetServices(win),
    library: createSnippetLibrary({ index, loaders }),
    renderer() {
      renderer ??= rendererModule.get().then(
        (module) => module.createHandlebarsRenderer(),
        (error: unknown) => {
          renderer = null;
          throw error;
        },
      );
      return renderer;
    },
    highlighter: createPageHighlighter(),
    mountPoints: createMountPoints(),
  };
}
