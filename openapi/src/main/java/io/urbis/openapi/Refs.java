package io.urbis.openapi;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** References into this document's components; the document never points outside itself. */
final class Refs {

  private Refs() {}

  static Parameter parameter(String name) {
    return new Parameter().$ref("#/components/parameters/" + name);
  }

  static ApiResponse response(String name) {
    return new ApiResponse().$ref("#/components/responses/" + name);
  }

  static Schema<Object> schema(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }
}
