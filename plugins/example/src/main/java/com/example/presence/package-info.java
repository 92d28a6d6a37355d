/**
 * An example scorer plugin: the template for a user's own.
 */
package com.example.presence;
