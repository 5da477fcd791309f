package io.urbis.dcat;

import io.urbis.encode.Representation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** Writes the catalog's RDF in the serialisations harvesters read: RDF/XML, Turtle and JSON-LD. */
public final class RdfDocuments {

  /** What {@code /catalog} offers, the first when the client asks for nothing (RDF/XML: what GovData harvests). */
  public static final List<Representation> OFFERED =
      List.of(Representation.RDF_XML, Representation.TURTLE, Representation.JSON_LD);

  private RdfDocuments() {}

  /** The model's bytes (UTF-8) in one of {@link #OFFERED}. */
  public static byte[] bytes(Model model, Representation representation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, format(representation));
    return out.toByteArray();
  }

  /** The model as JSON-LD text, as an HTML page embeds it. */
  public static String jsonLd(Model model) {
    return new String(bytes(model, Representation.JSON_LD), StandardCharsets.UTF_8);
  }

  private static RDFFormat format(Representation representation) {
    return switch (representation) {
      case RDF_XML -> RDFFormat.RDFXML_PRETTY;
      case TURTLE -> RDFFormat.TURTLE_PRETTY;
      case JSON_LD -> RDFFormat.JSONLD11;
      default -> throw new IllegalArgumentException(representation + " is no RDF serialisation");
    };
  }
}
