/**
 * The viewer's markup as plain data: an element's tag, attributes (HTML names; `''` for a
 * boolean attribute that is present) and children. One function makes it (viewer-tree.ts);
 * renderers turn it into DOM (the first paint), React elements (the live viewer) or HTML
 * (pages rendered at build time), so the three can never drift apart.
 */
export interface ViewNode {
  tag: string;
  attrs: Readonly<Record<string, string>>;
  children: readonly ViewChild[];
}

/** Text is always a string child, never markup: renderers write it as text. */
export type ViewChild = ViewNode | string;

/** Builds a node; attributes that are `false`, null or undefined are left out, `true` is present. */
export function h(tag: string, attrs: Readonly<Record<string, string | number | boolean | null | undefined>> = {}, ...children: (ViewChild | false | null | undefined)[]): ViewNode {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    clean[name] = value === true ? '' : String(value);
  }
  return { tag, attrs: clean, children: children.filter((child): child is ViewChild => child !== false && child !== null && child !== undefined && child !== '') };
}
