package io.urbis.api;

/** The Swagger UI page for {@code /api?f=html}, loading Swagger UI from the server's own assets. */
final class SwaggerUiPage {

  private SwaggerUiPage() {}

  static String render(String title, String definitionUrl, String baseUrl) {
    String assets = baseUrl + "/assets/swagger-ui/";
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>%s - API</title>
          <link rel="stylesheet" href="%sswagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%sswagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({url: "%s", dom_id: "#swagger-ui", validatorUrl: null});
          </script>
        </body>
        </html>
        """.formatted(escape(title), escape(assets), escape(assets), escape(definitionUrl));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
