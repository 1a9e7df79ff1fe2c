/** Statistics over repeated runs: means and spreads, averaged curves, downsampling of long series. */
package dev.descent.lab.stats;
