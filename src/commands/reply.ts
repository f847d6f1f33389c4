/** The platform-neutral reply model that command handlers return and adapters render. */

export interface ReplyItem {
  id: number;
  title: string;
  url: string | null;
  source: string;
  publishedAt: string;
  labels: string[];
  /** Snippet text; matched words are wrapped in the markers below. */
  snippet: string;
}

/** Matched words in snippets are wrapped as MARK_START + word + MARK_END (private-use code points). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface ReplyButton {
  label: string;
  /** An opaque command the adapter sends back when pressed, e.g. `search potash --page 2`. */
  command: string;
}

export interface Reply {
  title?: string;
  lines: string[];
  items?: ReplyItem[];
  buttons?: ReplyButton[];
  /** Shown to the whole channel rather than only to the person who asked (Slack). */
  public?: boolean;
  /** The reply reports an error or a refusal. */
  isError?: boolean;
}
