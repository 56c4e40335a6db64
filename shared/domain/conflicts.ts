import { z } from 'zod';
import { attendanceStatuses } from './vocabulary';
import { recordId } from './values';

/** One of the values two devices recorded for the same slot, with who and when (device time). */
export const conflictValue = z.object({
  status: z.enum(attendanceStatuses),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
/** One recorded value of a conflict. */
export type ConflictValue = z.infer<typeof conflictValue>;

/**
 * Two devices recorded different attendance for the same trainee and class day without having
 * seen each other's mark. The hub kept the later one (in hub order) and opened this conflict so a
 * coordinator sees both values and picks; nothing is hidden.
 */
export const conflictSchema = z.object({
  id: recordId,
  kind: z.literal('attendance'),
  meetingId: recordId,
  sessionId: recordId,
  personId: recordId,
  /** The values in hub order: the first was overwritten by the second, which the hub kept. */
  values: z.array(conflictValue).min(2),
  state: z.enum(['open', 'resolved']),
  /** The status the coordinator picked. */
  chosen: z.enum(attendanceStatuses).nullable(),
  resolvedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A conflict as stored. */
export type Conflict = z.infer<typeof conflictSchema>;
