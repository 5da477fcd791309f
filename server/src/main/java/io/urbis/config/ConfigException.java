package io.urbis.config;

/** The configuration cannot be used; the message says which key and how to fix it. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
