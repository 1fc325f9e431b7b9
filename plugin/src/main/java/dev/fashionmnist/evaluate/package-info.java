/**
 * Using a model: evaluation on the test set (ModelEvaluator), prediction of images (Predictor), reading model
 * cards for that, and the jobs the engine JVM runs for them. Uses the layers below it.
 */
package dev.fashionmnist.evaluate;
