import type { OperationFixture } from '../operation-fixture';

const SEED = '004_24291457f4de42f4.txt';

/** POST /v1/completions: the completion snippet. */
export const completions: OperationFixture = {
  method: 'POST',
  path: '/v1/completions',
  request: {
    source: { page: 'API reference (seed 004)', seed: SEED, seedLine: 47, evidence: 'docs-code', note: 'the JavaScript example sends model, prompt and max_tokens' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      prompt: { type: 'string', required: true },
      max_tokens: { type: 'integer' },
      temperature: { type: 'number' },
      stop: { type: 'array' },
    },
  },
  answers: [
    {
      source: { page: 'API reference (seed 004)', seed: SEED, seedLine: 222, evidence: 'example', note: '"Example Response (Chat Completion)", a text_completion object with choices[].text' },
      body: {
        id: 'cmpl-mock-1',
        object: 'text_completion',
        created: 1727000000,
        model: 'gpt-3.5-turbo-instruct',
        choices: [{ text: ' Crust & Crumb\n2. The Daily Loaf\n3. Wild Yeast Bakery', index: 0, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 12, completion_tokens: 17, total_tokens: 29 },
      },
      shows: ['Wild Yeast Bakery'],
    },
  ],
};
