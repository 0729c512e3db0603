import { sampleFile } from '../file-kinds';
import type { OperationFixture, Source } from '../operation-fixture';

const PAGE = 'docs/api-overview/image-models/generate-an-image.md';
const SEED_004 = '004_24291457f4de42f4.txt';

// The page only embeds the API reference, which the seed does not hold: no answer is shown.
const unverified = (note: string): Source => ({ page: PAGE, seedLine: null, evidence: 'none', note });

/** POST /v1/images/generations: every image snippet, and TripoSR's mesh; the answer's shape depends on the model. */
export const imagesGenerations: OperationFixture = {
  method: 'POST',
  path: '/v1/images/generations',
  request: {
    source: { page: 'docs/api-overview/image-models/README.md', seedLine: 3115, evidence: 'prose', note: 'n and size (lines 3115-3116); model and prompt in the example of the API reference (seed 004, line 78)' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      prompt: { type: 'string' },
      n: { type: 'integer' },
      size: { type: 'string' },
      // Not in the seed docs: the image of image-to-image models and TripoSR, and Recraft's
      // style and size, as the snippets send them (unverified).
      image_url: { type: 'string' },
      style: { type: 'string' },
      image_size: { type: 'string' },
    },
  },
  answers: [
    {
      source: unverified('FLUX, Stable Diffusion and Recraft models: an images list of links, as the snippets read it'),
      models: ['flux/schnell', 'flux/dev/image-to-image', 'stable-diffusion-v35-large', 'recraft-v3'],
      body: { images: [{ url: 'https://files.mock.invalid/images/red-fox.png', width: 1024, height: 768, content_type: 'image/png' }] },
      shows: ['https://files.mock.invalid/images/red-fox.png'],
    },
    {
      source: unverified("DALL·E: OpenAI's images format, a data list of links (the API follows OpenAI, supported-sdks.md line 7156)"),
      models: ['dall-e-2', 'dall-e-3'],
      body: { created: 1727000000, data: [{ url: 'https://files.mock.invalid/images/lighthouse.png' }] },
      shows: ['https://files.mock.invalid/images/lighthouse.png'],
    },
    {
      source: { page: 'API reference (seed 004)', seed: SEED_004, seedLine: 84, evidence: 'docs-code', note: 'the example reads output.choices[0].image_base64 and saves it as a PNG' },
      models: ['stabilityai/stable-diffusion-xl-base-1.0'],
      body: { output: { choices: [{ image_base64: sampleFile('png').bytes.toString('base64') }] } },
      shows: [],
    },
    {
      source: unverified('TripoSR: model_mesh links the mesh file (url, file_name), as the snippets read it'),
      models: ['triposr'],
      body: ({ files }) => ({ model_mesh: { url: `${files}/mesh.glb`, file_name: 'mesh.glb', content_type: 'model/gltf-binary', file_size: 20 } }),
      shows: [],
    },
  ],
};
