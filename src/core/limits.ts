/**
 * Sizes beyond which the widget stops working on a value's behalf: each bounds what one
 * snippet can cost the page, whatever an author or a page script passes it.
 */
export const LIMITS = {
  /**
   * Characters in one variable's value. A sample needs a representative value, not a
   * document: a longer one is refused with a notice that says so (rendering and drawing a
   * megabyte would block the page for seconds).
   */
  valueChars: 20_000,
  /**
   * Characters of one file that Shiki colours in the page (tokenizing costs about 40 ms at
   * this size, and grows faster than the code): longer code is shown, selectable and
   * copyable, without colours.
   */
  highlightChars: 10_000,
} as const;
