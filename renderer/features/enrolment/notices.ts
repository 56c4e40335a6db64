import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { fillParams, noticeText, type Notice } from '../../../shared/errors';

/** Turns a notice (`waitlisted`, `completion-attendance-short`…) into text in the user's language. */
export function useNoticeText(): (notice: Notice) => string {
  const intl = useIntl();
  return useMemo(
    () => (notice: Notice) => {
      const id = `notice.${notice.code}`;
      return intl.messages[id] ? intl.formatMessage({ id }, notice.params) : fillParams(noticeText[notice.code], notice.params);
    },
    [intl],
  );
}
