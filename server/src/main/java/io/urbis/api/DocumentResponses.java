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
 * JSON bytes themselves or the document for another writer (HTML) to render.
 */
final class DocumentResponses {

  private DocumentResponses() {}

  static Response ok(Request request, Object document, Representation representation) {
    byte[] json = serialize(document);
    return tagged(request, json, representation == Representation.HTML ? document : json, representation);
  }

  /** The entity with an ETag from {@code content}, or 304 when the client's copy has that tag. */
  static Response tagged(Request request, byte[] content, Object entity, Representation representation) {
    return tagged(request, new EntityTag(hash(content) + "-" + representation.formatName()), entity, representation);
  }

  /** The entity with {@code tag}, or 304 when the client's copy has that tag. */
  static Response tagged(Request request, EntityTag tag, Object entity, Representation representation) {
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(entity, representation.mediaType()).tag(tag).build();
  }

  /** A strong entity tag value: the first 128 bits of the SHA-256 of the bytes. */
  static String hash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 16);
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
