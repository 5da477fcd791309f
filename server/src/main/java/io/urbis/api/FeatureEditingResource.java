package io.urbis.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.access.CatalogView;
import io.urbis.catalog.Collection;
import io.urbis.config.EditingConfig;
import io.urbis.crs.Crs;
import io.urbis.editing.FeatureBodies;
import io.urbis.error.UrbisException;
import io.urbis.security.Authentication;
import io.urbis.security.Caller;
import io.urbis.source.ExpectedVersion;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeaturePatch;
import io.urbis.source.WrittenFeature;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Creating, replacing, updating and deleting features (OGC 20-002, OGC API - Features Part 4): {@code POST} to
 * {@code /collections/{collectionId}/items} (201 with {@code Location}), {@code PUT}, {@code PATCH} (RFC 7396 JSON
 * Merge Patch) and {@code DELETE} of {@code /collections/{collectionId}/items/{featureId}} (204), and {@code OPTIONS}
 * of both, whose {@code Allow} lists what the caller may do. Jersey merges this resource with {@link ItemsResource},
 * which reads the same paths.
 *
 * <p>Only callers the access rules let write the collection may: others get a 401 with the challenge of the
 * credentials taken when anonymous, else a 403. Bodies are GeoJSON in CRS84 or the {@code Content-Crs} of the
 * collection's {@code crs} list, checked against the collection as the caller sees it ({@link FeatureBodies}). Every
 * write answers the feature's new version as {@code ETag}; {@code If-Match} with the ETag of a read
 * ({@link FeatureTags}) makes a write fail with 412 when the feature changed since, and a collection configured with
 * {@code editing.requireIfMatch} takes no change without it (428). A committed write tells the collection's data
 * that it changed, so counts and tiles follow at once.
 */
@Path("/collections/{collectionId}/items")
public final class FeatureEditingResource {

  private static final String CONTENT_CRS = "Content-Crs";
  /** WGS 84 longitude, latitude and ellipsoidal height: CRS84 with the heights as they are. */
  private static final String CRS84H = "http://www.opengis.net/def/crs/OGC/0/CRS84h";
  private static final MediaType GEOJSON = MediaType.valueOf("application/geo+json");
  private static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");
  private static final List<MediaType> FEATURE_TYPES = List.of(GEOJSON, MediaType.APPLICATION_JSON_TYPE);
  private static final String READING = "GET, HEAD, OPTIONS";
  /**
   * How much of a body is read and dropped before it is refused (413, or a write refused before its body was read),
   * so that its client, still sending, gets the answer and may reuse the connection.
   */
  private static final long DRAINED_BYTES = 8L * FeatureBodies.MAX_BYTES;

  private final EditingConfig editing;
  private final Authentication authentication;

  /**
   * @param editing how writes are taken
   * @param authentication what credentials are taken, for the 401's challenge
   */
  public FeatureEditingResource(EditingConfig editing, Authentication authentication) {
    this.editing = editing;
    this.authentication = authentication;
  }

  @OPTIONS
  public Response itemsOptions(@PathParam("collectionId") String collectionId,
      @Context ContainerRequestContext context) {
    return options(context, collectionId, "POST", "Accept-Post", GEOJSON + ", " + MediaType.APPLICATION_JSON);
  }

  @OPTIONS
  @Path("/{featureId}")
  public Response itemOptions(@PathParam("collectionId") String collectionId,
      @Context ContainerRequestContext context) {
    // RFC 5789 3.1: Accept-Patch names the patch documents PATCH takes
    return options(context, collectionId, "PUT, PATCH, DELETE", "Accept-Patch", MERGE_PATCH.toString());
  }

  /**
   * {@code Allow}: the methods that read, and for a caller who may write the collection those that write, with the
   * header that names the bodies they take.
   */
  private static Response options(ContainerRequestContext context, String collectionId, String writing,
      String acceptHeader, String accepted) {
    Collection collection = CollectionsResource.find(context, collectionId);
    if (!CatalogView.of(context).mayWrite(collection.id())) {
      return Response.ok().header(HttpHeaders.ALLOW, READING).build();
    }
    return Response.ok().header(HttpHeaders.ALLOW, READING + ", " + writing).header(acceptHeader, accepted).build();
  }

