package io.urbis.encode;

/**
 * A collection's HTML page: its description and its entry of the DCAT-AP.de catalog as JSON-LD, which the page
 * embeds for search engines.
 *
 * @param collection the collection's metadata, as its JSON has it
 * @param jsonLd its catalog entry (a {@code dcat:Dataset}) as JSON-LD, or null
 */
public record CollectionPage(CollectionDescription collection, String jsonLd) {}
