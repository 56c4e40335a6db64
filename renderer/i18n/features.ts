import { appMessages } from '../app/messages';
import { accountMessages } from '../features/account/messages';
import { syncMessages } from '../features/sync/messages';
import { attendanceMessages } from '../features/attendance/messages';
import { attentionMessages } from '../features/attention/messages';
import { devicesMessages } from '../features/devices/messages';
import { packetsMessages } from '../features/packets/messages';
import { hubAdminMessages } from '../features/hubAdmin/messages';
import { certificatesMessages } from '../features/certificates/messages';
import { certificatePrintMessages } from '../features/certificates/print/messages';
import { certificateProblemMessages } from '../features/certificates/problemMessages';
import { enrolmentMessages } from '../features/enrolment/messages';
import { myCoursesMessages } from '../features/mycourses/messages';
import { peopleMessages } from '../features/people/messages';

/** Messages that live with their feature, merged into each language's catalogue. */
export const featureMessages = [appMessages, peopleMessages, enrolmentMessages, attendanceMessages, myCoursesMessages, certificatePrintMessages, certificatesMessages, certificateProblemMessages, attentionMessages, devicesMessages, hubAdminMessages, accountMessages, syncMessages, packetsMessages] as const;

/** Ids of the feature messages. */
export type FeatureMessageId =
  | keyof typeof accountMessages.en
  | keyof typeof syncMessages.en
  | keyof typeof appMessages.en
  | keyof typeof myCoursesMessages.en
  | keyof typeof peopleMessages.en
  | keyof typeof enrolmentMessages.en
  | keyof typeof attendanceMessages.en
  | keyof typeof certificatePrintMessages.en
  | keyof typeof certificatesMessages.en
  | keyof typeof certificateProblemMessages.en
  | keyof typeof attentionMessages.en
  | keyof typeof devicesMessages.en
  | keyof typeof packetsMessages.en
  | keyof typeof hubAdminMessages.en;

/** The feature messages of one language. */
export function featureMessagesIn(locale: 'en' | 'zh' | 'ar'): Record<FeatureMessageId, string> {
  return Object.assign({}, ...featureMessages.map((m) => m[locale])) as Record<FeatureMessageId, string>;
}
