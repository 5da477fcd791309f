package io.urbis.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Assembles read-only operations whose responses all point to {@code components.responses}. */
final class Operations {

  private Operations() {}

  /**
   * A path with one GET operation.
   *
   * @param okResponse the {@code components.responses} entry for 200
   */
  static PathItem get(
      String operationId,
      String tag,
      String summary,
      List<Parameter> parameters,
      String okResponse,
      Set<StatusResponse> otherResponses) {
    ApiResponses responses = new ApiResponses().addApiResponse("200", Refs.response(okResponse));
    for (StatusResponse other : otherResponses) {
      responses.addApiResponse(other.status, Refs.response(other.component));
    }
    Operation operation =
        new Operation()
            .operationId(operationId)
            .addTagsItem(tag)
            .summary(summary)
            .parameters(new ArrayList<>(parameters))
            .responses(responses);
    return new PathItem().get(operation);
  }
}
