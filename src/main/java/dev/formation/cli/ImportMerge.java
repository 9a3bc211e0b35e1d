package dev.formation.cli;

import dev.formation.config.edit.EditResult;
import dev.formation.ops.MergeOperation;
import dev.formation.ops.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code formation import --merge}: the live values written into the file, then a summary. */
final class ImportMerge {
  private ImportMerge() {}

  static int run(CommandSpec spec, Path file, List<String> apps, Settings settings) {
    Environment env = FormationCommand.environmentOf(spec);
    LocalDate today = LocalDate.ofInstant(Output.clock().instant(), ZoneOffset.UTC);
    MergeOperation.Result result =
        Interrupts.whileReading(
            spec,
            () ->
                new MergeOperation(Output.host(spec), VersionProvider.version())
                    .run(
                        new MergeOperation.Request(file, env.workingDir(), apps, settings, today)));
    Output.diagnostics(spec, result.diagnostics(), result.sources());
    EditResult edit = result.edit();
    if (edit == null || edit.refused()) {
      return ExitCode.ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (result.written()) {
      out.println("Adopted the live values into " + file + ":");
      edit.changes().forEach(c -> out.println("  " + c.describe()));
    } else if (!result.diagnostics().hasErrors()) {
      out.println(file + " already holds the live values; nothing to change.");
    }
    out.flush();
    return result.diagnostics().hasErrors() ? ExitCode.ERROR : ExitCode.OK;
  }
}
