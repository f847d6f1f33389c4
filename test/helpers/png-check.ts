/**
 * Checks on a PNG file as written: its size from the IHDR chunk, and its pixels decoded by resvg (an
 * SVG that shows only the PNG), so a test looks at the encoded file and not at the renderer's buffer.
 */
import { Resvg } from '@resvg/resvg-js';

/** Width and height from the PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (
    png.subarray(0, 8).toString('latin1') !== '\x89PNG\r\n\x1a\n' ||
    png.subarray(12, 16).toString('latin1') !== 'IHDR'
  ) {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The PNG's RGBA pixels, decoded from the file's bytes. */
export function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { background: 'rgba(0,0,0,0)' }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** How much the picture varies (grey-level variance), and the share of dark (ink) pixels. */
export function inkStats(pixels: Buffer): { variance: number; dark: number } {
  let sum = 0;
  let sumOfSquares = 0;
  let dark = 0;
  const count = pixels.length / 4;
  for (let i = 0; i < pixels.length; i += 4) {
    const grey = ((pixels[i] ?? 0) + (pixels[i + 1] ?? 0) + (pixels[i + 2] ?? 0)) / 3;
    sum += grey;
    sumOfSquares += grey * grey;
    if (grey < 80) dark++;
  }
  return { variance: sumOfSquares / count - (sum / count) ** 2, dark: dark / count };
}
