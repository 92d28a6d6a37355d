/**
 * A test plugin whose scorer names bottleneck factors and verification modes from a few words, so that
 * tests of the bottleneck views and the scenarios have data whatever the shipped scorers say.
 */
package dev.moravec.testing.plugins.factors;
