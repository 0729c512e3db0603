import { ContentKitIcon, type ContentKitBlock, type ContentKitDescendantElement } from '@gitbook/api';
import { ExposableError, createComponent } from '@gitbook/runtime';
import { closestNames } from '../../../tools/snippet-library/library-renderer.ts';
import { propsFromSettings, settingsFromProps, settingsProblems, usableOverrides, type BlockSettings } from '../lib/block-settings.ts';
import type { IntegrationData } from '../lib/integration-data.ts';
import { renderFallback } from '../lib/render-fallback.ts';
import { settingsFromUrl } from '../lib/settings-from-url.ts';
import { frameUrl } from './serve-frame.ts';
import { SETTINGS_MODAL } from './settings-modal.ts';

/** The manifest's block id. */
export const SNIPPET_BLOCK = 'snippet';

type BlockProps = Record<string, string>;
type BlockState = { name: string; overrides: Record<string, string> };

/**
 * The block "AI/ML API code sample": a webframe on the integration's own frame page, fed
 * the block's settings through data bindings (`name`, `overrides`), so a change re-renders
 * the snippet in place. Its settings come from the modal, a Markdown fence or a pasted URL.
 */
export function createSnippetBlock(data: IntegrationData) {
  const closest = (name: string) => closestNames(name, data.snippets.map((s) => s.id));

  /** New props and state for settings (only their usable overrides): the props include the Markdown fallback. */
  const saved = (settings: BlockSettings) => {
    const snippet = data.snippets.find((s) => s.id === settings.name);
    const usable = { name: settings.name, overrides: usableOverrides(snippet, settings.overrides) };
    return { props: propsFromSettings(usable, renderFallback(data, usable).text), state: usable };
  };

  return createComponent<BlockProps, BlockState>({
    componentId: SNIPPET_BLOCK,

    initialState: (props) => {
      const settings = settingsFromProps(props);
      return { name: settings.name, overrides: usableOverrides(data.snippets.find((s) => s.id === settings.name), settings.overrides) };
    },

    async action(element, action) {
      switch (action.action) {
        case '@ui.modal.close': {
          const value = (action.returnValue ?? {}) as { name?: unknown; overrides?: unknown };
          if (typeof value.name !== 'string' || value.name === '') return element;
          const overrides: Record<string, string> = {};
          for (const [key, text] of Object.entries((value.overrides ?? {}) as Record<string, unknown>)) {
            if (typeof text === 'string' && text.trim() !== '') overrides[key] = text;
          }
          return saved({ name: value.name, overrides });
        }
        case '@link.unfurl': {
          const settings = settingsFromUrl(action.url, data.unfurlBase);
          if (!settings || !data.snippets.some((s) => s.id === settings.name)) {
            throw new ExposableError(`${action.url} is not a snippet of the AI/ML API library: paste an embed.html?name=… or catalogue.html#… URL from ${data.unfurlBase}`);
          }
          return saved(settings);
        }
      }
      return element;
    },

    async render(element, { environment }) {
      // The output depends on the state and the integration's version only.
      element.setCache({ maxAge: 86400 });
      const editable = element.context.type === 'document' && element.context.editable;
      const settings = settingsFromProps(element.props);
      const { name } = element.state;
      const controls: ContentKitBlock['controls'] = [
        {
          label: 'Choose the code sample',
          icon: ContentKitIcon.Settings,
          onPress: { action: '@ui.modal.open', componentId: SETTINGS_MODAL, props: { name, overrides: settings.overrides } },
        },
      ];
      const children: ContentKitDescendantElement[] = [];
      if (!name) {
        if (editable) children.push(hint('Pick a sample from the AI/ML API library: open this block’s settings (⚙).'));
        return { type: 'block', controls, children };
      }
      if (editable) {
        const problems = settingsProblems(settings, data.snippets, closest);
        // Anything else that stops the sample rendering (the widget's own checks), said once.
        const fallback = problems.length === 0 ? renderFallback(data, settings).problem : null;
        if (fallback) problems.push(fallback);
        children.push(...problems.map(hint));
      }
      children.push({
        type: 'webframe',
        source: { url: frameUrl(environment, data) },
        // No aspectRatio here: GitBook would hold it until the frame's first resize.
        data: { name: element.dynamicState('name'), overrides: element.dynamicState('overrides') },
      });
      return { type: 'block', controls, children };
    },
  });
}

const hint = (text: string): ContentKitDescendantElement => ({ type: 'hint', children: [{ type: 'text', children: text }] });
