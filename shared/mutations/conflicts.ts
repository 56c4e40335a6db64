import { z } from 'zod';
import { attendanceStatuses } from '../domain/vocabulary';
import { recordId } from '../domain/values';
import { actorLabel } from './enrolment';
import { coordinatorsOnly, sessionOutsideSite } from './common';
import { defineMutation, ok, refuse } from './types';

/**
 * A coordinator settles a conflict of attendance: the chosen status becomes the trainee's mark
 * for that class day, and the conflict is closed. Syncs like any change. A site coordinator
 * settles those of their sessions.
 */
export const resolveConflict = defineMutation({
  name: 'conflict.resolve',
  version: 1,
  summary: 'Settle a conflict of attendance',
  args: z.object({ id: recordId, status: z.enum(attendanceStatuses, { error: 'invalid-choice' }) }),
  permission: coordinatorsOnly,
  reads: (args) => [{ table: 'conflicts', id: args.id }],
  async apply(store, { id, status }, { actor, now }) {
    const conflict = await store.get('conflicts', id);
    if (!conflict) return refuse('not-found', {}, 'id');
    const elsewhere = await sessionOutsideSite(store, actor, conflict.sessionId, 'id');
    if (elsewhere) return elsewhere;
    if (conflict.state === 'resolved') return refuse('conflict-resolved', {}, 'id');
    const markId = `${conflict.meetingId}|${conflict.personId}`;
    await store.put('attendance', {
      id: markId,
      meetingId: conflict.meetingId,
      sessionId: conflict.sessionId,
      personId: conflict.personId,
      status,
      recordedBy: actorLabel(actor),
      recordedAt: now,
    });
    await store.put('conflicts', { ...conflict, state: 'resolved', chosen: status, resolvedBy: actorLabel(actor), updatedAt: now });
    return ok;
  },
});
