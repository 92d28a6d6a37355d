/**
 * A test plugin whose scorer sleeps far past any time limit on tasks that say "slow".
 */
package dev.moravec.testing.plugins.sleepy;
