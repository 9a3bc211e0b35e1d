package dev.formation.plan;

/**
 * A live process type the config does not list and does not prune: shown, counted in the cost,
 * left alone.
 *
 * @param size the live size as the platform gave it
 * @param monthlyUsd its live cost; 0 when {@code priceKnown} is false (size not in the catalogue)
 */
public record UnmanagedProcess(
    String type, String size, int quantity, long monthlyUsd, boolean priceKnown) {}
