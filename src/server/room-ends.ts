import type { Redis } from '@hocuspocus/extension-redis';

/** The Redis channel on which a process says that it ended a room. */
const CHANNEL = 'journey-canvas:room-ended';

/**
 * Ending a room reaches every process on one Redis: the process that ends it publishes the
 * room's id, and each one (itself too, at once) closes the room's connections. New connections
 * are refused by each process from the shared database, which also refuses to write anything
 * more for an ended room.
 */
export class RoomEnds {
  private readonly sub: ReturnType<Redis['pub']['duplicate']> | null;

  constructor(
    private readonly redis: Redis | null,
    private readonly closeLocally: (roomId: string) => void,
  ) {
    this.sub = redis ? redis.pub.duplicate() : null;
    if (this.sub) {
      this.sub.on('message', (channel: string, roomId: string) => {
        if (channel === CHANNEL) closeLocally(roomId);
      });
      void this.sub.subscribe(CHANNEL).catch((error: unknown) => console.error('room ends not subscribed:', error));
    }
  }

  /** A room ended here: closed on this process now, and on the others through Redis. */
  ended(roomId: string): void {
    this.closeLocally(roomId);
    void this.redis?.pub
      .publish(CHANNEL, roomId)
      .catch((error: unknown) => console.error('room end not published:', error));
  }

  close(): void {
    this.sub?.disconnect(false);
  }
}
