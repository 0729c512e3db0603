/**
 * Values that break a program if they land in it unescaped: quotes of every kind, a
 * backslash, newlines (one followed by the curl heredoc's terminator), `${…}`, `$(…)`,
 * backticks, `</script>`, Handlebars braces and characters beyond ASCII. The leading
 * marker names the variable, so a lost value points at its template.
 */
export function hostileValue(key: string): string {
  return `⟪${key}⟫ it's "quoted" \\ \\n \`id\` \${process.env.HOME} $(id) {{apiKey}} </script><!-- #{x} '''"""\nJSON\nEOF\r\n\t# \u2028\u2029 ünïcode 😀 end`;
}

/** Text a page might give a numeric or boolean variable that is neither: it must be refused. */
export function badValue(fallback: number | boolean): string {
  return typeof fallback === 'number' ? '12 monkeys"); rm -rf ~ #' : 'yes"); rm -rf ~ #';
}

/** A valid value other than the default, as a `data-*` attribute would give it. */
export function alternateValue(fallback: number | boolean): string {
  if (typeof fallback === 'boolean') return String(!fallback);
  return String(fallback === 0 ? 7 : fallback * 2);
}

/** How a number or boolean is spelled in a program of `lang`. */
export function literalText(value: number | boolean, lang: string): string {
  if (typeof value === 'boolean' && lang === 'py') return value ? 'True' : 'False';
  return String(value);
}
