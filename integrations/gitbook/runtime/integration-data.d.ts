// Made by scripts/build-integration.ts from the library and the widget's release manifest.
declare module 'aiml:integration-data' {
  import type { IntegrationData } from '../lib/integration-data.ts';

  const data: IntegrationData;
  export default data;
}
