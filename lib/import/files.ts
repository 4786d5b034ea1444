import path from "node:path";
import { AppError, type ErrorDetails } from "@/lib/errors";
import { extractReadableArticle, looksLikeHtml } from "@/lib/import/html";
import { MAX_ARTICLE_BYTES } from "@/lib/validations/article";

export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"] as const;

/**
 * A file or page that cannot be imported: `invalid` (type, encoding, no text), `too_large`,
 * `url_not_allowed`, or, for a fetched page, `upstream_error` (its server answered an error) and
 * `upstream_timeout` (it connected but did not answer in time).
 */
export class ImportError extends AppError {
  constructor(
    message: string,
    code: "invalid" | "too_large" | "url_not_allowed" | "bad_request" | "upstream_error" | "upstream_timeout" = "invalid",
    details: ErrorDetails = {},
  ) {
    super(code, message, details);
  }
}

export type ImportedText = { body: string; title?: string; byline?: string; outlet?: string; publishedAt?: string };

/**
 * Turns an uploaded or local file into article text: UTF-8 only (invalid bytes are refused, not
 * replaced), no binary, at most 2 MB; HTML goes through readability extraction, text and Markdown are
 * kept exactly as they are.
 */
export function decodeArticleFile(name: string, bytes: Uint8Array): ImportedText {
  const extension = path.extname(name).toLowerCase();
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new ImportError(`${name}: unsupported file type "${extension || "none"}". Use .txt, .md or .html.`);
  }
  if (bytes.byteLength === 0) throw new ImportError(`${name}: the file is empty.`);
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    throw new ImportError(`${name}: the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, over the 2 MB limit.`, "too_large");
  }
  if (bytes.includes(0)) throw new ImportError(`${name}: this is a binary file, not text. Use .txt, .md or .html.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
  } catch {
    throw new ImportError(`${name}: the file is not valid UTF-8 text. Save it as UTF-8 and upload it again.`);
  }
  if (!text.trim()) throw new ImportError(`${name}: the file holds no text.`);
  if (extension === ".html" || extension === ".htm" || looksLikeHtml(text)) {
    const article = extractReadableArticle(text);
    if (!article.text.trim()) throw new ImportError(`${name}: no article text was found in this page.`);
    return { body: article.text, title: article.title, byline: article.byline, outlet: article.siteName, publishedAt: article.publishedAt };
  }
  return { body: text };
}
