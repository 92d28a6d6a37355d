package dev.moravec.server.internal;

import dev.moravec.app.TaxonomyService;
import dev.moravec.model.OccupationCode;
import dev.moravec.model.Quadrant;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/** Reads a request's query parameters and body, answering a bad one with 400 (or 413) and what to send. */
final class Params {

    private Params() {}

    static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String required(Context ctx, String name) {
        String value = optional(ctx, name);
        if (value == null) {
            throw new ApiException(400, "the query parameter '" + name + "' is missing or empty");
        }
        return value;
    }

    static boolean bool(Context ctx, String name) {
        String value = optional(ctx, name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ApiException(400, name + " must be true or false, not '" + value + "'");
    }

    static int limit(Context ctx, int fallback, int max) {
        String value = optional(ctx, "limit");
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range value is
        }
        throw new ApiException(400, "limit must be a whole number from 1 to " + max + ", not '" + value + "'");
    }

    static Quadrant quadrant(Context ctx) {
        String value = optional(ctx, "quadrant");
        if (value == null) {
            return null;
        }
        try {
            return Quadrant.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "quadrant must be one of " + Arrays.toString(Quadrant.values())
                    + ", not '" + value + "'");
        }
    }

    /** The {@code family} parameter: a SOC group or occupation the taxonomy has, or {@code null}. */
    static String family(Context ctx, TaxonomyService taxonomy) throws IOException {
        String family = optional(ctx, "family");
        if (family == null) {
            return null;
        }
        if (!OccupationCode.isValid(family)) {
            throw new ApiException(400, "family '" + family + "' is not a SOC or O*NET-SOC code such as 15-0000,"
                    + " 15-1200, 15-1250, 15-1252 or 15-1252.00");
        }
        if (!taxonomy.hasFamily(family)) {
            throw new ApiException(404, "no family or occupation " + family + " in the taxonomy");
        }
        return family;
    }

    /**
     * The body, refused with 413 past the limit even when the client announced no length, and with 408 when
     * it trickles in: once reading it has kept the server waiting a second, it must have come at
     * {@link ReadDeadlines#MIN_BODY_RATE} at least. Only the time spent waiting for bytes counts, so a small
     * body that a busy server reads late is not held against its client.
     */
    static byte[] body(Context ctx, long limit) throws IOException {
        long announced = ctx.contentLength();
        if (announced > limit) {
            throw tooLarge(limit);
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE - 8, announced >= 0 ? announced : limit + 1);
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(wanted, 1 << 16));
        byte[] buffer = new byte[8192];
        long waited = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            while (body.size() < wanted) {
                long before = System.nanoTime();
                int read = in.read(buffer, 0, Math.min(buffer.length, wanted - body.size()));
                waited += System.nanoTime() - before;
                if (read < 0) {
                    break;
                }
                body.write(buffer, 0, read);
                if (waited > ReadDeadlines.BODY_GRACE_NANOS
                        && body.size() < ReadDeadlines.MIN_BODY_RATE * (waited / 1e9)) {
                    throw new ApiException(408, "the body arrived slower than " + ReadDeadlines.MIN_BODY_RATE / 1024
                            + " KiB/s; send it at once");
                }
            }
        }
        if (body.size() > limit) {
            throw tooLarge(limit);
        }
        return body.toByteArray();
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "the body is larger than " + limit + " bytes; send fewer tasks per request");
    }
}
