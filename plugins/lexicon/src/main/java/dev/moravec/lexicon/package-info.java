/**
 * The lexicon scorer bundle: rates a task from the words of its statement.
 */
package dev.moravec.lexicon;
