/**
 * The index's schema, its documents and their stored JSON.
 */
package dev.moravec.taxonomy.index.internal;
