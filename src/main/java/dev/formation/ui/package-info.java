/**
 * {@code formation ui}: a page on 127.0.0.1 that shows every app of the files (declared, live,
 * drift, cost), each scheduled app's week, the local platform's apps live, and shapes a formation
 * by editing the file as {@code formation scale} does, never writing to a platform (docs/ui.md).
 * {@link dev.formation.ui.UiServer} serves it on the JDK's HTTP server, behind {@link
 * dev.formation.ui.Guard} (token, loopback {@code Host}, CSRF); the page's files and uPlot come
 * from the jar.
 *
 * <p>Dependency rule: {@code ui} depends on {@code ops}, {@code apply}, {@code plan}, {@code
 * plan.schedule}, {@code live}, {@code config}, {@code config.edit}, {@code catalog}, {@code diag},
 * {@code git}, {@code platform}, {@code platform.local} and {@code platform.local.state} only. It
 * reads and plans through the operations and the planner, edits through {@code ops.ScaleOperation},
 * and reaches the local platform's daemon only over its HTTP API ({@code
 * platform.local.LocalClient}), never its code; it uses {@code git} only for its text diff, which
 * loads no JGit. Libraries: the JDK's {@code com.sun.net.httpserver} and Jackson. Only {@code cli}
 * (the {@code ui} command) depends on it.
 */
package dev.formation.ui;
