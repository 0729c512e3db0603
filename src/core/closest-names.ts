/** Levenshtein distance, with a single row of memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known names nearest to `name`: close typos first, then names sharing its group. */
export function closestNames(name: string, known: readonly string[], limit = 3): string[] {
  const wanted = name.toLowerCase();
  const group = wanted.split('.')[0] ?? '';
  return known
    .map((candidate) => {
      let score = editDistance(wanted, candidate);
      if (candidate.startsWith(`${group}.`)) score -= 2;
      if (candidate.includes(wanted) || (wanted.length > 2 && wanted.includes(candidate))) score -= 3;
      return { candidate, score };
    })
    .filter(({ candidate, score }) => score <= Math.max(4, Math.floor(candidate.length / 2)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
