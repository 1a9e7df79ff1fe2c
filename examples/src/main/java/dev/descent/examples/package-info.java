/** Small readable programs, one idea each: start with {@link dev.descent.examples.TrainCircles}. */
package dev.descent.examples;
