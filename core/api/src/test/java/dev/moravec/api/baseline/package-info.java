/** The contract's semantic versions, checked against its last release. */
package dev.moravec.api.baseline;
