package dev.formation.plan;

/**
 * A live process type the config does not list and does not prune: shown, counted in the cost
 * before and after, left alone.
 *
 * @param size the live size as the platform gave it
 * @param cost its monthly cost at its live size; zero when {@code priceKnown} is false (a size the
 *     catalogue does not know)
 */
public record UnmanagedProcess(
    String type, String size, int quantity, CostRange cost, boolean priceKnown) {}
