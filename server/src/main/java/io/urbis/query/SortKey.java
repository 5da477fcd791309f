package io.urbis.query;

/** One key of {@code sortby} (OGC 23-058): a sortable property and its direction. */
public record SortKey(String property, boolean descending) {}
