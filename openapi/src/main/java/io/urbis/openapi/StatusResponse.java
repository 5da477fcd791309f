package io.urbis.openapi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The responses besides 200 an operation can give, each a {@code components.responses} entry. */
enum StatusResponse {
  NOT_MODIFIED("304", "NotModified"),
  INVALID_PARAMETER("400", "InvalidParameter"),
  NOT_FOUND("404", "NotFound"),
  NOT_ACCEPTABLE("406", "NotAcceptable"),
  SERVER_ERROR("500", "ServerError");

  /** Server-wide resources always exist and are answered without an ETag. */
  static final Set<StatusResponse> FOR_SERVER_RESOURCE =
      Collections.unmodifiableSet(EnumSet.of(INVALID_PARAMETER, NOT_ACCEPTABLE, SERVER_ERROR));

  /** Collection resources carry ETags, and a collection or feature can be gone or hidden. */
  static final Set<StatusResponse> FOR_COLLECTION_RESOURCE =
      Collections.unmodifiableSet(EnumSet.allOf(StatusResponse.class));

  final String status;
  final String component;

  StatusResponse(String status, String component) {
    this.status = status;
    this.component = component;
  }
}
