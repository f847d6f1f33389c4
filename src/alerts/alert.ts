/** The platform-neutral alert: what fired, where and why; alertCard (build-alert.ts) makes it the card adapters render. */

export interface Alert {
  itemId: number;
  title: string;
  url: string | null;
  sourceName: string;
  publishedAt: string;
  labels: string[];
  /** The words that matched (topic evidence and watch terms), deduplicated. */
  matchedTerms: string[];
  snippet: string;
  /** Other outlets that carried the same story. */
  alsoReportedBy: string[];
  /** Why this channel gets it: a subscribed topic or a watch expression. */
  reason: string;
}
