import { describe, expect, it } from 'vitest';
import { scanLibrary } from '../../build/scan-library';
import { checkLibrary } from './check-library';

const ROOT = 'shared/snippets';
const check = checkLibrary(ROOT);

describe('the template library', () => {
  it.each(scanLibrary(ROOT).map((entry) => [entry.id, entry.dir]))('%s has no problems', (_id, dir) => {
    expect(check.problems.filter((p) => p.file.startsWith(dir.replace(/\\/g, '/') + '/') || p.file === dir)).toEqual([]);
  });

  it('has no problems outside its snippets', () => {
    expect(check.problems).toEqual([]);
  });
});
