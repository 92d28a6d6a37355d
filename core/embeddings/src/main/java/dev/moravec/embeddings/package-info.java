/**
 * The embedding service the host offers scorers (all-MiniLM-L6-v2, quantized, offline) and its vector
 * cache on disk.
 */
package dev.moravec.embeddings;
