package dev.formation.cli;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.cli.render.SizesView;
import dev.formation.config.PlatformKind;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code formation sizes}: prints the dyno size catalogue. */
@Command(
    name = "sizes",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the dyno size catalogue: tier, memory, monthly price and limits.")
public final class SizesCommand implements Callable<Integer> {
  private static final List<String> FORMATS = List.of("text", "json");

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = Formats.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--platform",
      paramLabel = "PLATFORM",
      converter = PlatformWord.class,
      description =
          "kubernetes: the size map instead (each size's CPU request and memory request and"
              + " limit; an app overrides it under `kubernetes.sizes`).")
  PlatformKind platform;

  @Override
  public Integer call() {
    if (!FORMATS.contains(format)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--format': '"
              + format
              + "' (expected one of "
              + String.join(", ", FORMATS)
              + ")");
    }
    List<Size> sizes = Catalog.standard().all();
    String output;
    Map<String, Resources> sizeMap = platform == null ? null : platform.sizeMap();
    if (sizeMap != null) {
      output =
          format.equals("json") ? SizesView.sizeMapJson(sizeMap) : SizesView.sizeMapText(sizeMap);
    } else {
      output = format.equals("json") ? SizesView.json(sizes) : SizesView.text(sizes);
    }
    spec.commandLine().getOut().print(output);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** The accepted {@code --format} values, for help and shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FORMATS.iterator();
    }
  }
}
