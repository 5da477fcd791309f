package io.urbis.cql2.text;

/** How tightly a written construct binds, loosest first, following the levels of the CQL2-text BNF. */
enum Precedence {
  ANY,
  OR,
  AND,
  NOT,
  PREDICATE,
  ADDITIVE,
  MULTIPLICATIVE,
  POWER,
  PRIMARY
}
