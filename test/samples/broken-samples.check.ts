import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSamples, type SamplesCheck } from './check-samples';

// A small library of snippets that are each wrong in one way a reader would hit; the check must
// report each, in the file at fault. The operations are the real fixtures'.
const BROKEN = 'test/samples/fixtures/broken';
let check: SamplesCheck;

beforeAll(async () => {
  check = await checkSamples(BROKEN, { valueSets: ['defaults', 'hostile text'] });
});

const reasonsFor = (file: string) => check.problems.filter((p) => p.file === `${BROKEN}/${file}`).map((p) => p.reason);

describe('checkSamples catches', () => {
  it.each([
    ['a wrong path', 'path/wrong-path/py.hbs', /with its defaults: sends POST \/v1\/embedding, which is no operation the docs describe/],
    ['a declared operation never called', 'path/wrong-path/sh.hbs', /never sends POST \/v1\/embeddings, which config.json declares/],
    ['a missing field the docs require', 'request/missing-field/py.hbs', /request 1 \(POST \/v2\/generate\/video\/runway\/generation\) lacks "ratio", which the docs require \(docs\/api-overview\/video-models\/runway\/generate-video\.md\)/],
    ['tabs that disagree', 'tabs/disagree', /^with its defaults: sh and py send different requests \(py 1, sh 1\); request 1: body temperature: py sends \(nothing\), sh sends 0$/],
    ['a field the docs do not document', 'request/undocumented-field/sh.hbs', /request 1 \(POST \/v1\/chat\/completions\) sends "maxTokens", which the docs do not document for POST \/v1\/chat\/completions/],
    ['an error swallowed: exit 0', 'errors/swallowed/py.hbs', /against an error answer \(HTTP 400\): exits 0 after the API answered HTTP 400: it must fail/],
    ['an error swallowed: the message never shown', 'errors/swallowed/sh.hbs', /against an error answer \(HTTP 400\): does not show the API's error message/],
    ['an error saved as the result', 'errors/swallowed/sh.hbs', /against an error answer \(HTTP 400\): leaves "speech\.wav" \(\d+ bytes\) behind/],
    ['polls without a pause', 'polling/no-pause/py.hbs', /asks again \d+ ms after poll 1, with pollSeconds = 0\.2: it must pause between polls/],
    ['a value that does not reach the API intact', 'values/mangled/js.hbs', /with hostile text in every text variable: the value of "prompt" .* never reaches the API intact/],
    ["an SDK default the docs' answer does not fit (openai 6)", 'sdk/base64-default/js.hbs', /js \(openai 6\), with its defaults: does not print "-0\.006929283495992422" from the API's answer/],
    ["the Python stand-in sends the real SDK's default too", 'sdk/base64-default', /with its defaults: sh and py send different requests \(py 1, sh 1\); request 1: body encoding_format: py sends "base64", sh sends \(nothing\)/],
    ['the request an SDK default changes', 'sdk/base64-default', /with its defaults: js \(openai 6\) and py send different requests|with its defaults: sh and py send different requests/],
    ['a call config.json does not declare', 'operation/undeclared-call/py.hbs', /sends GET \/v2\/generate\/video\/runway\/generation, which config.json does not declare: add it to "alsoCalls"/],
    ['an operation without a fixture', 'operation/no-fixture/config.json', /declares POST \/v1\/moderations, which the mock API has no fixture for: add one in test\/samples\/operations\//],
    ['a package required without saying what to install', 'install/no-note/js.hbs', /requires openai without saying what to install: write, in a comment, "npm install openai" and the versions it runs with \(6, 7\)/],
  ])('%s', (_kind, file, reason) => {
    expect(reasonsFor(file)).toContainEqual(expect.stringMatching(reason));
  });

  it('something in every broken snippet', () => {
    const folders = readdirSync(BROKEN).flatMap((group) => readdirSync(join(BROKEN, group)).map((name) => `${BROKEN}/${group}/${name}`));
    for (const folder of folders) expect(check.problems.some((p) => p.file === folder || p.file.startsWith(`${folder}/`)), folder).toBe(true);
  });
});
