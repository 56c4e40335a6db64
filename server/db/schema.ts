import type { ColumnType, Generated } from 'kysely';

/** A bigint column: the drivers hand it back as a string (pg) or a number/bigint (PGlite). */
type Big = ColumnType<string | number | bigint, number, number>;

/** Every synced row: its latest state (`data`, null once deleted), stamped with the hub sequence. */
export type RecordsTable = {
  tbl: string;
  id: string;
  seq: Big;
  data: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** Scope keys, kept on tombstones too so a deletion reaches exactly who saw the row. */
  session_id: string | null;
  person_id: string | null;
  /** The device whose change wrote this state. */
  client_id: string;
  /** That device said it holds exactly this state already: its pulls leave the row out. */
  writer_has: Generated<boolean>;
  /** When the row last changed, by the hub's clock. */
  changed_at: Generated<string>;
};

export type CounterTable = { id: number; seq: Big };

export type MetaTable = { key: string; value: ColumnType<unknown, string, string> };

export type AccountsTable = {
  id: string;
  email: string;
  password_hash: string;
  role: 'coordinator' | 'instructor' | 'trainee';
  person_id: string;
  name: string;
  created_at: string;
  disabled: Generated<boolean>;
  /** The country (ISO 3166 alpha-2) a site coordinator runs; '' for the whole organisation and for other roles. */
  site: Generated<string>;
};

export type TokensTable = { hash: string; account_id: string; client_id: string; expires_at: string };

export type ClientsTable = {
  client_id: string;
  account_id: string;
  device_name: string;
  last_seq: Big;
  pending: number;
  last_contact: string;
  packet_key: string;
  created_at: string;
};

export type ResultsTable = {
  client_id: string;
  seq: Big;
  mutation_id: string;
  result: ColumnType<Record<string, unknown>, string, string>;
};

export type Database = {
  records: RecordsTable;
  hub_counter: CounterTable;
  hub_meta: MetaTable;
  accounts: AccountsTable;
  tokens: TokensTable;
  clients: ClientsTable;
  results: ResultsTable;
};
