package dev.moravec.lexicon;

import java.io.Serial;

/** A lexicon file is not valid; the message names the file, category and cue. */
final class LexiconException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    LexiconException(String message) {
        super(message);
    }
}
