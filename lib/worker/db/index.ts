export { DB_NAME, DB_VERSION, OtklikDb, SCHEMA_VERSIONS, declareVersions, getDb } from './db';
export * from './jobs';
export * from '../../core/db/schema';
