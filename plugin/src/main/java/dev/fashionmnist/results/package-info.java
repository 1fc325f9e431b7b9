/**
 * What a run produces, as plain values: epoch metrics, progress, run status, the confusion matrix, the evaluation
 * result and predictions. Uses text, io and data; nothing here judges or draws.
 */
package dev.fashionmnist.results;
