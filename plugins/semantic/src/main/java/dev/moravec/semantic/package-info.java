/**
 * The semantic scorer bundle: compares a task's meaning with exemplar tasks written for Moravec, with
 * a learned layer for transferability.
 */
package dev.moravec.semantic;
