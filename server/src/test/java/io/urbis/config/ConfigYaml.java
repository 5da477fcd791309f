package io.urbis.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration tests' YAML: written to a file in the test's folder and read as the server reads it. */
final class ConfigYaml {

  private ConfigYaml() {}

  /** {@code yaml} read by {@link ConfigReader} from {@code folder/urbis.yaml}, without defaults. */
  static UrbisConfig read(Path folder, String yaml) throws IOException {
    Path file = folder.resolve("urbis.yaml");
    Files.writeString(file, yaml);
    return ConfigReader.read(file);
  }
}
