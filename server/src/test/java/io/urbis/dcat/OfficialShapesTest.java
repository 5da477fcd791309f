package io.urbis.dcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.testdata.DcatApDeShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.junit.jupiter.api.Test;

/**
 * The set-up that validates {@code /catalog} catches errors: GovData's own test cases
 * ({@code shared/data/dcat-ap-de/negative/}) report what their subjects' names announce, for the property each file
 * is about: {@code P} passes, {@code F} fails (a violation), {@code W} is warned of, {@code I} fails the conventions
 * (a violation once they are checked), {@code PsFk} passes the specification and fails the conventions.
 */
class OfficialShapesTest {

  private static final Map<String, String> PATHS = Map.of(
      "dataset-contributorID.ttl", "http://dcat-ap.de/def/dcatde/contributorID",
      "dataset-politicalGeocodingURI.ttl", "http://dcat-ap.de/def/dcatde/politicalGeocodingURI",
      "distribution-licenseAttributionByText.ttl", "http://dcat-ap.de/def/dcatde/licenseAttributionByText");
  /**
   * The cases whose announcement no shape of the two profiles encodes, so that no SHACL engine reports it: a missing
   * political geocoding (W) and a missing attribution text (I) are recommendations GovData's quality dashboard checks,
   * not the specification or the conventions; and the conventions' contributorID shape counts only IRIs of the
   * contributor list (sh:qualifiedMaxCount), so a second IRI beside a listed one (PsFk) passes it.
   */
  private static final List<String> NOT_IN_THE_SHAPES = List.of("07-W-No_politicalGeocodingURI", "03-I-nothing",
      "05-PsFk-contributorID_with_other_IRI");
  private static final Pattern OUTCOME = Pattern.compile("/\\d+-(P|F|W|I|PsFk)-");

  @Test
  void theNegativeTestCasesReportWhatTheirNamesAnnounce() throws IOException {
    Optional<DcatApDeShapes> specification = DcatApDeShapes.of(DcatApDeShapes.SPECIFICATION);
    Optional<DcatApDeShapes> conventions = DcatApDeShapes.of(DcatApDeShapes.CONVENTIONS);
    assumeTrue(specification.isPresent(), "the DCAT-AP.de shapes are not in shared/data/dcat-ap-de");
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, String> file : PATHS.entrySet()) {
      Path cases = specification.get().folder().resolve("negative").resolve(file.getKey());
      Model data = RDFDataMgr.loadModel(cases.toString());
      List<ReportEntry> spec = onPath(specification.get().validate(data), file.getValue());
      List<ReportEntry> implr = onPath(conventions.get().validate(data), file.getValue());
      data.listSubjects().forEachRemaining(subject -> {
        Matcher name = OUTCOME.matcher(subject.getURI());
        if (!name.find()) {
          return;
        }
        String focus = subject.getURI();
        String results = "spec " + severities(spec, focus) + ", conventions " + severities(implr, focus);
        boolean announced = switch (name.group(1)) {
          case "P" -> !severities(implr, focus).contains("Violation");
          case "F" -> severities(spec, focus).contains("Violation");
          case "W" -> severities(spec, focus).contains("Warning") && !severities(spec, focus).contains("Violation");
          case "I" -> severities(implr, focus).contains("Violation");
          default -> !severities(spec, focus).contains("Violation") && severities(implr, focus).contains("Violation");
        };
        checked.add((announced ? "as announced: " : "NOT as announced: ") + focus + ": " + results);
      });
    }
    checked.forEach(System.out::println);
    assertEquals(20, checked.size(), checked.toString());
    List<String> unannounced = checked.stream().filter(c -> c.startsWith("NOT")).toList();
    assertEquals(NOT_IN_THE_SHAPES.size(), unannounced.size(), unannounced.toString());
    assertTrue(unannounced.stream().allMatch(c -> NOT_IN_THE_SHAPES.stream().anyMatch(c::contains)),
        unannounced.toString());
  }

  @Test
  void theOfficialSimpleExampleHasNoViolation() {
    Optional<DcatApDeShapes> specification = DcatApDeShapes.of(DcatApDeShapes.SPECIFICATION);
    assumeTrue(specification.isPresent(), "the DCAT-AP.de shapes are not in shared/data/dcat-ap-de");
    Path example = specification.get().folder().resolve("examples/dcat_ap_de-RefImp_TTL_SIMPLE.ttl");
    List<ReportEntry> results = specification.get().validate(RDFDataMgr.loadModel(example.toString()));
    assertFalse(results.isEmpty() && !DcatApDeShapes.withSeverity(results, Severity.Violation).isEmpty(),
        results.stream().map(DcatApDeShapes::describe).toList().toString());
  }

  private static List<ReportEntry> onPath(List<ReportEntry> entries, String path) {
    return entries.stream().filter(e -> e.resultPath() != null && e.resultPath().toString().contains(path))
        .toList();
  }

  private static List<String> severities(List<ReportEntry> entries, String focus) {
    return entries.stream().filter(e -> e.focusNode().isURI() && e.focusNode().getURI().equals(focus))
        .map(e -> e.severity().level().getLocalName()).toList();
  }
}
