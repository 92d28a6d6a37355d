/**
 * The HTTP adapter: the JSON API, the web page and the HTML report, served by Javalin over the
 * application services.
 */
package dev.moravec.server;