  @POST
  public Response create(@PathParam("collectionId") String collectionId, @Context HttpHeaders headers,
      @Context UriInfo uri, @Context ContainerRequestContext context, InputStream body) {
    Write write = write(context, collectionId, body);
    FeatureContent feature = write.bodies(headers).created(body(headers, FEATURE_TYPES, body));
    WrittenFeature written = write.editor().create(write.collection(), feature, write.caller());
    write.collection().data().changed();
    URI location = URI.create(new LinkBuilder(uri).path("collections", write.collection().id(), "items",
        written.id()));
    return Response.created(location).tag(FeatureTags.ofState(written.version())).build();
  }

  @PUT
  @Path("/{featureId}")
  public Response replace(@PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId,
      @Context HttpHeaders headers, @Context ContainerRequestContext context, InputStream body) {
    Write write = write(context, collectionId, body);
    ExpectedVersion expected = expected(headers, write.collection());
    FeatureContent feature = write.bodies(headers).replacement(body(headers, FEATURE_TYPES, body), featureId);
    return changed(write, write.editor().replace(write.collection(), featureId, feature, expected, write.caller()));
  }

  @PATCH
  @Path("/{featureId}")
  public Response update(@PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId,
      @Context HttpHeaders headers, @Context ContainerRequestContext context, InputStream body) {
    Write write = write(context, collectionId, body);
    ExpectedVersion expected = expected(headers, write.collection());
    FeaturePatch patch = write.bodies(headers).patch(body(headers, List.of(MERGE_PATCH), body), featureId);
    return changed(write, write.editor().update(write.collection(), featureId, patch, expected, write.caller()));
  }

  @DELETE
  @Path("/{featureId}")
  public Response delete(@PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId,
      @Context HttpHeaders headers, @Context ContainerRequestContext context) {
    Write write = write(context, collectionId);
    write.editor().delete(write.collection(), featureId, expected(headers, write.collection()), write.caller());
    write.collection().data().changed();
    return Response.noContent().build();
  }

  /** A 204 with the feature's new version, after telling the collection's data that it changed. */
  private static Response changed(Write write, WrittenFeature written) {
    write.collection().data().changed();
    return Response.noContent().tag(FeatureTags.ofState(written.version())).build();
  }

  /**
   * A write the caller may make.
   *
   * @param collection the collection as the caller sees it
   * @param editor the collection's editor
   * @param caller who writes, as the audit trail names it
   */
  private record Write(Collection collection, FeatureEditor editor, String caller) {

    /** The reader of the request's body, in its Content-Crs. */
    FeatureBodies bodies(HttpHeaders headers) {
      return new FeatureBodies(collection, editor.rules(collection), contentCrs(headers, collection));
    }
  }

  /**
   * The write of a caller the access rules let write the collection (else a 401 or 403), on the collection as its
   * writing roles shape it.
   */
  private Write write(ContainerRequestContext context, String collectionId) {
    Collection readable = CollectionsResource.find(context, collectionId);
    Collection collection = CatalogView.of(context).writable(readable.id())
        .orElseThrow(() -> refusal(context, readable));
    // the server does not start when a collection some role may write has no editor
    FeatureEditor editor = collection.source().editor().orElseThrow(() -> new IllegalStateException(
        "collection " + collection.id() + " is writable, but its source has no editor"));
    return new Write(collection, editor, Caller.from(context).name());
  }

  /** Why the caller may not write the collection: no credentials (401), or none that allow it (403). */
  private RuntimeException refusal(ContainerRequestContext context, Collection collection) {
    if (Caller.from(context) == Caller.ANONYMOUS) {
      return authentication.credentialsRequired("Changing the features of collection '" + collection.id()
          + "' needs the API key or bearer token of a caller who may");
    }
    return new UrbisException(403, "Forbidden", "The caller may not change the features of collection '"
        + collection.id() + "'");
  }

