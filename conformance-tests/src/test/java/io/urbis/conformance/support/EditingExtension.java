package io.urbis.conformance.support;

/** Starts {@link EditedData} once per test run; use with {@link UrbisExtension}. */
public final class EditingExtension extends StartedOncePerRun<EditedData> {

  public EditingExtension() {
    super(EditedData.class, EditedData::start);
  }
}
