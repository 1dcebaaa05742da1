/**
 * The one exception type for problems a user can fix, below every other package. It cannot live
 * beside the facade in {@code app.essayqa}: the stages (config, ingest, index) throw it and the
 * facade imports the stages, so keeping it there made the root package and each stage depend on
 * each other. Here every package may depend on it and it depends on none.
 */
package app.essayqa.error;
