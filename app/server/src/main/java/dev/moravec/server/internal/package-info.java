/**
 * The server's routes, request parsing and web assets: they parse a request, call a service and answer
 * with a JSON view.
 */
package dev.moravec.server.internal;
