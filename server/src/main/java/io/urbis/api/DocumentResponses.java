package io.urbis.api;

import io.urbis.encode.Json;
import io.urbis.encode.Representation;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers a small document with a strong ETag from its JSON bytes: 304 when the client has it already, else the
 * JSON bytes themselves or the document for another writer (HTML) to render. A document shaped by access rules
 * mixes its visibility (a collection's or the view's) into the tag, so that audiences never share a tag, even for
 * the same bytes: a client's tag from another audience never gets a 304, and comparing tags tells nothing of what
 * another audience sees. The whole data keeps the tag of its bytes alone.
 */
final class DocumentResponses {

  private DocumentResponses() {}

  /** A document that is the same for every caller ({@link SameForEveryCaller}). */
  static Response ok(Request request, Object document, Representation representation) {
    return ok(request, document, representation, "");
  }

  /** A document of data seen with {@code visibility} (empty: the whole data). */
  static Response ok(Request request, Object document, Representation representation, String visibility) {
    byte[] json = serialize(document);
    return tagged(request, json, representation == Representation.HTML ? document : json, representation,
        visibility);
  }

  /**
   * The entity with an ETag from {@code content} and {@code visibility}, or 304 when the client's copy has that
   * tag.
   */
  static Response tagged(Request request, byte[] content, Object entity, Representation representation,
      String visibility) {
    return tagged(request, new EntityTag(hash(content, visibility) + "-" + representation.formatName()), entity,
        representation);
  }

  /** The entity with {@code tag}, or 304 when the client's copy has that tag. */
  static Response tagged(Request request, EntityTag tag, Object entity, Representation representation) {
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(entity, representation.mediaType()).tag(tag).build();
  }

  /**
   * A strong entity tag value: the first 128 bits of the SHA-256 of the visibility and the bytes, which for the
   * whole data (empty visibility) is that of the bytes alone.
   */
  static String hash(byte[] bytes, String visibility) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(visibility.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static byte[] serialize(Object document) {
    try {
      return Json.MAPPER.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + document.getClass().getSimpleName(), e);
    }
  }
}
