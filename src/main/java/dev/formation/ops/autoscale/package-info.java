/**
 * {@code formation autoscale}: the queue autoscaler for apps whose platform has none of its own
 * (Heroku), as an operation. Every rule's {@code interval} it reads each queue-autoscaled type's
 * backlog ({@code autoscale.read}), decides its count ({@code autoscale}'s pure decision) and
 * writes the counts that change, one batch formation update per app, through the platform's adapter
 * (which keeps to the API's rate limit). Each decision is handed back as a {@link
 * dev.formation.ops.autoscale.QueueEvent}; nothing here prints.
 *
 * <p>Dependency rule: {@code ops.autoscale} depends on {@code ops}, {@code apply}, {@code
 * plan.schedule}, {@code platform}, {@code live}, {@code config}, {@code autoscale}, {@code
 * autoscale.read} and {@code diag} only. Never a platform's own package.
 */
package dev.formation.ops.autoscale;
