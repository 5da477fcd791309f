package io.urbis.testdata;

import io.urbis.dcat.Vocabularies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/**
 * GovData's validation of DCAT-AP.de, offline, with Apache Jena SHACL: the official shapes of a profile as
 * {@code validator-profiles.properties} in {@code shared/data/dcat-ap-de} lists them (its remote DCAT-AP 2.1.1 shapes
 * from the local copy), checked against the data together with the vocabularies the validator imports that are at
 * hand: the mirrors of FOAF, vCard and ORG beside the shapes and those Urbis ships (licences, contributors, data
 * themes, frequencies, file types). Others (political geocoding keys, EU languages) are not, so checks that need
 * them report as if their values were unknown.
 */
public final class DcatApDeShapes {

  /** DCAT-AP.de 2.0, the specification. */
  public static final String SPECIFICATION = "v20_de_spec";
  /** DCAT-AP.de 2.0 with the conventions (Konventionenhandbuch). */
  public static final String CONVENTIONS = "v20_de_spec_implr";

  private static final String FOLDER = "dcat-ap-de";
  private static final String DCAT_AP_SHAPES = "dcat-ap-2.1.1/dcat-ap_2.1.1_shacl_shapes.ttl";

  private final Path folder;
  private final Shapes shapes;

  private DcatApDeShapes(Path folder, Shapes shapes) {
    this.folder = folder;
    this.shapes = shapes;
  }

  /** The shapes of {@code profile}, when the shared data holds them. */
  public static Optional<DcatApDeShapes> of(String profile) {
    Optional<Path> folder = SharedData.file(FOLDER + "/validator-profiles.properties").map(Path::getParent);
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    Properties profiles = new Properties();
    try (InputStream in = Files.newInputStream(folder.get().resolve("validator-profiles.properties"))) {
      profiles.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Model shapes = ModelFactory.createDefaultModel();
    for (String listed : profiles.getProperty("validator.shaclFile." + profile).split(",")) {
      // the validator's v2.0/shapes/ folder is v2.0/ here
      RDFDataMgr.read(shapes, folder.get().resolve(listed.trim().replace("/shapes/", "/")).toString());
    }
    if (profiles.getProperty("validator.shaclFile." + profile + ".remote.0.url", "").endsWith(
        "dcat-ap_2.1.1_shacl_shapes.ttl")) {
      RDFDataMgr.read(shapes, folder.get().resolve(DCAT_AP_SHAPES).toString());
    }
    return Optional.of(new DcatApDeShapes(folder.get(), Shapes.parse(shapes.getGraph())));
  }

  /** The folder of the shapes, where {@code negative/} and {@code examples/} are. */
  public Path folder() {
    return folder;
  }

  /** Every result of validating {@code data} together with the vocabularies at hand. */
  public List<ReportEntry> validate(Model data) {
    Model all = ModelFactory.createDefaultModel().add(data).add(Vocabularies.model());
    try (var files = Files.list(folder.resolve("vocabularies"))) {
      files.sorted().forEach(file -> RDFDataMgr.read(all, file.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Graph graph = all.getGraph();
    return new ArrayList<>(ShaclValidator.get().validate(shapes, graph).getEntries());
  }

  /** The results of {@code severity}. */
  public static List<ReportEntry> withSeverity(List<ReportEntry> entries, Severity severity) {
    return entries.stream().filter(e -> e.severity().equals(severity)).toList();
  }

  /** A result as one line: severity, focus node, path and message. */
  public static String describe(ReportEntry entry) {
    return entry.severity().level().getLocalName() + " " + entry.focusNode() + " "
        + (entry.resultPath() == null ? "" : entry.resultPath().toString()) + ": " + entry.message();
  }
}
