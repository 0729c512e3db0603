import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { StaticRenderer } from './create-static-renderer.ts';
import { enclosingParagraph } from './enclosing-paragraph.ts';
import { readSnippetElement } from './read-snippet-element.ts';
import { renderRequest, type RenderDefaults, type SnippetRequest } from './render-request.ts';

/** Something to tell the author about one element of a file. */
export interface HtmlProblem {
  severity: 'error' | 'warning';
  /** 1-based, where the element's start tag is. */
  line: number;
  column: number;
  message: string;
}

export interface HtmlExpansion {
  /** The file's text with every snippet it could render pre-rendered; the rest as it was. */
  html: string;
  /** How many snippets were pre-rendered. */
  rendered: number;
  problems: HtmlProblem[];
}

interface Found {
  element: Element;
  request: SnippetRequest;
  /** The element's content, as offsets into the text: what the pre-render replaces. */
  start: number;
  end: number;
}

/**
 * Pre-renders every `<snippet data-name>` / `<aiml-snippet data-name>` of an HTML file (a page
 * or a fragment). The element's own tags stay as written; only what lies between them (an older
 * pre-render, or fallback content) is replaced, spliced into the original text at the parser's
 * offsets, so the rest of the file stays byte for byte. An element that cannot be rendered is
 * left as it is, with an error.
 */
export async function expandSnippetsInHtml(text: string, renderer: StaticRenderer, defaults: RenderDefaults): Promise<HtmlExpansion> {
  // A file with no document structure is a fragment (an include, a partial): parsed as a
  // document, a fragment such as a table row would be rearranged by the parser.
  const tree: Root = fromHtml(text, { fragment: !/<(!doctype|html|head|body)\b/i.test(text), verbose: true });
  const problems: HtmlProblem[] = [];
  const found: Found[] = [];
  visitParents(tree, 'element', (element, ancestors) => {
    const request = readSnippetElement(element);
    if (!request) return undefined;
    const start = element.position?.start ?? { line: 1, column: 1 };
    const error = (message: string) => problems.push({ severity: 'error', line: start.line, column: start.column, message: `${describe(element, request)}: ${message}` });
    const opening = element.data?.position?.opening?.end?.offset;
    const closing = element.data?.position?.closing?.start?.offset;
    if (opening === undefined || closing === undefined) {
      error(`has no end tag, so where its content ends is unknown. Close it: <${element.tagName} data-name="…"></${element.tagName}> (in HTML, "/>" does not close an element).`);
    } else if (enclosingParagraph(ancestors)) {
      error(`is inside a <p>. The pre-rendered viewer starts with a <div>, which ends a paragraph when the page is parsed. Move the <${element.tagName}> out of the <p>.`);
    } else {
      found.push({ element, request, start: opening, end: closing });
    }
    // What is inside a snippet is replaced whole: nested snippets are not its business.
    return SKIP;
  });

  const edits: { start: number; end: number; html: string }[] = [];
  for (const { element, request, start, end } of found) {
    const { line, column } = element.position?.start ?? { line: 1, column: 1 };
    const report = (severity: HtmlProblem['severity'], message: string) => problems.push({ severity, line, column, message: `${describe(element, request)}: ${message}` });
    try {
      const mount = await renderRequest(renderer, request, defaults, (message) => report('warning', message));
      // An HTML parser reads a raw carriage return as a line feed: as a character reference it survives.
      edits.push({ start, end, html: toHtml(mount).replace(/\r/g, '&#13;') });
    } catch (error) {
      report('error', error instanceof Error ? error.message : String(error));
    }
  }

  let html = text;
  for (const edit of edits.toSorted((a, b) => b.start - a.start)) html = html.slice(0, edit.start) + edit.html + html.slice(edit.end);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { html, rendered: edits.length, problems };
}

/** How the author wrote the element, for messages: `<snippet data-name="open-ai.chat-completion">`. */
function describe(element: Element, request: SnippetRequest): string {
  return `<${element.tagName} data-name=${JSON.stringify(request.name)}>`;
}
