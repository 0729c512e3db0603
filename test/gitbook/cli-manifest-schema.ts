// The schema `gitbook publish` and `gitbook check` validate gitbook-manifest.yaml with,
// transcribed from GitbookIO/integrations packages/cli/src/manifest.ts (commit fbf5fe9c,
// @gitbook/cli 0.31.1; the same rules as the published 0.25.1). The CLI bundles it into its
// one cli.js and ships no schema file, so the tests carry this copy; the enums are the real
// ones from @gitbook/api. Zod 4 spells `z.record(z.string())` with an explicit key type.
import * as api from '@gitbook/api';
import { z } from 'zod';

const IntegrationManifestConfigurationComponent = z.object({
  componentId: z.string(),
});

const IntegrationManifestContentSource = z.object({
  id: z.string(),
  title: z.string().min(2).max(40),
  description: z.string().min(0).max(150).optional(),
  icon: z.string().optional(),
  configuration: IntegrationManifestConfigurationComponent,
});

const JSONSchemaBaseSchema = z.object({
  title: z.string().max(api.INTEGRATION_PROPERTY_TITLE_MAX_LENGTH).optional(),
  description: z.string().max(100).optional(),
});

const IntegrationManifestSchemaConfiguration = z.object({
  properties: z.record(
    z.string(),
    z.union([
      JSONSchemaBaseSchema.extend({ type: z.literal('string'), default: z.string().optional(), completion_url: z.string().optional(), enum: z.array(z.string()).optional() }),
      JSONSchemaBaseSchema.extend({ type: z.literal('number'), default: z.number().optional() }),
      JSONSchemaBaseSchema.extend({ type: z.literal('boolean'), default: z.boolean().optional() }),
      JSONSchemaBaseSchema.extend({ type: z.literal('button'), callback_url: z.string(), button_text: z.string() }),
    ]),
  ),
  required: z.array(z.string()).optional(),
});

const IntegrationManifestConfiguration = z.union([IntegrationManifestConfigurationComponent, IntegrationManifestSchemaConfiguration]);

const IntegrationManifestBlock = z.object({
  id: z.string(),
  title: z.string().min(2).max(40),
  description: z.string().min(0).max(150).optional(),
  icon: z.string().optional(),
  urlUnfurl: z.array(z.string()).optional(),
  markdown: z.object({ codeblock: z.string(), body: z.string() }).optional(),
});

const IntegrationNameSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i, 'Name must begin with an alphanumeric character and only contain alphanumeric characters and hyphens.');

const IntegrationManifestEnvironmentSchema = z.object({
  organization: z.string(),
  visibility: z.nativeEnum(api.IntegrationVisibility).optional(),
  secrets: z.record(z.string(), z.string()).optional(),
});

/** gitbook-manifest.yaml, as @gitbook/cli reads it. */
export const IntegrationManifestSchema = z
  .object({
    name: IntegrationNameSchema,
    title: z.string(),
    script: z.string(),
    icon: z.string().optional(),
    description: z.string().optional(),
    summary: z.string().optional(),
    target: z.nativeEnum(api.IntegrationTarget).optional(),
    scopes: z.array(z.nativeEnum(api.IntegrationScope)),
    categories: z.array(z.nativeEnum(api.IntegrationCategory)).optional(),
    blocks: z.array(IntegrationManifestBlock).optional(),
    contentSources: z.array(IntegrationManifestContentSource).optional(),
    configurations: z
      .object({
        account: IntegrationManifestConfiguration.optional(),
        space: IntegrationManifestConfiguration.optional(),
        site: IntegrationManifestConfiguration.optional(),
      })
      .optional(),
    previewImages: z.array(z.string()).max(3).optional(),
    externalLinks: z.array(z.object({ label: z.string(), url: z.string().url() })).optional(),
    contentSecurityPolicy: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
    envs: z.record(z.string(), IntegrationManifestEnvironmentSchema.partial()).optional(),
  })
  .merge(IntegrationManifestEnvironmentSchema);
