package io.urbis.api;

/** The Urbis version, from the jar manifest when packaged. */
final class Version {

  private Version() {}

  static String of() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
