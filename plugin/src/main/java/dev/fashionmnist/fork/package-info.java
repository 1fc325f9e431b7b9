/**
 * The engine's own JVM: the launcher in the Maven JVM, ForkMain in the engine JVM, their line protocol, the watch
 * on the parent, JVM settings and the output folder lock. Uses every layer below it, never Maven.
 */
package dev.fashionmnist.fork;
