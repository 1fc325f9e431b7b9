/**
 * The PNG plots (headless XChart): learning curves, confusion matrix, misclassified and sample grids, sweep heat
 * maps and trial curves, titled in the reader's language. Uses report.csv and the layers below report.
 */
package dev.fashionmnist.report.plot;
