package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.moravec.model.Quoted;

/**
 * What a Jackson parser's error (JSON or CSV) says, told as a message a user reads: the line, also
 * when the parser gives no location (as when a limit of its {@code StreamReadConstraints} is passed:
 * nesting deeper than 1,000 levels, a number longer than 1,000 digits, a text longer than 20 million
 * characters), and what is wrong, without the names of the parser's own settings.
 */
public final class JsonErrors {

    private JsonErrors() {}

    /**
     * The line an error is on.
     *
     * @param e the error
     * @param fallback the line to give when the parser gives none, such as the line being read
     * @return the line
     */
    public static long line(JsonProcessingException e, long fallback) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? fallback : location.getLineNr();
    }

    /**
     * What is wrong.
     *
     * @param e the error
     * @return the parser's message, its settings' names left out, input escaped and cut
     */
    public static String message(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.replaceAll(", from `[^`]*`", "");
        if (e instanceof StreamConstraintsException) {
            message = "past a limit of the parser: " + message;
        }
        return Quoted.message(message);
    }
}
