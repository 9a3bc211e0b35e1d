/**
 * Editing formation.yaml as text: {@code formation scale} and {@code import --merge} (and any other
 * front end, such as a UI) hand it a file's text and the changes wanted, and get back the new text,
 * in which only the changed values differ, or located refusals (docs/editing.md). Pure: no files,
 * no platform; validation of the result and writing it are the operations' part. {@link
 * dev.formation.config.edit.Formatter} lays a whole file out in the canonical layout of {@code
 * formation fmt} (docs/fmt.md), keeping what it says.
 *
 * <p>Dependency rule: {@code config.edit} depends on {@code config.yaml} (for its source tree),
 * {@code diag} and {@code catalog} only. No library. Entry point: {@link
 * dev.formation.config.edit.FormationEditor}.
 */
package dev.formation.config.edit;
