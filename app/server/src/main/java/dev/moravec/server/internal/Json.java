package dev.moravec.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Sends a JSON body. */
final class Json {

    /** The content type of every API answer. */
    static final String TYPE = "application/json";

    private Json() {}

    static void send(Context ctx, JsonNode node) {
        ctx.contentType(TYPE).json(node);
    }

    static void send(Context ctx, byte[] json) {
        ctx.contentType(TYPE).result(json);
    }
}
