/** A test plugin that uses only version 1.2 of the contract. */
package dev.moravec.testing.plugins.older;
