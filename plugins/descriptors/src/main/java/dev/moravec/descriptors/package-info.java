/**
 * The descriptor scorer bundle: rates a task from what O*NET records about it and its occupation.
 */
package dev.moravec.descriptors;
