/**
 * The bottom layer: the plugin's words. The message bundle and Messages, the build log (BuildLog), how numbers
 * are written (Numbers), the nearest known name for a typo (NearestName), and Problem, the base of every worded
 * exception. No I/O, no other package of the plugin; only the runtime's Language and Message.
 */
package dev.fashionmnist.text;
