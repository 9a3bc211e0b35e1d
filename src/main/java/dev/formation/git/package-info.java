/**
 * Git: formation files as they are at a commit, branch or tag, the history of those files, the
 * merge base of a branch with its upstream, dirty checks and the apply notes under {@code
 * refs/notes/formation}. The only package that imports JGit, so commands that never touch git never
 * load it.
 *
 * <p>Dependency rule: {@code git} depends on {@code config} only. Libraries: JGit (only here) and
 * commons-collections4 for text diffs.
 */
package dev.formation.git;
