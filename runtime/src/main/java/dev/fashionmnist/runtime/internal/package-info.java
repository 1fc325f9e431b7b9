/**
 * The runtime's workings that the plugin shares but applications do not call: reading and checking a model
 * directory or zip, loading the parameters, the PyTorch natives and this machine's platform, normalisation and image
 * preparation. Its types may change in any release; applications use {@link dev.fashionmnist.runtime} only.
 */
package dev.fashionmnist.runtime.internal;
