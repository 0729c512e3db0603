import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/text-models-llm/function-calling/anthropic.md';

/** POST /messages (no version prefix): the Anthropic snippet. */
export const messages: OperationFixture = {
  method: 'POST',
  path: '/messages',
  request: {
    source: { page: PAGE, seedLine: 4436, evidence: 'example', note: 'model, max_tokens, messages, stream in the examples; "system" outside the messages (line 4452); tools (line 4397)' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      messages: { type: 'array', required: true },
      max_tokens: { type: 'integer', required: true },
      system: { type: 'string' },
      tools: { type: 'array' },
      stream: { type: 'boolean' },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: 4466, evidence: 'example', note: '"Example Response": the text in choices[0].message.content' },
      body: {
        id: 'msg-12345',
        object: 'message',
        created: 1627684940,
        model: 'claude-3-5-sonnet-20240620',
        choices: [{ message: { role: 'assistant', content: 'Sunlight scatters off air molecules, and blue light scatters most.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 15, total_tokens: 25 },
      },
      shows: ['blue light scatters most'],
    },
    {
      // Unverified: the docs never show it. Anthropic's own Messages format, which an
      // Anthropic-compatible endpoint may send; the snippets read both, and the check runs both.
      source: { page: PAGE, seedLine: null, evidence: 'none', note: "Anthropic's Messages format (a list of content blocks); not in the docs" },
      alternative: 'Anthropic content blocks',
      body: {
        id: 'msg_mock_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-3-5-sonnet-20240620',
        content: [{ type: 'text', text: 'Short blue waves scatter most in the air.' }],
        stop_reason: 'end_turn',
        usage: { input_tokens: 10, output_tokens: 12 },
      },
      shows: ['Short blue waves scatter most'],
    },
  ],
};
