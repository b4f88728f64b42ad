// A register opened by database name. The product uses the default one through each store module's
// module-level functions; a test opens others so that two simulated agents live in one process, each with
// its own complaints, reference counters, badge counts and listeners. Backup and restore (lib/transfer)
// work on the product's register only.
import { anonymisationOn } from './anonymize';
import { writesOn } from './complaints';
import { statsOn } from './dashboard-stats';
import { DB_NAME, defaultConnection, type InvalidRecordListener, registerConnection } from './db';
import { templateOverridesOn } from './letter-overrides';
import { quarantineOn } from './quarantine';
import { listenInvalid, queriesOn } from './queries';
import { rowsRepairOn } from './rows-repair';
import { settingsOn } from './settings';
import { verificationOn } from './verify';

export interface RegisterOptions {
  /** The IndexedDB database name; the product's register when omitted. */
  name?: string;
}

export function openRegister({ name = DB_NAME }: RegisterOptions = {}) {
  // The product's name shares the product's connection, so its listeners and write queue stay one.
  const connection = name === DB_NAME ? defaultConnection : registerConnection(name);
  return {
    name,
    ...queriesOn(connection),
    ...writesOn(connection),
    ...settingsOn(connection),
    ...templateOverridesOn(connection),
    ...quarantineOn(connection),
    ...anonymisationOn(connection),
    ...rowsRepairOn(connection),
    ...verificationOn(connection),
    ...statsOn(connection),
    /** Adds a listener of the unreadable records this register's reads meet; returns its removal. */
    onInvalidRecord: (listener: InvalidRecordListener) => listenInvalid(connection, listener),
    close: () => connection.close(),
    deleteDatabase: () => connection.deleteDatabase(),
  };
}

export type Register = ReturnType<typeof openRegister>;
