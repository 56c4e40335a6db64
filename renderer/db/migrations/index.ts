import { migration0001 } from './0001-catalogue';
import { migration0002 } from './0002-outbox-status';
import { migration0003 } from './0003-people-enrolment';
import { migration0004 } from './0004-certificates';
import { migration0005 } from './0005-sync';
import type { Migration } from './types';

/** Every schema version in order. Append; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
