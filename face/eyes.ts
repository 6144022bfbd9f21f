/**
 * Eye openness from the 468-point face mesh (MediaPipe numbering): the eye aspect ratio, the
 * two lid-to-lid heights over the corner-to-corner width, averaged over both eyes. Open eyes
 * read about 0.25-0.35, closed ones under about 0.15; the active check compares against the
 * customer's own open value, not these numbers.
 */
export type MeshPoint = readonly [number, number, number?];

/** corner, upper lid, upper lid, corner, lower lid, lower lid */
const RIGHT_EYE = [33, 160, 158, 133, 153, 144] as const;
const LEFT_EYE = [362, 385, 387, 263, 373, 380] as const;
const MESH_POINTS = 468;

const dist = (a: MeshPoint, b: MeshPoint): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

function aspectRatio(mesh: readonly MeshPoint[], eye: readonly number[]): number {
  const [p1, p2, p3, p4, p5, p6] = eye.map((i) => mesh[i]!) as [MeshPoint, MeshPoint, MeshPoint, MeshPoint, MeshPoint, MeshPoint];
  const width = dist(p1, p4);
  return width === 0 ? 0 : (dist(p2, p6) + dist(p3, p5)) / (2 * width);
}

/** Null when the mesh is missing or incomplete. */
export function eyeOpenness(mesh: readonly MeshPoint[] | undefined): number | null {
  if (!mesh || mesh.length < MESH_POINTS) return null;
  return (aspectRatio(mesh, RIGHT_EYE) + aspectRatio(mesh, LEFT_EYE)) / 2;
}
