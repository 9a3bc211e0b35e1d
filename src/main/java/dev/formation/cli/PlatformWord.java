package dev.formation.cli;

import dev.formation.config.PlatformKind;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --platform} word as an installed platform, in any case, and refuses another word
 * listing the installed ones as picocli lists an option's choices.
 */
final class PlatformWord implements ITypeConverter<PlatformKind> {
  @Override
  public PlatformKind convert(String value) {
    return PlatformKind.find(value.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "expected one of "
                        + PlatformKind.all().stream()
                            .map(k -> k.word().toUpperCase(Locale.ROOT))
                            .toList()
                        + " (case-insensitive) but was '"
                        + value
                        + "'"));
  }
}
