import type { SamplesCheck } from './check-samples';

/** A Markdown table of a check: per snippet and tab, the runs, how many passed, and the stand-in it ran against. */
export function samplesTable(check: SamplesCheck): string {
  const rows = new Map<string, { snippet: string; runner: string; runs: number; passed: number; standIn: string | null }>();
  for (const run of check.runs) {
    const key = `${run.snippet} ${run.runner}`;
    const row = rows.get(key) ?? { snippet: run.snippet, runner: run.runner, runs: 0, passed: 0, standIn: run.standIn };
    row.runs++;
    if (run.problems.length === 0) row.passed++;
    rows.set(key, row);
  }
  const bySnippet = new Map<string, typeof rows extends Map<string, infer R> ? R[] : never>();
  for (const row of rows.values()) bySnippet.set(row.snippet, [...(bySnippet.get(row.snippet) ?? []), row]);
  const cell = (row: { runs: number; passed: number; standIn: string | null } | undefined) =>
    row ? `${row.passed}/${row.runs}${row.standIn ? ' (stand-in)' : ''}` : '–';
  const runners = [...new Set([...rows.values()].map((r) => r.runner))].sort();
  const lines = [
    `| snippet | ${runners.join(' | ')} |`,
    `|---|${runners.map(() => '---').join('|')}|`,
    ...[...bySnippet].map(([snippet, list]) => `| ${snippet} | ${runners.map((r) => cell(list.find((row) => row.runner === r))).join(' | ')} |`),
  ];
  const total = check.runs.length;
  const passed = check.runs.filter((r) => r.problems.length === 0).length;
  const programs = rows.size;
  const standIns = [...rows.values()].filter((r) => r.standIn).length;
  return [
    `# check:samples`,
    '',
    `${bySnippet.size} snippets, ${programs} programs (snippet × tab × SDK major), ${total} runs, ${passed} passed, in ${(check.ms / 1000).toFixed(1)} s.`,
    `${standIns} programs ran against a stand-in (the Python openai stand-in: the real SDK cannot be installed here). Cells: passed/runs.`,
    '',
    ...lines,
    '',
    check.problems.length ? `## Problems\n\n${check.problems.map((p) => `- ${p.file}: ${p.reason}`).join('\n')}` : 'No problems.',
    '',
  ].join('\n');
}
