/**
 * The runtime's API: what an application calls to classify images with a model that fashionmnist-maven-plugin
 * trained. {@link dev.fashionmnist.runtime.Classifier} loads a model (from the class path, a directory or a model zip)
 * and returns {@link dev.fashionmnist.runtime.Prediction}s; every problem is a
 * {@link dev.fashionmnist.runtime.ClassifierException} whose {@link dev.fashionmnist.runtime.Message} can be worded in
 * any {@link dev.fashionmnist.runtime.Language}. Only this package is meant for applications, and its public
 * signatures name no type of the internal packages.
 */
package dev.fashionmnist.runtime;
