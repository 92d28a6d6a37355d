package dev.moravec.server.internal;

import dev.moravec.server.ServerOptions;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before every request and turns away what a web page elsewhere could do with a server on this
 * machine. Bound to loopback, the server answers only requests whose {@code Host} is its own address
 * (403 otherwise), so a DNS rebinding cannot read it. A POST must carry JSON (415 otherwise), so a page
 * elsewhere cannot send one without the browser asking first, and the browser is told yes only for the
 * origins the user allowed ({@code --allow-origin}), which get the CORS headers.
 */
public final class RequestGuard implements Handler {

    private final Set<String> hosts;
    private final List<String> origins;
    private volatile int port;

    /**
     * @param options the address and the allowed origins
     */
    public RequestGuard(ServerOptions options) {
        this.origins = options.allowedOrigins();
        this.hosts = isLoopback(options.host()) ? loopbackNames(options.host()) : null;
    }

    /**
     * Says which port the server listens on, once it does (a free one may have been picked).
     *
     * @param port the port
     */
    public void listening(int port) {
        this.port = port;
    }

    private static Set<String> loopbackNames(String bound) {
        Set<String> names = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        names.add((bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound).toLowerCase(Locale.ROOT));
        return names;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void handle(Context ctx) {
        if (hosts != null && !ownHost(ctx.header("Host"))) {
            throw new ApiException(403, "this server answers only requests for its own address"
                    + " (http://127.0.0.1:" + port + "/): the Host header names another, as a page elsewhere that"
                    + " reached this machine by a trick of its name would");
        }
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
            if (ctx.method() == HandlerType.OPTIONS) {
                ctx.header("Access-Control-Allow-Methods", "GET, POST")
                        .header("Access-Control-Allow-Headers", "Content-Type")
                        .header("Access-Control-Max-Age", "600")
                        .status(204);
                ctx.skipRemainingHandlers();
                return;
            }
        }
        if (ctx.method() == HandlerType.POST && !isJson(ctx.header("Content-Type"))) {
            throw new ApiException(415, "send the body as JSON, with the header Content-Type: application/json");
        }
    }

    private boolean ownHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        String suffix = ":" + port;
        if (name.endsWith(suffix)) {
            name = name.substring(0, name.length() - suffix.length());
        } else if (port != 80) {
            return false;
        }
        return hosts.contains(name);
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
