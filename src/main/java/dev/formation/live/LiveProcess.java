package dev.formation.live;

import dev.formation.catalog.Resources;
import java.time.Instant;

/**
 * One process type as the platform reports it.
 *
 * @param size the size name exactly as the platform returned it ({@code Standard-2X}); on
 *     Kubernetes, the size whose resources the container requests, or {@code custom}
 * @param updatedAt when the platform last changed it, or {@code null} if unknown
 * @param resources what one replica requests, on platforms that size by resources (Kubernetes);
 *     {@code null} elsewhere
 */
public record LiveProcess(
    String type,
    String size,
    int quantity,
    String command,
    Instant updatedAt,
    Resources resources) {
  /** The size a Kubernetes container has when its resources match no size of the map. */
  public static final String CUSTOM = "custom";

  /** A process type of a platform that sizes by name (Heroku, local). */
  public LiveProcess(String type, String size, int quantity, String command, Instant updatedAt) {
    this(type, size, quantity, command, updatedAt, null);
  }
}
