import type { ContentKitBlock, ContentKitDescendantElement, ContentKitDynamicBinding } from '@gitbook/api';
import { createComponent } from '@gitbook/runtime';
import type { IntegrationData } from '../lib/integration-data.ts';
import { snippetOptions } from '../lib/snippet-options.ts';

/** The modal's component id (the block's settings control opens it). */
export const SETTINGS_MODAL = 'settings';

type ModalProps = { name?: string; overrides?: Record<string, string> };
/** `name` and one text per variable, by variable name (the library reserves `name`). */
type ModalState = Record<string, string>;
type PickAction = { action: 'settings.pick'; name: string };

/**
 * The block's settings: a picker of every snippet of the library (grouped, by title and
 * id), then a text field per variable of the one picked, empty meaning its default.
 * Saving closes the modal with `{ name, overrides }`, which the block stores.
 */
export function createSettingsModal(data: IntegrationData) {
  const options = snippetOptions(data.snippets);
  return createComponent<ModalProps, ModalState, PickAction>({
    componentId: SETTINGS_MODAL,

    initialState: (props) => ({ ...(props.overrides ?? {}), name: props.name ?? '' }),

    async action(element, action) {
      // The picker changed: render the new snippet's variables (values of same-named ones stay).
      if (action.action === 'settings.pick') {
        return { state: { ...element.state, name: typeof action.name === 'string' ? action.name : '' } };
      }
      return element;
    },

    async render(element) {
      const snippet = data.snippets.find((s) => s.id === element.state.name);
      const variables = (snippet?.variables ?? []).filter((v) => !v.secret);
      const overrides: Record<string, ContentKitDynamicBinding> = {};
      for (const variable of variables) overrides[variable.name] = element.dynamicState(variable.name);
      const children: ContentKitDescendantElement[] = [
        {
          type: 'input',
          label: 'Code sample',
          hint: 'Every sample of the library, grouped by API. Type part of a title or id to filter.',
          element: {
            type: 'select',
            state: 'name',
            initialValue: element.state.name,
            placeholder: 'Pick a sample',
            options,
            onValueChange: { action: 'settings.pick', name: element.dynamicState('name') },
          },
        },
        ...variables.map(
          (variable): ContentKitDescendantElement => ({
            type: 'input',
            label: variable.name,
            hint: `Default: ${String(variable.default)}${typeof variable.default === 'number' ? ' (a number)' : typeof variable.default === 'boolean' ? ' (true or false)' : ''}. Leave empty to keep it.`,
            element: { type: 'textinput', state: variable.name, initialValue: element.state[variable.name] ?? '', placeholder: String(variable.default) },
          }),
        ),
      ];
      const modal = {
        type: 'modal',
        title: 'AI/ML API code sample',
        size: 'medium',
        submit: { type: 'button', label: 'Save', onPress: { action: '@ui.modal.close', returnValue: { name: element.dynamicState('name'), overrides } } },
        children,
      };
      // The runtime types every render as a block, but a component may render any root
      // element: GitBook's own integrations render their settings as a modal (marketo).
      return modal as unknown as ContentKitBlock;
    },
  });
}
