package dev.moravec.catalog;

/** What a catalog reader yields for each input record: the record, or the reason it was rejected. */
public sealed interface CatalogEntry permits CatalogRecord, Rejection {

    /** @return the input's name, such as its file name, or {@code -} for standard input */
    String source();

    /** @return the line of the input where the record starts, from 1 */
    long line();
}
