import type { Answer } from './operation-fixture';

/** The message of the mock's error answer: every tab must show it. */
export const ERROR_MESSAGE = 'Invalid request: this model is not available on your plan (a refusal from the mock API)';

/**
 * The answer to every request of a run in error mode: HTTP 400. Unverified: the docs show no
 * error body anywhere. They say the API follows OpenAI's ("We fully support the OpenAI API
 * structure", docs/quickstart/supported-sdks.md), so this is OpenAI's error format, which the
 * OpenAI SDKs read their message from.
 */
export const ERROR_ANSWER: Answer = {
  source: { page: 'docs/quickstart/supported-sdks.md', seedLine: null, evidence: 'none', note: "no error body in the docs: OpenAI's error format, as the API follows OpenAI's structure (seed line 7156)" },
  status: 400,
  body: { error: { message: ERROR_MESSAGE, type: 'invalid_request_error', param: 'model', code: null } },
  shows: [ERROR_MESSAGE],
};