  /** What If-Match expects; a 428 without it where the collection asks for it (RFC 6585 3). */
  private ExpectedVersion expected(HttpHeaders headers, Collection collection) {
    ExpectedVersion expected = FeatureTags.expected(headers.getRequestHeader(HttpHeaders.IF_MATCH));
    if (!expected.isConditional() && editing.requiresIfMatch(collection.id())) {
      throw new UrbisException(428, "PreconditionRequired", "Collection '" + collection.id() + "' takes changes"
          + " only with If-Match: send the ETag of the feature as you read it, so that no change you have not seen"
          + " is overwritten");
    }
    return expected;
  }

  /** The body as JSON, when it is of one of the {@code accepted} types and not too large. */
  private static JsonNode body(HttpHeaders headers, List<MediaType> accepted, InputStream body) {
    MediaType type = headers.getMediaType();
    if (type == null || accepted.stream().noneMatch(a -> a.isCompatible(type) && !type.isWildcardType()
        && !type.isWildcardSubtype())) {
      throw new UrbisException(415, "UnsupportedMediaType", "The body must be "
          + String.join(" or ", accepted.stream().map(MediaType::toString).toList())
          + (type == null ? "; the request has no Content-Type" : ", not " + type));
    }
    try {
      byte[] bytes = headers.getLength() > FeatureBodies.MAX_BYTES ? new byte[0]
          : body.readNBytes(FeatureBodies.MAX_BYTES + 1);
      if (bytes.length > FeatureBodies.MAX_BYTES || headers.getLength() > FeatureBodies.MAX_BYTES) {
        throw tooLarge(body);
      }
      return FeatureBodies.parse(bytes);
    } catch (IOException e) {
      throw new UrbisException(400, "InvalidRequestBody", "The request body could not be read to its end");
    }
  }

  /**
   * The 413 for a body over the limit, after reading what is left of it up to a bound: a client still sending would
   * otherwise see the connection close instead of the answer.
   */
  private static UrbisException tooLarge(InputStream body) throws IOException {
    drain(body);
    return new UrbisException(413, "PayloadTooLarge", "The request body is larger than "
        + FeatureBodies.MAX_BYTES / (1024 * 1024) + " MiB; send one feature per request");
  }

  /** Reads and drops what is left of the body, up to {@link #DRAINED_BYTES}. */
  private static void drain(InputStream body) throws IOException {
    byte[] dropped = new byte[1 << 16];
    long left = DRAINED_BYTES;
    for (int read = 0; left > 0 && read >= 0; read = body.read(dropped, 0, (int) Math.min(dropped.length, left))) {
      left -= read;
    }
  }

  /**
   * The write of {@code write(context, collectionId)}; when it is refused (no such collection, no right to write)
   * the body is read first, as the client is still sending it and would otherwise find its connection closed.
   */
  private Write write(ContainerRequestContext context, String collectionId, InputStream body) {
    try {
      return write(context, collectionId);
    } catch (RuntimeException refused) {
      try {
        drain(body);
      } catch (IOException e) {
        refused.addSuppressed(e);
      }
      throw refused;
    }
  }

  /**
   * The CRS of the body's coordinates (OGC 20-002, /req/features/crs-other-crs): the {@code Content-Crs} header, a
   * URI (in angle brackets as OGC 18-058r1 writes it, or bare as QGIS sends it) from the collection's {@code crs};
   * CRS84 without one.
   */
  private static Crs contentCrs(HttpHeaders headers, Collection collection) {
    String header = headers.getHeaderString(CONTENT_CRS);
    if (header == null) {
      return Crs.CRS84;
    }
    String text = header.strip();
    if (text.startsWith("<") && text.endsWith(">")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    if (text.equals(CRS84H) || text.toLowerCase(Locale.ROOT).equals("[ogc:crs84h]")) {
      return Crs.CRS84;
    }
    return Crs.parse(text).filter(collection.crs()::contains).orElseThrow(() -> new UrbisException(400,
        "InvalidRequest", CONTENT_CRS + ": '" + header + "' is not a CRS of collection '" + collection.id()
        + "'; use one of " + collection.crs().stream().map(Crs::uri).toList()));
  }
}
