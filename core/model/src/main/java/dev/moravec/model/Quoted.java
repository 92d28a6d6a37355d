package dev.moravec.model;

import java.util.List;

/**
 * Input text as messages show it: control characters escaped, so that a terminal prints an escape
 * sequence from a hostile file as text instead of obeying it, and cut to a readable length, so that a
 * 5 MB header does not make a 5 MB message. The input itself is never changed: rejects files keep it
 * as it was.
 */
public final class Quoted {

    /** The longest value shown in full; longer ones are cut, with their length said. */
    public static final int VALUE_LENGTH = 80;

    /** The longest message shown in full. */
    public static final int MESSAGE_LENGTH = 2000;

    private static final int LIST_LENGTH = 12;

    private Quoted() {}

    /**
     * A value in quotes, such as {@code 'Write code'}.
     *
     * @param value the input's text
     * @return it escaped, cut and quoted
     */
    public static String of(String value) {
        return "'" + plain(value) + "'";
    }

    /**
     * A value without quotes, such as a column name the message quotes itself.
     *
     * @param value the input's text, or {@code null}
     * @return it escaped and cut; {@code null} for {@code null}
     */
    public static String plain(String value) {
        return value == null ? null : escape(cut(value, VALUE_LENGTH), false);
    }

    /**
     * Names from the input, quoted and joined: the first dozen, then how many more.
     *
     * @param names the names, such as a header's columns
     * @return for example {@code 'id', 'Task', 'Code'}
     */
    public static String list(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < Math.min(LIST_LENGTH, names.size()); i++) {
            list.append(i == 0 ? "" : ", ").append(of(names.get(i)));
        }
        if (names.size() > LIST_LENGTH) {
            list.append(" and ").append(names.size() - LIST_LENGTH).append(" more");
        }
        return list.toString();
    }

    /**
     * A whole message made safe to print: control characters other than line breaks and tabs escaped,
     * and cut past {@link #MESSAGE_LENGTH}. The last line of defence for messages that quote input.
     *
     * @param message the message
     * @return it made safe; {@code null} for {@code null}
     */
    public static String message(String message) {
        return message == null ? null : escape(cut(message, MESSAGE_LENGTH), true);
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }

    private static String escape(String text, boolean keepLines) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c == '\n' || c == '\t') {
                replacement = keepLines ? null : c == '\n' ? "\\n" : "\\t";
            } else if (c == '\r') {
                replacement = "\\r";
            } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                replacement = String.format("\\u%04X", (int) c); // escape sequences, and text-direction overrides
            }
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
