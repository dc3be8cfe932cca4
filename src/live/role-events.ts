import { i18n } from '../i18n';
import type { LiveRec } from '../storage/db';
import { liveLink, type LiveJourney } from './live-state';
import type { RoleDone, RoleGrant } from './role-messages';
import type { ParticipantView } from './roll-call';

export type RoleEvent = { grant: RoleGrant } | { done: RoleDone } | { refused: true };

export interface RoleContext {
  rec: LiveRec;
  participants: readonly ParticipantView[];
  origin: string;
  /** Keeps the live record (so a reload connects with the new secret) and shows the change. */
  save(rec: LiveRec, change: Partial<LiveJourney>): void;
  toast(text: string, error?: boolean): void;
}

/** The live record after the server changed this person's role: the secret that now runs the room from here. */
export function recWithGrant(rec: LiveRec, grant: RoleGrant): LiveRec {
  const role = grant.role === 'edit' ? 'guest' : grant.role;
  return {
    ...rec,
    role,
    secret: grant.secret ?? grant.editSecret,
    editSecret: grant.editSecret,
    viewSecret: grant.viewSecret ?? rec.viewSecret,
    // Only someone who runs the room asks the others to follow them.
    leading: role === 'guest' ? false : rec.leading,
  };
}

/** What a role change from the server means here: the record kept, the screen, and who is told what. */
export function applyRole(event: RoleEvent, ctx: RoleContext): void {
  if ('refused' in event) return ctx.toast(i18n.t('roles.refused'), true);
  if ('done' in event) {
    const name = ctx.participants.find((p) => p.clientId === event.done.clientId)?.name ?? '';
    const key = { host: 'roles.handedOver', cohost: 'roles.coAdded', edit: 'roles.coRemoved' } as const;
    return ctx.toast(i18n.t(key[event.done.role], { name }));
  }
  const before = ctx.rec.role;
  const rec = recWithGrant(ctx.rec, event.grant);
  const { editSecret, viewSecret } = rec;
  ctx.save(rec, {
    role: rec.role,
    access: 'edit',
    ...(rec.leading ? {} : { leading: false }),
    ...(editSecret ? { editLink: liveLink(ctx.origin, rec.roomId, editSecret) } : {}),
    ...(viewSecret ? { viewLink: liveLink(ctx.origin, rec.roomId, viewSecret) } : {}),
  });
  if (rec.role === before) return;
  // The facilitator who handed the room over is told by the "done" message, naming the new one.
  if (rec.role === 'host') ctx.toast(i18n.t('roles.nowFacilitator'));
  else if (rec.role === 'cohost') ctx.toast(i18n.t('roles.nowCoFacilitator'));
  else if (before === 'cohost') ctx.toast(i18n.t('roles.noLongerCoFacilitator'));
}
