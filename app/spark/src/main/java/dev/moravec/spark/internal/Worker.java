package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Session;
import dev.moravec.scoring.ScoringEngine;

/**
 * What an executor JVM rates with: the session its plugin host runs in, the scoring engine over the
 * session's scorers, and the mapper the catalog's JSON is read with. One per JVM, shared by the tasks
 * that run in it at the same time (the engine is thread-safe).
 *
 * @param session the session: the plugin host, the embedder, the taxonomy index
 * @param engine the scoring engine
 * @param mapper the JSON mapper
 */
public record Worker(Session session, ScoringEngine engine, ObjectMapper mapper) {}
