/**
 * Text as a message quotes it: JSON-quoted, and past `max` characters cut short with its
 * length said, so that a notice about a huge value stays readable (and small).
 */
export function quoteForMessage(text: string, max = 60): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, max)}…`)} (${text.length.toLocaleString('en-US')} characters)`;
}
