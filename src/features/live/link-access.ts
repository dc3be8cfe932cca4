/**
 * What a live link opens: the room to watch, to edit (or to run), or nothing (wrong, or ended).
 * 'unknown' when the server cannot be asked (offline, an older server): the join then says why.
 */
export type LinkAccess = 'view' | 'edit' | 'none' | 'unknown';

export async function linkAccess(roomId: string, secret: string): Promise<LinkAccess> {
  try {
    const res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/access`, {
      method: 'POST',
      body: JSON.stringify({ secret }),
    });
    if (res.status === 404) return 'none';
    if (!res.ok) return 'unknown';
    const { access } = (await res.json()) as { access?: unknown };
    return access === 'view' ? 'view' : 'edit';
  } catch {
    return 'unknown';
  }
}
