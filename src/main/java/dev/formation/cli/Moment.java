package dev.formation.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an RFC 3339 time ({@code 2026-12-07T09:00:00+01:00}, {@code 2026-12-07T08:00:00Z}). */
final class Moment implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    String text = value.trim().toUpperCase(Locale.ROOT);
    if (text.length() > 10 && text.charAt(10) == ' ') {
      text = text.substring(0, 10) + "T" + text.substring(11);
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "`"
              + value
              + "` is not an RFC 3339 time with an offset, such as 2026-12-07T09:00:00+01:00 or"
              + " 2026-12-07T08:00:00Z");
    }
  }
}
