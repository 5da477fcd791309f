package io.urbis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a YAML configuration file, refusing unknown keys and wrong types with a message naming the key. */
public final class ConfigReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** Keys that meant something once, with what to write instead. */
  private static final Map<String, String> RETIRED_KEYS = Map.of("exactCountLimit",
      "requests without filters now always report numberMatched; filteredCountLimit bounds the matches a filtered"
          + " request may be expected to have to report it");

  private ConfigReader() {}

  public static UrbisConfig read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    try {
      UrbisConfig config = YAML.readValue(file.toFile(), UrbisConfig.class);
      return config == null ? UrbisConfig.DEFAULTS : config;
    } catch (UnrecognizedPropertyException e) {
      String retired = RETIRED_KEYS.get(e.getPropertyName());
      if (retired != null) {
        throw new ConfigException(file + ": key '" + e.getPropertyName() + "' is no longer read: " + retired);
      }
      throw new ConfigException(file + ": unknown key '" + e.getPropertyName() + "'; known keys: "
          + e.getKnownPropertyIds());
    } catch (InvalidFormatException e) {
      throw new ConfigException(file + ": key '" + path(e) + "' cannot be " + e.getValue() + "; it needs a "
          + e.getTargetType().getSimpleName());
    } catch (MismatchedInputException e) {
      throw new ConfigException(file + ": key '" + path(e) + "' has the wrong type; it needs a "
          + (e.getTargetType() == null ? "different value" : e.getTargetType().getSimpleName()));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
    }
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> a + "." + b).orElse("?");
  }
}
