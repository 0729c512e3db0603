import { createHash } from 'node:crypto';

/** What the frame page needs to know about the widget release it loads. */
export interface FramePageInput {
  /** The versioned CDN folder of the release, ending in `/`: `https://cdn…/snippets/1.2.3/`. */
  cdn: string;
  /** `sha384-…` Subresource Integrity of `bundle.js` and `bundle.css`, from the release manifest. */
  integrity: { js: string; css: string };
  /** The frame's own script (the webframe protocol), inlined. */
  script: string;
}

// The snippet fills the frame's width on a transparent background. The root never scrolls:
// the frame is always as tall as its content, and a scrollbar showing up for a moment
// would narrow the page, rewrap the code, and change the height it reports.
const STYLE = 'html,body{margin:0;padding:0;background:transparent}html{overflow:hidden}snippet{margin:0}';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page GitBook shows in the block's webframe: the versioned CDN bundle, pinned with
 * Subresource Integrity, and the inline script that speaks GitBook's webframe protocol.
 * Its Content-Security-Policy allows nothing but those: the inline script and style by
 * hash, and the release's own folder on the CDN (the bundle loads its chunks from there).
 */
export function framePage({ cdn, integrity, script }: FramePageInput): { html: string; csp: string } {
  // Plain URL characters only: the folder goes into the CSP header, where `;`, `,`, quotes or spaces would change its meaning.
  if (!/^https?:\/\/[a-z0-9.-]+(?::\d+)?\/(?:[\w.~%-]+\/)*$/i.test(cdn)) {
    throw new Error(`The CDN folder must be an absolute URL ending in "/", of letters, digits and . _ ~ % - only, got ${JSON.stringify(cdn)}.`);
  }
  // `</script` would end the inline script early; esbuild's output never has it, but a string could.
  if (/<\/script|<!--/i.test(script)) throw new Error('The frame script contains "</script" or "<!--", which cannot be inlined in HTML.');
  const csp = [
    "default-src 'none'",
    `script-src ${hash(script)} ${cdn}`,
    `style-src ${hash(STYLE)} ${cdn}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>AI/ML API code sample</title>
<style>${STYLE}</style>
<link rel="stylesheet" href="${attr(`${cdn}bundle.css`)}" integrity="${attr(integrity.css)}" crossorigin="anonymous">
<script type="module" src="${attr(`${cdn}bundle.js`)}" integrity="${attr(integrity.js)}" crossorigin="anonymous"></script>
</head>
<body>
<script>${script}</script>
</body>
</html>
`;
  return { html, csp };
}
