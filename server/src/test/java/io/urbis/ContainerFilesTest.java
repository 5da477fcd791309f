package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.config.UrbisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here: these checks keep the Dockerfile and compose file true to the build. */
class ContainerFilesTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theDockerfileCopiesTheJarTheBuildProduces() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    String pom = Files.readString(ROOT.resolve("server/pom.xml"));
    assertTrue(pom.contains("<finalName>urbis</finalName>"), "server/pom.xml names the jar urbis.jar");
    assertTrue(dockerfile.contains("COPY --from=build /src/server/target/urbis.jar /opt/urbis/urbis.jar"));
    assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/urbis/urbis.jar\"]"));
  }

  @Test
  void everyPathTheBuildStageCopiesExists() throws IOException {
    Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(Files.readString(ROOT.resolve("Dockerfile")));
    int copies = 0;
    while (copy.find()) {
      assertTrue(Files.exists(ROOT.resolve(copy.group(1))), copy.group(1));
      copies++;
    }
    assertTrue(copies >= 4);
  }

  @Test
  void theExposedPortIsTheServersDefaultAndTheHealthCheckUsesTheCheckCommand() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("EXPOSE " + UrbisConfig.DEFAULTS.port()));
    assertTrue(dockerfile.contains("\"check\", \"http://127.0.0.1:" + UrbisConfig.DEFAULTS.port() + "/health\""));
    assertTrue(dockerfile.contains("USER urbis"), "runs as a non-root user");
  }

  @Test
  void composeWiresPostgisToUrbisByDatabaseUrl() throws IOException {
    List<String> compose = Files.readAllLines(ROOT.resolve("docker-compose.yml"));
    assertTrue(compose.stream().anyMatch(l -> l.contains("image: postgis/postgis")));
    assertTrue(compose.stream().anyMatch(l -> l.contains("DATABASE_URL: postgresql://urbis:urbis@db:5432/city")));
    assertEquals(1, compose.stream().filter(l -> l.contains("\"8080:8080\"")).count());
  }
}
