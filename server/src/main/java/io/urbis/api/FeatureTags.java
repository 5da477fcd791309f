package io.urbis.api;

import io.urbis.encode.Representation;
import io.urbis.error.UrbisException;
import io.urbis.source.ExpectedVersion;
import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The strong ETags of features (OGC 20-002, optimistic locking with ETags) and the {@code If-Match} headers that name
 * them. A feature read by id is tagged {@code "<version>.<representation>"}: its version (what the caller sees of the
 * stored feature, {@link io.urbis.source.EncodedFeature#version()}) and a hash of the representation's bytes with its
 * format, so that every representation (GeoJSON or HTML, any {@code crs}, any base URL of its links) has its own tag
 * and {@code If-None-Match} revalidates exactly the bytes a client holds. A write answers the tag {@code "<version>"},
 * which names the state it left and no representation. {@code If-Match} compares the version part only (before the
 * dot): a client that read the feature in any representation may change it while it has not changed since.
 */
final class FeatureTags {

  /** Hex digits of the representation hash: 64 bits tell the representations of one version apart. */
  private static final int REPRESENTATION_HEX = 16;

  private FeatureTags() {}

  /** The tag of a representation of a feature of {@code version}. */
  static EntityTag ofRepresentation(String version, byte[] content, Representation representation) {
    String hash = DocumentResponses.hash(content, "").substring(0, REPRESENTATION_HEX);
    return new EntityTag(version + "." + hash + "-" + representation.formatName());
  }

  /** The tag of a write's response: the state of the feature as the write left it. */
  static EntityTag ofState(String version) {
    return new EntityTag(version);
  }

  /**
   * What the {@code If-Match} headers of a request expect (RFC 9110 13.1.1): nothing without one, any version for
   * {@code *}, else the versions of its strong tags (weak tags never match: If-Match compares strongly).
   *
   * @throws UrbisException a 400 for a header that is no list of entity tags
   */
  static ExpectedVersion expected(List<String> ifMatch) {
    if (ifMatch == null || ifMatch.isEmpty()) {
      return ExpectedVersion.NONE;
    }
    Set<String> versions = new HashSet<>();
    boolean weakOnly = false;
    for (String header : ifMatch) {
      String rest = header.strip();
      if (rest.equals("*")) {
        return ExpectedVersion.ANY;
      }
      while (!rest.isEmpty()) {
        boolean weak = rest.startsWith("W/");
        String tag = weak ? rest.substring(2) : rest;
        int end = tag.indexOf('"', 1);
        if (!tag.startsWith("\"") || end < 0) {
          throw malformed(header);
        }
        if (weak) {
          weakOnly = true;
        } else {
          versions.add(versionOf(tag.substring(1, end)));
        }
        rest = tag.substring(end + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith(",")) {
          throw malformed(header);
        }
        rest = rest.replaceFirst("^[,\\s]+", "");
      }
    }
    if (versions.isEmpty() && !weakOnly) {
      throw malformed(String.join(", ", ifMatch));
    }
    // only weak tags: an expectation no feature meets, which fails the precondition
    return new ExpectedVersion(false, versions.isEmpty() ? Set.of("") : versions);
  }

  /** The version part of an opaque tag: before the dot of a representation's tag, or the whole of a write's. */
  private static String versionOf(String opaque) {
    int dot = opaque.indexOf('.');
    return dot < 0 ? opaque : opaque.substring(0, dot);
  }

  private static UrbisException malformed(String header) {
    return new UrbisException(400, "InvalidRequest", "If-Match must be * or a list of entity tags such as"
        + " \"0a1b2c\", got " + (header.length() > 80 ? header.substring(0, 77) + "..." : header));
  }
}
