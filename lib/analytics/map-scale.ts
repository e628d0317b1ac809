// No `server-only`: pure, tested with the analytics DTO.

export type MapBin = { min: number; max: number; fill: string; label: string };

/** Light to dark blue; the darkest two carry white-on-blue contrast in the legend swatches. */
const FILLS = ['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#172554'];
export const ZERO_FILL = '#f8fafc';

/**
 * Up to five equal-width bins from 1 to the largest count (fewer when the counts are small), plus
 * a separate "none" swatch. Colour is never the only channel: the table beside the map has the
 * numbers and each state's <title> names its count.
 */
export function mapBins(maxCount: number): MapBin[] {
  if (maxCount <= 0) return [];
  const n = Math.min(FILLS.length, maxCount);
  const width = Math.ceil(maxCount / n);
  const bins: MapBin[] = [];
  for (let i = 0; i < n; i++) {
    const min = i * width + 1;
    const max = i === n - 1 ? maxCount : Math.min(maxCount, (i + 1) * width);
    if (min > max) break;
    const fill = FILLS[Math.round((i * (FILLS.length - 1)) / Math.max(1, n - 1))];
    const fmt = (x: number) => x.toLocaleString('en-US');
    bins.push({ min, max, fill, label: min === max ? fmt(min) : `${fmt(min)}–${fmt(max)}` });
  }
  return bins;
}

export function fillFor(count: number, bins: MapBin[]): string {
  if (count <= 0) return ZERO_FILL;
  return (bins.find((b) => count >= b.min && count <= b.max) ?? bins[bins.length - 1]).fill;
}
