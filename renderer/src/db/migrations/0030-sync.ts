import type { Migration } from './types';

/**
 * Sync (docs/sync-protocol.md): the engine's own state, what the platform sent down, and the media
 * upload queue. Also indexes the case desk's `outbox` by `batchId`, so an unanswered batch is resent
 * whole under its original id (additive: the earlier indexes stay).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'sync',
  stores: {
    outbox: 'id, state, deviceSeq, [state+deviceSeq], batchId',
    // key/value: platform config, pull cursor, last report, clock skew, export watermark
    syncState: 'key',
    // items pulled from the platform (objections, repairs, corrections, calendars, rule sets, number blocks)
    syncInbox: 'id, kind, caseId, publishedAt',
    // attachments (by content hash) still to upload; the bytes stay in the case desk's attachments
    syncMedia: 'sha256, state',
    // one row per sync run or error, for support (never synced)
    syncLog: 'id, at',
  },
};
