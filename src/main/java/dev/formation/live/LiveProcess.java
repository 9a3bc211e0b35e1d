package dev.formation.live;

import java.time.Instant;

/**
 * One process type as the platform reports it.
 *
 * @param size the size name exactly as the platform returned it ({@code Standard-2X})
 * @param updatedAt when the platform last changed it, or {@code null} if unknown
 */
public record LiveProcess(
    String type, String size, int quantity, String command, Instant updatedAt) {}
