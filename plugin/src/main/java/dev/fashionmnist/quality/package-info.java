/**
 * Judging results: quality gates and their thresholds (Gates, GateThreshold) and the diagnosis of a run (over- or
 * underfitting, divergence, not learning, too early to tell) with what it knows of the run's configuration
 * (RunSetup, built by the callers from the settings or the model card). Reads results; uses text, io, data and results.
 */
package dev.fashionmnist.quality;
