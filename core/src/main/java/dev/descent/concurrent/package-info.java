/**
 * Running one piece of work over disjoint ranges on a fixed pool of daemon threads without
 * allocating per call: {@link dev.descent.concurrent.WorkerPool} and the {@link
 * dev.descent.concurrent.RangeBody} it runs.
 */
package dev.descent.concurrent;
