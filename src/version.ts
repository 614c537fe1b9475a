// Versions written into records and the database. Bump PARSER_VERSION whenever extraction
// output can change, so incremental ingest re-parses sources parsed by an older parser.

export const PARSER_VERSION = '1.0.0';
export { RECORD_VERSION } from './schema/recordShape.js';
