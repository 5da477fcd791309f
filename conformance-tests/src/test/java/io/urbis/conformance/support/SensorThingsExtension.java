package io.urbis.conformance.support;

/** Starts {@link SensorThingsData} once per test run; use with {@link UrbisExtension}. */
public final class SensorThingsExtension extends StartedOncePerRun<SensorThingsData> {

  public SensorThingsExtension() {
    super(SensorThingsData.class, SensorThingsData::start);
  }
}
