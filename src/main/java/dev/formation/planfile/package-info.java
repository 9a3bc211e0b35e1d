/**
 * Saved files: the plan of {@code plan --out} (sealed, read back for {@code apply FILE}) and the
 * apply records kept in git notes. They hold data only, no display wording.
 *
 * <p>Dependency rule: {@code planfile} depends on {@code apply}, {@code plan}, {@code live}, {@code
 * config}, {@code catalog} and {@code diag} only. Libraries: Jackson. Never {@code ops}, {@code
 * cli} or a platform.
 */
package dev.formation.planfile;
