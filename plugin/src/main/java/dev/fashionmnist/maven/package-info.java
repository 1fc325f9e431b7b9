/**
 * The goals: thin Mojos that read parameters, build one settings object, call the core and map its outcome to
 * Maven (log lines, MojoFailureException for a failed gate, MojoExecutionException for broken input). The only
 * package that uses org.apache.maven.
 */
package dev.fashionmnist.maven;
