/** What the live server and the app agree on beyond Hocuspocus' own protocol. */

/** The stateless message a room's participants receive when its host ends it. */
export const ROOM_ENDED = 'journey-canvas:room-ended';
