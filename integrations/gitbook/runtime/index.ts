// The integration's script (the manifest's `script`), bundled by scripts/build-integration.ts.
import data from 'aiml:integration-data';
import { createSnippetIntegration } from './create-snippet-integration.ts';

export default createSnippetIntegration(data);
