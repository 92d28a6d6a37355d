/**
 * The Moravec scoring plugin contract.
 *
 * <p>A scoring plugin is an OSGi bundle that registers a {@link dev.moravec.api.TaskScorer} service,
 * usually as a Declarative Services component. The host exports this package to every bundle; a
 * plugin imports it and never bundles a copy of its own. The host rates every task with every
 * active scorer and combines their {@link dev.moravec.api.Rating ratings} into a verdict.
 *
 * <p>Only the types of this package cross the plugin boundary. They are immutable and safe to share
 * between threads. Version 1.1 adds what the host offers scorers beyond the task: the
 * {@link dev.moravec.api.Embedder} service and the {@link dev.moravec.api.TaxonomyView} of the
 * scoring context. Version 1.2 names the configuration PID of a scorer's settings,
 * {@link dev.moravec.api.TaskScorer#SETTINGS_PID_PREFIX}. Version 1.3 lets a rating say why a task lags
 * and how an attempt is checked: its {@link dev.moravec.api.Bottleneck bottlenecks} (one of the
 * {@link dev.moravec.api.BottleneckFactor factors}, a strength and evidence) and its
 * {@link dev.moravec.api.VerificationMode}; a plugin built against 1.2 keeps loading and rating.
 *
 * @since 1.0.0
 */
@Export
@Version("1.3.0")
package dev.moravec.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
