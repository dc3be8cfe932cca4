/** A rectangle on screen, in CSS pixels. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How near the canvas's edge (px) the pointer makes the map scroll, and its top speed (px a frame). */
export const AUTO_PAN = { edge: 40, speed: 14, dwellMs: 250 } as const;

/**
 * How far to pan the map this frame while cards are dragged with the pointer at `pointer`: towards
 * an edge the pointer is near, faster the nearer, and never further than the map goes beyond that
 * edge (a map already in view does not slide away under the pointer).
 */
export function autoPanStep(
  pointer: { x: number; y: number },
  canvas: ScreenRect,
  map: ScreenRect,
): { x: number; y: number } {
  const { edge, speed } = AUTO_PAN;
  // How deep into the edge zone the pointer is (0 to 1) sets the speed; what lies beyond, the limit.
  const pace = (depth: number) => Math.ceil((Math.min(depth, edge) / edge) * speed);
  const beyond = (overhang: number) => Math.max(0, Math.ceil(overhang));
  const axis = (p: number, lo: number, hi: number, mapLo: number, mapHi: number) => {
    if (p < lo + edge) return Math.min(pace(lo + edge - p), beyond(lo - mapLo));
    if (p > hi - edge) return -Math.min(pace(p - hi + edge), beyond(mapHi - hi)) || 0; // never -0
    return 0;
  };
  return {
    x: axis(pointer.x, canvas.left, canvas.right, map.left, map.right),
    y: axis(pointer.y, canvas.top, canvas.bottom, map.top, map.bottom),
  };
}
