/**
 * The User-Agent of the feedless kinds: it names vigil and says how it behaves. vigil has no public
 * project address yet; when it has one, add it here as `+https://…` so site owners can look it up.
 */
export const CRAWLER_USER_AGENT =
  'vigil/0.1 (news monitor; obeys robots.txt, one request at a time per host)';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'vigil';
