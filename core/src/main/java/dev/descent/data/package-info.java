/**
 * Data: {@link dev.descent.data.Dataset}, the {@link dev.descent.data.CsvReader}, synthetic
 * generators in {@link dev.descent.data.Datasets}, shuffling, splits and standardization.
 */
package dev.descent.data;
