import type { SamplesCheck } from './check-samples';

interface Row {
  snippet: string;
  runner: string;
  runs: number;
  passed: number;
  standIn: string | null;
}

/** A Markdown table of a check: per snippet and tab, the runs, how many passed, and the stand-in it ran against. */
export function samplesTable(check: SamplesCheck): string {
  const rows = new Map<string, Row>();
  for (const run of check.runs) {
    const key = `${run.snippet} ${run.runner}`;
    const row = rows.get(key) ?? { snippet: run.snippet, runner: run.runner, runs: 0, passed: 0, standIn: run.standIn };
    row.runs++;
    if (run.problems.length === 0) row.passed++;
    rows.set(key, row);
  }
  const snippets = [...new Set([...rows.values()].map((row) => row.snippet))];
  const runners = [...new Set([...rows.values()].map((row) => row.runner))].sort();
  const cell = (row: Row | undefined) => (row ? `${row.passed}/${row.runs}${row.standIn ? ' (stand-in)' : ''}` : '–');
  const passed = check.runs.filter((run) => run.problems.length === 0).length;
  const standIns = [...rows.values()].filter((row) => row.standIn).length;
  return [
    '# check:samples',
    '',
    `${snippets.length} snippets, ${rows.size} programs (snippet × tab × SDK major), ${check.runs.length} runs, ${passed} passed, in ${(check.ms / 1000).toFixed(1)} s.`,
    `${standIns} programs ran against a stand-in (the Python openai stand-in: the real SDK cannot be installed here). Cells: passed/runs.`,
    '',
    `| snippet | ${runners.join(' | ')} |`,
    `|---|${runners.map(() => '---').join('|')}|`,
    ...snippets.map((snippet) => `| ${snippet} | ${runners.map((runner) => cell(rows.get(`${snippet} ${runner}`))).join(' | ')} |`),
    '',
    check.problems.length ? `## Problems\n\n${check.problems.map((p) => `- ${p.file}: ${p.reason}`).join('\n')}` : 'No problems.',
    '',
  ].join('\n');
}
