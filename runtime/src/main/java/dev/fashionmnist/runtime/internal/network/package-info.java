/**
 * The notebook's four networks (mlp, net, amelie-cnn, resnet) as DJL blocks, built from a validated
 * {@link dev.fashionmnist.runtime.internal.network.ModelSpec}; the plugin trains them and the runtime loads them. Not
 * for applications: a trained model is used through {@link dev.fashionmnist.runtime.Classifier}.
 */
package dev.fashionmnist.runtime.internal.network;
