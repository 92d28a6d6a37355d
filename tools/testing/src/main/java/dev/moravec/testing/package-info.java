/**
 * Test support shared by the modules' tests and never shipped: where the real data is, a small O*NET-
 * format release written for the tests, simple scorers, and real plugin bundles built with bnd.
 */
package dev.moravec.testing;
