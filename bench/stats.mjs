// Small, dependency-free statistics and table formatting for the benchmark report.

/** Median, min and max of the numeric values (nulls ignored); all null when there are none. */
export function summarize(values) {
  const nums = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!nums.length) return { median: null, min: null, max: null, n: 0 };
  const mid = Math.floor(nums.length / 2);
  const median = nums.length % 2 ? nums[mid] : (nums[mid - 1] + nums[mid]) / 2;
  return { median, min: nums[0], max: nums[nums.length - 1], n: nums.length };
}

/** A plain-text table with padded columns; the first row is the header. */
export function formatTable(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  const line = (row) => row.map((cell, col) => String(cell).padEnd(widths[col])).join(' | ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}
