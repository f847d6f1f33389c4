/** The User-Agent of the feedless kinds: names vigil and where to read about it (site owners look it up). */
export const PROJECT_ADDRESS = 'https://github.com/vigil-news/vigil';
export const CRAWLER_USER_AGENT = `vigil/0.1 (news monitor; +${PROJECT_ADDRESS})`;
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'vigil';
