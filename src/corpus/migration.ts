/** A versioned schema change: ordered SQL statements, applied once, in a transaction. */
import { VigilError } from '../errors.js';

export interface Migration {
  /** Increasing from 1; the applied versions are kept in `schema_migrations`. */
  version: number;
  name: string;
  statements: readonly string[];
}

/** A database migrated by a newer vigil is left alone rather than misread. */
export function tooNewError(found: number, known: number): VigilError {
  return new VigilError(
    'database-too-new',
    `the database is at schema version ${found} but this vigil knows only up to ${known}: upgrade vigil`,
  );
}
