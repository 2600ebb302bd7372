/**
 * Markdown → sanitized HTML. The only importer of `marked`. Raw HTML inside Markdown is allowed
 * by CommonMark, so everything marked returns goes through the allowlist sanitizer; relative
 * links and images are resolved against the site's URL (feed readers have no base to use).
 */
import { Marked } from 'marked';
import { sanitizeHtml } from '../text/sanitize.js';

// One private instance: marked's global options are shared process-wide state.
const md = new Marked({ gfm: true, breaks: false });

export function renderMarkdown(markdown: string, baseUrl: string): string {
  const html = md.parse(markdown, { async: false });
  return sanitizeHtml(html, { baseUrl }).trim();
}
