import type { OperationFixture } from '../operation-fixture';

/** POST /v1/chat/completions: chat, code, o1, guard and vision snippets. */
export const chatCompletions: OperationFixture = {
  method: 'POST',
  path: '/v1/chat/completions',
  request: {
    source: {
      page: 'docs/quickstart/setting-up.md',
      seedLine: 7037,
      evidence: 'prose',
      note: '"requires only two: model and messages"; the optional fields are those of docs/api-overview/text-models-llm/parameters.md (seed lines 4024-4190)',
    },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      messages: { type: 'array', required: true },
      max_tokens: { type: 'integer' },
      // Not in the docs: OpenAI's limit for reasoning models (o1), which the API follows
      // ("We fully support the OpenAI API structure", docs/quickstart/supported-sdks.md, seed line 7156).
      max_completion_tokens: { type: 'integer' },
      temperature: { type: 'number' },
      top_p: { type: 'number' },
      top_k: { type: 'integer' },
      frequency_penalty: { type: 'number' },
      presence_penalty: { type: 'number' },
      repetition_penalty: { type: 'number' },
      logprobs: { type: 'integer' },
      logit_bias: { type: 'object' },
      stop: { type: 'array' },
      tools: { type: 'array' },
      tool_choice: { type: 'string' },
      stream: { type: 'boolean' },
    },
  },
  answers: [
    {
      // docs/api-overview/guard-models/README.md (seed line 2961): "This request returns either
      // "safe" or "unsafe"", in choices[0].message.content as its example code reads it (line 2928).
      source: { page: 'docs/api-overview/guard-models/README.md', seedLine: 2928, evidence: 'docs-code', note: 'the guard model answers "safe" or "unsafe", read from choices[0].message.content' },
      models: ['meta-llama/Meta-Llama-Guard-3-8B'],
      body: chatCompletion('meta-llama/Meta-Llama-Guard-3-8B', 'safe'),
      shows: ['safe'],
    },
    {
      // docs/api-overview/text-models-llm/chat-completion.md only embeds the API reference, which
      // the seed does not hold; the quickstart's code reads the text.
      source: {
        page: 'docs/quickstart/setting-up.md',
        seedLine: 7090,
        evidence: 'docs-code',
        note: 'the quickstart reads completion.choices[0].message.content; the docs say the API follows OpenAI (supported-sdks.md, line 7156): the rest is OpenAI\'s chat.completion object',
      },
      body: chatCompletion('gpt-4o', 'The sky looks blue because air scatters blue sunlight more than red.'),
      shows: ['air scatters blue sunlight'],
    },
  ],
};

function chatCompletion(model: string, content: string) {
  return {
    id: 'chatcmpl-mock-1',
    object: 'chat.completion',
    created: 1727000000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 20, completion_tokens: 14, total_tokens: 34 },
  };
}
