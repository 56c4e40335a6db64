import { describe, expect, it } from 'vitest';
import { mutations } from '../../../shared/mutations';
import { changeRefs, changeSummariesEn, openCount, reasonOf, recorderOf, subjectText, summaryId, type SubjectWords } from './describe';

const words: SubjectWords = {
  day: (d) => d.split('-').reverse().join('/'),
  classDay: (date) => `class day ${date}`,
  dateRange: (start, end) => `${start} – ${end}`,
  gone: 'a record no longer on this device',
  none: 'no record named',
};

describe('changeRefs', () => {
  it('names the person and session of a late enrolment', () => {
    expect(changeRefs('enrolment.request', { id: 'e1', personId: 'p1', sessionId: 's1' })).toEqual({ enrolmentId: 'e1', personId: 'p1', sessionId: 's1' });
  });

  it('names the trainee and class day of an attendance mark', () => {
    expect(changeRefs('attendance.mark', { meetingId: 'm1', personId: 'p1', status: 'late' })).toEqual({ meetingId: 'm1', personId: 'p1' });
  });

  it('keeps the typed name of a creation, for when the hub refused it and the record is gone', () => {
    expect(changeRefs('course.create', { id: 'c9', code: 'ORB-1', title: 'Orbits' })).toMatchObject({ courseId: 'c9', label: 'Orbits' });
    expect(changeRefs('person.create', { id: 'p9', nativeName: 'مریم', latinName: 'Maryam' })).toMatchObject({ personId: 'p9', label: 'Maryam' });
  });

  it('points a merge at the record merged away, and a settled conflict at the conflict', () => {
    expect(changeRefs('person.merge', { keepId: 'p1', mergeId: 'p2' }).personId).toBe('p2');
    expect(changeRefs('conflict.resolve', { id: 'k1', status: 'present' })).toEqual({ conflictId: 'k1' });
  });

  it('answers with nothing, rather than failing, for arguments it cannot read', () => {
    expect(changeRefs('attendance.mark', null)).toEqual({});
    expect(changeRefs('something.new', 'text')).toEqual({});
  });
});

describe('reasonOf', () => {
  it('gives the refusal code and parameters of a refused change', () => {
    expect(reasonOf({ kind: 'rejected', error: { code: 'session-not-open', params: {} } })).toEqual({ kind: 'rejected', error: { code: 'session-not-open', params: {} } });
  });

  it('gives the notices of an adjusted change, such as waitlisted in position 1', () => {
    const reason = reasonOf({ kind: 'adjusted', notices: [{ code: 'waitlisted', params: { position: 1 } }] });
    expect(reason).toEqual({ kind: 'adjusted', notices: [{ code: 'waitlisted', params: { position: 1 } }] });
  });

  it('still shows an adjusted change that came without a notice, instead of hiding it', () => {
    expect(reasonOf({ kind: 'adjusted', notices: [] })).toEqual({ kind: 'unexplained' });
    expect(reasonOf({ kind: 'rejected' }).kind).toBe('rejected');
  });
});

describe('subjectText', () => {
  it('says who, which course and session and which class day', () => {
    const text = subjectText(
      { person: 'Amina Yusuf', course: { code: 'CSD-101', title: 'CubeSat design' }, session: { startDate: '2027-03-01', endDate: '2027-03-05' }, meetingDate: '2027-03-02', gone: false },
      words,
    );
    expect(text).toBe('Amina Yusuf · CSD-101 CubeSat design · 01/03/2027 – 05/03/2027 · class day 02/03/2027');
  });

  it('says when the record is no longer on this device, or when no record was named', () => {
    expect(subjectText({ gone: true }, words)).toBe('a record no longer on this device');
    expect(subjectText({ gone: false }, words)).toBe('no record named');
  });
});

describe('change summaries', () => {
  it('match the summary of every mutation in shared/mutations', () => {
    for (const [name, def] of Object.entries(mutations)) expect(changeSummariesEn[name as keyof typeof changeSummariesEn], name).toBe(def.summary);
    expect(Object.keys(changeSummariesEn).sort()).toEqual(Object.keys(mutations).sort());
  });

  it('falls back to a generic line for a change this version does not know', () => {
    expect(summaryId('enrolment.request')).toBe('attention.change.enrolment.request');
    expect(summaryId('future.thing')).toBe('attention.change.unknown');
  });
});

describe('openCount', () => {
  it('counts entries not yet seen plus open conflicts', () => {
    expect(openCount([{ dismissed: false }, { dismissed: true }, { dismissed: false }], 3)).toBe(5);
  });
});

describe('recorderOf', () => {
  it('splits the device and the person who recorded a mark', () => {
    expect(recorderOf('Lab laptop/p1')).toEqual({ device: 'Lab laptop', personId: 'p1' });
    expect(recorderOf('Lab laptop')).toEqual({ device: 'Lab laptop' });
  });
});
