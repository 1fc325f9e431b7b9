/**
 * The HTML report: report.html, the live page during training and the site page's content (ReportContent), built
 * from the CSVs, plots and JUnit XML. Uses report, report.csv, report.plot and the layers below.
 */
package dev.fashionmnist.report.html;
