/**
 * Queue-driven autoscaling as data and decisions, shared by everything that runs or plans it: the
 * rule a process type declares ({@link dev.formation.autoscale.QueueRule}), where its backlog is
 * read from ({@link dev.formation.autoscale.QueueSource}), and the pure decision that turns backlog
 * samples into a count. The config reads rules into these records; the Heroku controller ({@code
 * formation autoscale}) and the local daemon run the same decision; the Kubernetes provider maps
 * the rule onto KEDA objects.
 *
 * <p>Dependency rule: {@code autoscale} depends on nothing else in formation. No library: it is
 * pure, and the clients that read a queue live with the code that runs the controller.
 */
package dev.formation.autoscale;
