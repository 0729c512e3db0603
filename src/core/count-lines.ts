/** Code longer than this many lines is cut to a bounded height, with a button to show it all. */
export const COLLAPSED_LINES = 18;

/** Lines of code as a reader counts them: the final newline ends the last line, it does not start another. */
export function countLines(code: string): number {
  return code.replace(/\n$/, '').split('\n').length;
}
