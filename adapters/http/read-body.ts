/** Reads a request body up to a limit, for the routes that take posts (Slack events, Telegram's webhook). */
import type http from 'node:http';

/** The body was longer than the route accepts: answer 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
  }
}

/**
 * The body, or BodyTooLargeError past `maxBytes`. An oversized body is refused as soon as it is
 * known (by Content-Length or by counting), yet read to its end and dropped, so that the client gets
 * the 413 rather than a reset connection.
 */
export function readBody(request: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
      request.resume();
      reject(new BodyTooLargeError(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      const before = size;
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (before <= maxBytes) {
        chunks.length = 0;
        reject(new BodyTooLargeError(maxBytes));
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
