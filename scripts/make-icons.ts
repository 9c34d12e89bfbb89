/**
 * Draws the app icon of 信用办案台 (a filed document under an official red seal — ring and star —
 * on the office's navy) and writes what the installers need: assets/icons/<n>x<n>.png for Linux, assets/icon.png
 * (512 px) and assets/icon.ico (16–256 px) for Windows. Pure geometry, supersampled, with pngjs
 * and png-to-ico: `npx tsx scripts/make-icons.ts`. The generated files are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pngToIco from 'png-to-ico';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

type Rgba = [number, number, number, number];
const NAVY: Rgba = [31, 58, 104, 255];
const PAPER: Rgba = [250, 248, 242, 255];
const INK: Rgba = [120, 130, 150, 255];
const SEAL: Rgba = [200, 16, 46, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function roundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Inside the five-pointed star of an official seal, centred at (cx, cy). */
function inStar(x: number, y: number, cx: number, cy: number, outer: number): boolean {
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : outer * 0.4;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The colour at (x, y) of the unit square [0, 1]²; later shapes paint over earlier ones. */
function colourAt(x: number, y: number): Rgba {
  let c: Rgba = CLEAR;
  if (roundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) c = NAVY;
  if (roundedRect(x, y, 0.2, 0.14, 0.68, 0.8, 0.04)) c = PAPER;
  for (const line of [0.28, 0.38, 0.48]) if (roundedRect(x, y, 0.28, line, 0.6, line + 0.04, 0.02)) c = INK;
  const d = Math.hypot(x - 0.68, y - 0.7);
  if (d <= 0.22) c = SEAL;
  if (d <= 0.16 && d >= 0.125) c = PAPER;
  if (inStar(x, y, 0.68, 0.705, 0.085)) c = PAPER;
  return c;
}

export function drawIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // Premultiplied, so that transparent samples do not darken the edges.
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * c[3];
          sum[3]! += c[3];
        }
      }
      const at = (py * size + px) * 4;
      const alpha = sum[3]! / (samples * samples);
      for (let i = 0; i < 3; i++) png.data[at + i] = alpha > 0 ? Math.round(sum[i]! / sum[3]!) : 0;
      png.data[at + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png);
}

export async function writeIcons(assetsDir: string): Promise<string[]> {
  const iconsDir = join(assetsDir, 'icons');
  mkdirSync(iconsDir, { recursive: true });
  const written: string[] = [];
  const bySize = new Map<number, Buffer>();
  for (const size of ICON_SIZES) {
    const png = drawIcon(size);
    bySize.set(size, png);
    const file = join(iconsDir, `${size}x${size}.png`);
    writeFileSync(file, png);
    written.push(file);
  }
  writeFileSync(join(assetsDir, 'icon.png'), bySize.get(512)!);
  writeFileSync(join(assetsDir, 'icon.ico'), await pngToIco(ICO_SIZES.map((s) => bySize.get(s)!)));
  written.push(join(assetsDir, 'icon.png'), join(assetsDir, 'icon.ico'));
  return written;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const written = await writeIcons(join(import.meta.dirname, '..', 'assets'));
  console.log(`wrote ${written.length} icon files`);
}
