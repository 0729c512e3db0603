import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/pipeline/helpers.ts';
import { parseShell, scanShell } from './parse-shell';

describe('scanShell', () => {
  it('decodes words as bash does: quotes removed, escapes applied, comments and continuations skipped', () => {
    const script = `# a comment 'not a word'\ncurl 'it'\\''s' "a \\"b\\" \\$c \\q" plain\\ word \\\n  --next|tee x`;
    expect(scanShell(script).words).toEqual(['curl', "it's", 'a "b" $c \\q', 'plain word', '--next', 'tee', 'x']);
  });

  it('round-trips every value the str helper quotes', () => {
    const value = `it's "q" \\ $(id) \`id\` \${x}\nJSON\n\t# ünï 😀`;
    expect(scanShell(`echo ${shellQuote(value)}`).words).toEqual(['echo', value]);
  });

  it('collects here-document bodies with their delimiters', () => {
    const { heredocs, words } = scanShell(`cat <<'JSON' | jq .\n{ "a": 1 }\nJSON\ncat <<EOF\n$HOME\nEOF\n`);
    expect(heredocs).toEqual([
      { delimiter: 'JSON', quoted: true, body: '{ "a": 1 }' },
      { delimiter: 'EOF', quoted: false, body: '$HOME' },
    ]);
    expect(words).toEqual(['cat', 'jq', '.', 'cat']);
  });

  it('reads a here-string as a word, not as the start of a here-document', () => {
    const { heredocs, words } = scanShell(`jq -r .id <<<"$answer"\nask 'model'\n`);
    expect(heredocs).toEqual([]);
    expect(words).toEqual(['jq', '-r', '.id', '$answer', 'ask', 'model']);
  });
});

describe('parseShell', () => {
  it('returns the words and the JSON body strings of a valid script', () => {
    const parsed = parseShell(`curl 'https://x' --data @- <<'JSON'\n{ "model": "m\\n1" }\nJSON\n`);
    expect(parsed.error).toBeUndefined();
    expect(parsed.strings).toEqual(expect.arrayContaining(['https://x', 'model', 'm\n1']));
  });

  it("also returns an assignment's value on its own, as a constant's value in other languages", () => {
    const parsed = parseShell(`url='https://x/v1/tts'\ncurl "$url" --data-urlencode 'id=a=b'\n`);
    expect(parsed.strings).toEqual(['url=https://x/v1/tts', 'https://x/v1/tts', 'curl', '$url', '--data-urlencode', 'id=a=b', 'a=b']);
  });

  it('fails an unterminated here-document, which bash -n only warns about', () => {
    expect(parseShell(`cat <<'JSON'\n{}\n`).error).toMatch(/here-document/);
  });
});
