import Markdown from "react-markdown";

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Only http(s) and mailto links survive; anything else (javascript:, data:, relative) becomes plain text. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_PROTOCOL.test(trimmed) ? trimmed : "";
}

export type NoteMarkdownProps = { body: string };

/**
 * A note's Markdown, rendered with raw HTML off: HTML in a note shows as the text it is, links are
 * limited to http(s) and mailto, and images show as their alt text (no remote loads from a note).
 */
export function NoteMarkdown({ body }: NoteMarkdownProps) {
  return (
    <div className="note-body space-y-2 text-sm leading-relaxed [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-gray-600">
      <Markdown
        urlTransform={safeUrl}
        components={{
          a: ({ href, children }) =>
            href ? (
              <a href={href} rel="nofollow noopener noreferrer" target="_blank">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
          img: ({ alt }) => <span className="text-gray-600">[image{alt ? `: ${alt}` : ""}]</span>,
        }}
      >
        {body}
      </Markdown>
    </div>
  );
}
