package io.urbis.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built tiles on disk, one file per cache key, named by the key's hash: a key holds the data version, so tiles of
 * changed data are simply not found again (their files stay until someone deletes them). A disk that fails costs a
 * rebuild, never a request.
 */
final class TileDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(TileDirectory.class);

  private final Path directory;

  TileDirectory(Path directory) {
    this.directory = directory;
  }

  /** The tile stored under {@code key}, if there is one. */
  Optional<byte[]> read(String key) {
    try {
      return Optional.of(Files.readAllBytes(file(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot read the cached tile {}: {}", file(key), e.toString());
      return Optional.empty();
    }
  }

  /** The size of the tile stored under {@code key}, or -1 when there is none. */
  long size(String key) {
    try {
      return Files.size(file(key));
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      LOG.warn("cannot read the cached tile {}: {}", file(key), e.toString());
      return -1;
    }
  }

  /** Stores the tile whole or not at all: readers, also of other processes, never see half a file. */
  void write(String key, byte[] content) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      LOG.warn("cannot store the tile {}: {}", file, e.toString());
    }
  }

  /** Two levels of hash prefixes keep directories small when millions of tiles are seeded. */
  Path file(String key) {
    String hash = sha256(key);
    return directory.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash + ".tile");
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(
          StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
