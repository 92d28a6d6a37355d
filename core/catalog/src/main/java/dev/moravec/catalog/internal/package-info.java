/**
 * Helpers of the catalog readers.
 */
package dev.moravec.catalog.internal;
