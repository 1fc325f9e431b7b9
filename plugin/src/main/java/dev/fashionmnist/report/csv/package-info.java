/**
 * The CSV files of a run: metrics.csv, the evaluation CSVs, predictions.csv and sweep.csv, written atomically
 * with numbers as Numbers writes them. Uses the layers below report.
 */
package dev.fashionmnist.report.csv;
