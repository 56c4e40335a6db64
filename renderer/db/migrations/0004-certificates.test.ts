import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApogeeDb } from '../schema';

describe('migration 0004 (certificates)', () => {
  it('keeps version-3 data and opens the certificate tables with their lookups', async () => {
    const name = 'migration-0004-test';
    const v3 = new ApogeeDb(name, { untilVersion: 3 });
    await v3.open();
    await v3.table('enrolments').put({ id: 'e1', sessionId: 's1', personId: 'p1' });
    v3.close();

    const db = new ApogeeDb(name, { untilVersion: 4 });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.enrolments.get('e1')).toEqual({ id: 'e1', sessionId: 's1', personId: 'p1' });
    await db.certificates.put({ id: 'c1', serial: 'IDSEA-K7Q2-000001', enrolmentId: 'e1', personId: 'p1', sessionId: 's1', courseId: 'k1', issuerId: 'd1' } as never);
    for (const [field, value] of [['serial', 'IDSEA-K7Q2-000001'], ['enrolmentId', 'e1'], ['personId', 'p1'], ['sessionId', 's1'], ['courseId', 'k1'], ['issuerId', 'd1']] as const)
      expect(await db.certificates.where(field).equals(value).primaryKeys()).toEqual(['c1']);
    await db.certificateTemplates.put({ id: 'k1', courseId: 'k1' } as never);
    expect(await db.certificateTemplates.where('courseId').equals('k1').count()).toBe(1);
    expect(await db.issuers.count()).toBe(0);
    await db.delete();
  });
});
