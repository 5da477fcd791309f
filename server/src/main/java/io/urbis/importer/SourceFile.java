package io.urbis.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.Locale;

/**
 * The file being imported, gzip or not ({@code .gz}), counting the bytes read over all passes so the progress
 * bar knows how far the import is.
 */
final class SourceFile {

  private final Path path;
  private final long size;
  private final AtomicLong bytesRead = new AtomicLong();

  SourceFile(Path path) throws ImportException {
    if (!Files.isRegularFile(path)) {
      throw new ImportException(path + ": no such file");
    }
    this.path = path;
    try {
      this.size = Files.size(path);
    } catch (IOException e) {
      throw new ImportException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  /** The file name without {@code .gz}, whose ending tells the format. */
  String formatName() {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  long size() {
    return size;
  }

  long bytesRead() {
    return bytesRead.get();
  }

  /** A new stream from the start: decompressed when gzip, counted before decompression. */
  InputStream open() throws IOException {
    InputStream counted = new FilterInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytesRead.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
    return path.toString().endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(counted, 1 << 16), 1 << 16)
        : counted;
  }
}
