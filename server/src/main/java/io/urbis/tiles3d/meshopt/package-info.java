/**
 * Encoders for the glTF extension EXT_meshopt_compression: the attribute, triangle and index bitstreams of its
 * Appendix A, written from the specification. Each encoder compresses one buffer view; the caller writes the
 * extension JSON from a {@link io.urbis.tiles3d.meshopt.MeshoptView}.
 */
package io.urbis.tiles3d.meshopt;
