/**
 * Judging results: quality gates and their thresholds (Gates, GateThreshold) and the diagnosis of a run (over- or
 * underfitting, divergence). Reads results; uses text, io, data and results.
 */
package dev.fashionmnist.quality;
