import * as javascript from 'virtual:grammar/javascript';
import * as python from 'virtual:grammar/python';
import * as shellscript from 'virtual:grammar/shellscript';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillHole, HOLE, type HoledPattern, unescapeInserted } from '../../src/highlight/back-references';
import { backReferencedSources } from '../../src/highlight/scanner-sources';
import { loadTranslator } from '../../src/highlight/translator-state';

type Translator = Awaited<ReturnType<typeof loadTranslator>>;
let translator: Translator;
beforeAll(async () => {
  translator = await loadTranslator();
});

/** What vscode-textmate does to matched text before putting it in a pattern. */
const escapeLikeTextmate = (text: string) => text.replace(/[-\\{}*+?|^$.,[\]()#\s]/g, '\\$&');

describe('patterns built from matched text', () => {
  it('recovers the matched text from its escaped form, and refuses what cannot be one', () => {
    expect(unescapeInserted('"""')).toBe('"""'); // quotes are not escaped
    expect(unescapeInserted('\\"')).toBeNull();
    expect(unescapeInserted(escapeLikeTextmate('a-b.c $& (x)'))).toBe('a-b.c $& (x)');
    expect(unescapeInserted('")|(\\n')).toBeNull(); // an unescaped ")": pattern, not text
    expect(unescapeInserted('abc\\')).toBeNull();
    expect(unescapeInserted('\\q')).toBeNull();
  });

  it('fills the hole with the text as literal characters, whatever they are', () => {
    const holed: HoledPattern[] = [['(', ')', `(${HOLE})`]];
    const filled = fillHole(holed, `(${escapeLikeTextmate('$&.*')})`)!;
    expect(filled.source).toBe('(\\$&\\.\\*)');
    expect(new RegExp(filled.source, filled.flags).exec('x$&.*')?.index).toBe(1);
  });

  it('picks the entry with the most pattern around the hole when several fit', () => {
    const holed: HoledPattern[] = [
      ['(', ')', `(${HOLE})`],
      ['(', ')|(\\n)', `(${HOLE})|(\\n)`],
    ];
    expect(fillHole(holed, '(")|(\\n)')?.source).toBe('(")|(\\n)');
    expect(fillHole(holed, "(')")?.source).toBe("(')");
    expect(fillHole(holed, 'nothing like it')).toBeNull();
  });

  it.each([
    ['python', python],
    ['javascript', javascript],
    ['shellscript', shellscript],
  ] as const)('%s: every holed pattern matches as the run-time translation of the same pattern does', (_, module) => {
    expect(module.holed.length).toBeGreaterThan(0);
    expect(module.holed.length).toBeLessThanOrEqual(backReferencedSources(module.default).length * 4);
    const texts = ['"', "'", '"""', "'''", 'JSON', 'EOF', 'a-b.c', '$&\\x', 'end mark'];
    let checked = 0;
    for (const entry of module.holed) {
      for (const text of texts) {
        const pattern = entry[0] + escapeLikeTextmate(text) + entry[1];
        const filled = fillHole([entry], pattern)!;
        const ours = filled.options ? new translator.EmulatedRegExp(filled.source, filled.flags, filled.options) : new RegExp(filled.source, filled.flags);
        const theirs = translator.defaultJavaScriptRegexConstructor(pattern);
        for (const line of [`${text}\n`, `  ${text};\n`, `x${text}y ${text}\n`, 'none\n', `\t${text} &\n`]) {
          for (const start of [0, 1, 2]) {
            ours.lastIndex = theirs.lastIndex = start;
            const [a, b] = [theirs.exec(line), ours.exec(line)];
            expect(b?.index, `${pattern} on ${JSON.stringify(line)} from ${start}`).toBe(a?.index);
            expect(b?.indices && [...b.indices]).toEqual(a?.indices && [...a.indices]);
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
