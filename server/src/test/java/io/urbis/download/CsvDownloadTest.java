package io.urbis.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 4180 fields: enclosed in double quotes only where they must be. */
class CsvDownloadTest {

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndTheirQuotesDoubled() {
    assertEquals("Gebäude 7", CsvDownload.field("Gebäude 7"));
    assertEquals("\"POLYGON ((1 2, 3 4, 1 2))\"", CsvDownload.field("POLYGON ((1 2, 3 4, 1 2))"));
    assertEquals("\"say \"\"hi\"\"\"", CsvDownload.field("say \"hi\""));
    assertEquals("\"two\r\nlines\"", CsvDownload.field("two\r\nlines"));
    assertEquals("", CsvDownload.field(null));
  }
}
