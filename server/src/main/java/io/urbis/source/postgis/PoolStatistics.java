package io.urbis.source.postgis;

/** A snapshot of a connection pool: connections in use, idle, in all, and requests waiting for one. */
public record PoolStatistics(int active, int idle, int total, int waiting) {}
