/** One snippet as `llms.txt` lists it. */
export interface LlmsEntry {
  id: string;
  group: string;
  title: string;
  description?: string;
  /** The URL of its Markdown page (relative to llms.txt, or absolute). */
  url: string;
}

/**
 * The library's index in the `llms.txt` format (https://llmstxt.org): a title, a summary, and
 * a section per group listing each snippet's Markdown page with what it does.
 */
export function llmsTxt(entries: readonly LlmsEntry[]): string {
  const groups = new Map<string, LlmsEntry[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const sections = [...groups].map(
    ([group, members]) => `## ${group}\n\n${members.map((entry) => `- [${entry.title}](${entry.url})${entry.description ? `: ${entry.description}` : ''}`).join('\n')}`,
  );
  return `# AI/ML API code samples

> Runnable samples for the AI/ML API's endpoints, in Python, JavaScript and cURL: the library the docs' code widget renders, each as a Markdown page with its variables and its code as its defaults render it.

Every sample calls \`https://api.aimlapi.com\` with an API key in the \`Authorization: Bearer\` header; replace \`<YOUR_API_KEY>\` with yours.

${sections.join('\n\n')}
`;
}
