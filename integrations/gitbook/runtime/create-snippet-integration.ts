import { createIntegration } from '@gitbook/runtime';
import type { IntegrationData } from '../lib/integration-data.ts';
import { serveFrame } from './serve-frame.ts';
import { createSettingsModal } from './settings-modal.ts';
import { createSnippetBlock } from './snippet-block.ts';

/** The integration: the block, its settings modal, and the frame page its webframe shows. */
export function createSnippetIntegration(data: IntegrationData) {
  return createIntegration({
    fetch: async (request, { environment }) => serveFrame(request, environment, data),
    components: [createSnippetBlock(data), createSettingsModal(data)],
  });
}
