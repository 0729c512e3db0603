/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

function parseHex(color: string): { rgb: Rgb; alpha: string } | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (!match) return null;
  let hex = match[1]!;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  return { rgb, alpha: hex.slice(6) };
}

const toHex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two hex colours. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [parseHex(a), parseHex(b)].map((c) => (c ? luminance(c.rgb) : 0)) as [number, number];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Moves a colour toward black (on a light background) or white (on a dark one) just far
 * enough to reach `min` contrast, keeping its hue: a theme's few too-pale tokens become
 * readable and the rest stay exactly as designed.
 */
export function readableOn(color: string, background: string, min = MIN_CONTRAST): string {
  const fg = parseHex(color);
  const bg = parseHex(background);
  if (!fg || !bg || contrast(color, background) >= min) return color;
  const target: Rgb = luminance(bg.rgb) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = fg.rgb.map((v, i) => v + (target[i]! - v) * t) as Rgb;
    if (contrast(toHex(mixed), background) >= min) return toHex(mixed) + fg.alpha;
  }
  return toHex(target);
}
