package io.urbis.source;

import java.time.Instant;

/**
 * One write a source's audit trail recorded: who changed which feature how, when, and the stored row before and
 * after as JSON (null where there was none).
 *
 * @param id the entry's number, in the order the writes were made
 * @param operation create, replace, update or delete
 */
public record AuditEntry(long id, Instant at, String caller, String operation, String collection, String featureId,
    String before, String after) {}
