/**
 * Reading results and writing them for people and tools: the JUnit XML of the gates, sweep results, progress
 * text; CSV files in report.csv, PNG plots in report.plot, the HTML report in report.html. Never drives training;
 * uses the layers below it.
 */
package dev.fashionmnist.report;
