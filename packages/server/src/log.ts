import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object. Handlers log ids and statuses, not
 * bodies; these catch the mistakes that would otherwise leak a secret or personal data.
 */
const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  '*.client_secret',
  'client_secret',
  '*.secret',
  'secret',
  '*.token',
  'token',
  '*.account_number',
  '*.id_number',
  '*.ssn_last_4',
  '*.personal_id_number',
  '*.dob',
  'body',
  'err.params',
  '*.params',
  '*.body',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout when absent. Tests pass a stream to read every line back. */
  destination?: DestinationStream;
}

/** Structured JSON logs, one object a line. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'atrium' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
