package dev.formation.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU and memory a container requests, as a size maps to them on Kubernetes: whole millicores
 * and bytes, compared exactly. Parses and prints Kubernetes quantities ({@code 250m}, {@code 0.5},
 * {@code 512Mi}, {@code 1G}).
 */
public record Resources(long cpuMillis, long memoryBytes) {
  private static final long MIB = 1024L * 1024L;
  private static final Pattern QUANTITY =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([-+]?[0-9]+))?([a-zA-Z]*)");

  public Resources {
    if (cpuMillis < 0 || memoryBytes < 0) {
      throw new IllegalArgumentException("resources are not negative");
    }
  }

  public static Resources ofMib(long cpuMillis, long memoryMib) {
    return new Resources(cpuMillis, memoryMib * MIB);
  }

  /** {@code 1 GiB, 0.5 CPU}: the words every plan uses. */
  public String describe() {
    return memoryText(memoryBytes) + ", " + cpuText(cpuMillis);
  }

  /** {@code +1 GiB, -0.5 CPU}: the change from {@code before} to these resources. */
  public static String delta(long cpuMillis, long memoryBytes) {
    return sign(memoryBytes)
        + memoryText(Math.abs(memoryBytes))
        + ", "
        + sign(cpuMillis)
        + cpuText(Math.abs(cpuMillis));
  }

  private static String sign(long v) {
    return v < 0 ? "-" : "+";
  }

  /** The same resources {@code n} times over. */
  public Resources times(long n) {
    return new Resources(cpuMillis * n, memoryBytes * n);
  }

  public Resources plus(Resources other) {
    return new Resources(cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes);
  }

  /** {@code 0.5 CPU}, {@code 2 CPU}, {@code 0.25 CPU}. */
  public static String cpuText(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " CPU";
  }

  /** {@code 512 MiB}, {@code 1 GiB}, {@code 2.5 GiB}. */
  public static String memoryText(long bytes) {
    if (bytes % MIB != 0) {
      return bytes + " B";
    }
    long mib = bytes / MIB;
    if (mib < 1024) {
      return mib + " MiB";
    }
    BigDecimal gib =
        BigDecimal.valueOf(mib).divide(BigDecimal.valueOf(1024), 2, RoundingMode.HALF_UP);
    return gib.stripTrailingZeros().toPlainString() + " GiB";
  }

  /** A Kubernetes CPU quantity as millicores; {@code null} when it is not one. */
  public static Long parseCpu(String text) {
    BigDecimal v = quantity(text);
    if (v == null) {
      return null;
    }
    BigDecimal millis = v.multiply(BigDecimal.valueOf(1000));
    try {
      // Kubernetes rounds a CPU quantity up to whole millicores
      return millis.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A Kubernetes memory quantity as bytes; {@code null} when it is not one. */
  public static Long parseMemory(String text) {
    BigDecimal v = quantity(text);
    if (v == null) {
      return null;
    }
    try {
      return v.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A memory quantity as Kubernetes prints it back: {@code 512Mi}, {@code 1Gi}, else bytes. */
  public static String memoryQuantity(long bytes) {
    if (bytes % (1024 * MIB) == 0 && bytes > 0) {
      return bytes / (1024 * MIB) + "Gi";
    }
    if (bytes % MIB == 0 && bytes > 0) {
      return bytes / MIB + "Mi";
    }
    return String.valueOf(bytes);
  }

  /** A CPU quantity as Kubernetes prints it back: {@code 500m}, {@code 2}. */
  public static String cpuQuantity(long millis) {
    return millis % 1000 == 0 ? String.valueOf(millis / 1000) : millis + "m";
  }

  private static BigDecimal quantity(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches() || (m.group(2) != null && !m.group(3).isEmpty())) {
      return null;
    }
    BigDecimal number = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
    if (m.group(2) != null) {
      int exp = Integer.parseInt(m.group(2));
      if (Math.abs(exp) > 30) {
        return null;
      }
      return number.scaleByPowerOfTen(exp);
    }
    BigDecimal factor = suffix(m.group(3));
    return factor == null ? null : number.multiply(factor);
  }

  private static BigDecimal suffix(String s) {
    return switch (s) {
      case "" -> BigDecimal.ONE;
      case "m" -> new BigDecimal("0.001");
      case "k" -> BigDecimal.valueOf(1000L);
      case "M" -> BigDecimal.valueOf(1000L * 1000);
      case "G" -> BigDecimal.valueOf(1000L * 1000 * 1000);
      case "T" -> BigDecimal.valueOf(1000L * 1000 * 1000 * 1000);
      case "Ki" -> BigDecimal.valueOf(1024L);
      case "Mi" -> BigDecimal.valueOf(MIB);
      case "Gi" -> BigDecimal.valueOf(1024 * MIB);
      case "Ti" -> BigDecimal.valueOf(1024L * 1024 * MIB);
      default -> null;
    };
  }
}
