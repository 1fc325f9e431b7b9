/**
 * The training loop and what hangs on it: Training, the optimizer with exact resume, checkpoints, early stopping,
 * target accuracy, augmentation, subset selection, the fingerprint and the model cache across clean builds. Uses
 * the layers below it.
 */
package dev.fashionmnist.train;
