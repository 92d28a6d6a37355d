/**
 * How each official file is parsed, for {@link dev.moravec.taxonomy.sources.OnetReleaseReader}: not API,
 * and free to change with it.
 */
package dev.moravec.taxonomy.sources.internal;
