import { createConfig, lintFromString } from '@redocly/openapi-core';

/** One problem Redocly reports, reduced to what identifies it. */
export interface Problem {
  severity: string;
  ruleId: string;
  pointer: string;
  message: string;
}

/**
 * Lints a spec with Redocly's own rulesets: `spec` (the OpenAPI structure, including the
 * shape of `x-codeSamples` entries) and `minimal`. Problems come back sorted, so two
 * specs can be compared.
 */
export async function lintSpec(source: string, name = 'spec.yaml'): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const ruleset of ['spec', 'minimal']) {
    const config = await createConfig({ extends: [ruleset] });
    for (const problem of await lintFromString({ source, absoluteRef: `/virtual/${name}`, config })) {
      problems.push({
        severity: problem.severity,
        ruleId: problem.ruleId,
        pointer: problem.location[0]?.pointer ?? '',
        message: problem.message,
      });
    }
  }
  const key = (p: Problem) => `${p.pointer} ${p.ruleId} ${p.severity} ${p.message}`;
  // Both rulesets run some rules alike: count each problem once.
  return [...new Map(problems.map((p) => [key(p), p])).values()].sort((a, b) => key(a).localeCompare(key(b)));
}
