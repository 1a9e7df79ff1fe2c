/**
 * Live feedback for long runs: a progress bar on a terminal, periodic log lines otherwise, and a
 * training callback that feeds either.
 */
package dev.descent.lab.progress;
