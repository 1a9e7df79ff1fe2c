/**
 * The laboratory: experiments on initialization and gradient descent, each repeated over seeds and
 * written as figures, tables and one self-contained HTML report.
 */
package dev.descent.lab;
