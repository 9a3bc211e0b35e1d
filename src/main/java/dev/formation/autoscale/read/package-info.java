/**
 * Reading a queue's backlog: the length of Redis lists (Jedis) and the number a PostgreSQL query
 * returns (the PostgreSQL JDBC driver), from the URL in the environment variable a rule names. Used
 * by the Heroku controller ({@code formation autoscale}) and by the local daemon, which may use
 * nothing of the core: so it lives here, beside the decision. Each client class is loaded only when
 * a rule of its kind is read ({@code LazyQueueClientsIT}); every read has short timeouts, so a
 * queue that does not answer never stalls a round; no message carries the URL's password.
 *
 * <p>Dependency rule: {@code autoscale.read} depends on {@code autoscale} and {@code diag} (its
 * password masking) only. Libraries: Jedis and the PostgreSQL JDBC driver (through {@code
 * java.sql}).
 */
package dev.formation.autoscale.read;
