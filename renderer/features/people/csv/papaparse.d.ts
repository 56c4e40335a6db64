/**
 * The part of Papa Parse (papaparse 5.x, a CommonJS/UMD package without its own types) that the
 * CSV import uses: parsing a string synchronously, without header mode.
 *
 * Declared here instead of using @types/papaparse because that package starts with
 * `/// <reference types="node" />` and imports `stream`, which would bring Node's globals
 * (Buffer, process, require…) into the whole renderer type-check and hide Node-only code there.
 */
declare module 'papaparse' {
  /** A problem Papa Parse met: `Quotes` (MissingQuotes, InvalidQuotes), `Delimiter` (UndetectableDelimiter), `FieldMismatch`. */
  export type ParseError = {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  };

  /** Options for parsing a string without a header row (fields come back as string arrays). */
  export type ParseConfig = {
    /** The field separator; '' guesses it among `delimitersToGuess`. */
    delimiter?: string;
    /** Line break; '' guesses it (\r\n, \n or \r). */
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    skipEmptyLines?: boolean | 'greedy';
    delimitersToGuess?: string[];
  };

  export type ParseMeta = {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
  };

  export type ParseResult = { data: string[][]; errors: ParseError[]; meta: ParseMeta };

  const Papa: { parse(input: string, config?: ParseConfig): ParseResult };
  export default Papa;
}
