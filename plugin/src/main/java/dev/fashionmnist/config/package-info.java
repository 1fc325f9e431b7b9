/**
 * Training settings and their parsing: TrainSettings (validated), TrainParameters (the POM's flat values),
 * optimizers, learning-rate schedules and sweep grids. Uses the layers below it (text to quality).
 */
package dev.fashionmnist.config;
