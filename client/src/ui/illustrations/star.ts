/**
 * Shapes the illustrations share, computed rather than drawn by hand (a loop is smaller
 * on the wire than the coordinates it makes, and the login page's first load is budgeted).
 */

/** The points of a five-pointed star of outer radius `r` centred on (`x`, `y`), tip up. */
export function starPoints(x: number, y: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 ? r * 0.4 : r;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return points.join(' ');
}

/** `count` thin rays (as one path) from (`x`, `y`) out to `length`, spread over `arc` radians from `start`. */
export function rayPath(x: number, y: number, length: number, count: number, start = 0, arc = 2 * Math.PI): string {
  let d = '';
  const half = arc / count / 4;
  const at = (angle: number) =>
    `${(x + length * Math.cos(angle)).toFixed(1)} ${(y + length * Math.sin(angle)).toFixed(1)}`;
  for (let i = 0; i < count; i++) {
    const angle = start + (arc / count) * (i + 0.5);
    d += `M${x} ${y}L${at(angle - half)}L${at(angle + half)}Z`;
  }
  return d;
}
