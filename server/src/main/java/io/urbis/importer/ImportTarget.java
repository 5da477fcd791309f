package io.urbis.importer;

import java.util.regex.Pattern;

/**
 * The table an import writes, named on the command line: schema and table must be plain SQL identifiers (they are
 * quoted anyway); the table name leaves room for the {@code _importing} twin that {@code --replace} builds.
 */
public record ImportTarget(String schema, String table, boolean replace) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

  public ImportTarget {
    for (String[] name : new String[][] {{"--schema", schema}, {"--table", table}}) {
      if (!IDENTIFIER.matcher(name[1]).matches()) {
        throw new IllegalArgumentException(name[0] + " '" + name[1] + "' is not a plain identifier: letters, digits "
            + "and _, not starting with a digit, at most 40 characters");
      }
    }
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  String qualified(String name) {
    return quote(schema) + '.' + quote(name);
  }

  String qualifiedTable() {
    return qualified(table);
  }

  /** The twin a replacing import fills before it takes the table's name. */
  String replacementName() {
    return table + "_importing";
  }

  String label() {
    return schema + "." + table;
  }
}
