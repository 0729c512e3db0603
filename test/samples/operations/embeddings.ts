import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/text-models-llm/embeddings.md';

/** POST /v1/embeddings: the embedding snippet. */
export const embeddings: OperationFixture = {
  method: 'POST',
  path: '/v1/embeddings',
  request: {
    source: { page: PAGE, seedLine: 3915, evidence: 'example', note: 'the curl example sends input and model; dimensions is described at line 3955' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      input: { type: 'string', required: true },
      dimensions: { type: 'integer' },
      // OpenAI's parameter (the API follows OpenAI, supported-sdks.md line 7156). The docs' answer
      // is a list of floats (line 3931): the snippets ask for "float" so that SDKs do not ask for base64.
      encoding_format: { type: 'string' },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: 3931, evidence: 'example', note: '"Example Embedding Response": data[0].embedding, a list of floats (the first two and last two are the docs\')' },
      body: {
        object: 'list',
        data: [{ object: 'embedding', index: 0, embedding: [-0.006929283495992422, -0.005336422007530928, 0.0121488375, -4.547132266452536e-5, -0.024047505110502243] }],
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 5, total_tokens: 5 },
      },
      shows: ['-0.006929283495992422'],
    },
  ],
};
