package dev.formation.cli;

import dev.formation.apply.AppResult;
import dev.formation.apply.Applier;
import dev.formation.apply.ApplyReport;
import dev.formation.apply.LiveReader;
import dev.formation.apply.StalePlan;
import dev.formation.cli.render.ApplyReportText;
import dev.formation.cli.render.Colors;
import dev.formation.cli.render.TextPlanRenderer;
import dev.formation.config.PlatformKind;
import dev.formation.git.GitException;
import dev.formation.git.GitRepo;
import dev.formation.plan.AppPlan;
import dev.formation.plan.ConfigDigest;
import dev.formation.plan.Plan;
import dev.formation.planfile.ApplyNoteJson;
import dev.formation.planfile.PlanFile;
import dev.formation.planfile.PlanFileException;
import dev.formation.planfile.SavedPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation apply}: plans, asks, and makes the platform match; or applies a saved plan. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the live platform match formation.yaml.",
      "Without PLANFILE it plans first and applies after a `yes` at the prompt (or with"
          + " --auto-approve). With PLANFILE it applies exactly that saved plan, and refuses if"
          + " any planned app changed since."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:applied, or nothing to change", "1:error, refusal, or a partial apply"})
public final class ApplyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PLANFILE",
      description = "A plan saved by `formation plan --out`.")
  private Path planFile;

  @Mixin private ConfigOptions config;

  @Mixin private AppSelection apps;

  @Mixin private PlatformOptions platform;

  @Option(names = "--auto-approve", description = "Apply without asking.")
  private boolean autoApprove;

  @Option(
      names = "--allow-dirty",
      description =
          "In a git work tree, apply even though the -f files have uncommitted changes (the"
              + " apply is then recorded on no commit).")
  private boolean allowDirty;

  /** The config digest and git commit of what is applied, for the apply record. */
  private String digest;

  private String commit;

  @Override
  public Integer call() {
    Environment env = FormationCommand.environmentOf(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (planFile == null && !allowDirty && refuseDirty(err)) {
      return ExitCode.ERROR;
    }
    try (CliPlatforms platforms = new CliPlatforms(env, platform, err)) {
      Plan plan =
          planFile == null
              ? planNow(platforms, env, out, err)
              : savedPlan(platforms, env, out, err);
      if (plan == null) {
        return ExitCode.ERROR;
      }
      ApplyReport report =
          new Applier(platforms, platform.parallelism(), line -> Planning.progress(err, line))
              .apply(plan);
      out.println();
      out.print(new ApplyReportText(Colors.when(env.colour())).render(report));
      out.flush();
      record(plan, report, err);
      return report.failed() ? ExitCode.ERROR : ExitCode.OK;
    }
  }

  /** Plans, shows the plan, and asks; {@code null} when there is nothing to apply or no yes. */
  private Plan planNow(CliPlatforms platforms, Environment env, PrintWriter out, PrintWriter err) {
    Planning.Outcome outcome = Planning.make(config, apps, platforms, platform, env, err);
    if (outcome.failed()) {
      return null;
    }
    Plan plan = outcome.plan();
    digest = ConfigDigest.of(outcome.formation());
    commit = ApplyRecords.commitOf(config, null, err);
    out.print(new TextPlanRenderer(env.colour()).render(plan));
    out.flush();
    if (!plan.hasChanges()) {
      return plan.hasErrors() ? null : plan;
    }
    if (autoApprove) {
      return plan;
    }
    if (!env.terminal().interactive()) {
      err.println(
          "error: apply asks for a `yes` on a terminal, and there is none; nothing was"
              + " changed. Pass --auto-approve to apply without asking, or apply a saved plan.");
      err.flush();
      return null;
    }
    String answer =
        env.terminal()
            .readLine(
                "\n"
                    + "Do you want to apply these changes?\n"
                    + "  Only 'yes' will be accepted to approve.\n\n"
                    + "  Enter a value: ");
    if (answer == null || !answer.trim().equals("yes")) {
      err.println("Apply cancelled; nothing was changed.");
      err.flush();
      return null;
    }
    return plan;
  }

  /** Reads a saved plan and checks it still holds; {@code null} after telling why not. */
  private Plan savedPlan(
      CliPlatforms platforms, Environment env, PrintWriter out, PrintWriter err) {
    if (!apps.isEmpty()) {
      err.println("error: --app cannot narrow a saved plan; make a new plan with --app instead");
      return null;
    }
    SavedPlan saved;
    try {
      saved = PlanFile.read(env.workingDir().resolve(planFile));
    } catch (PlanFileException e) {
      err.println("error: " + e.getMessage());
      return null;
    }
    Map<String, PlatformKind> targets = new LinkedHashMap<>();
    saved.plan().apps().stream()
        .filter(AppPlan::hasChanges)
        .forEach(a -> targets.put(a.app(), a.platform()));
    LiveReader.Result now =
        new LiveReader(platforms, platform.parallelism(), line -> Planning.progress(err, line))
            .read(targets);
    Map<String, List<String>> moved = StalePlan.moves(saved.plan(), now);
    if (!moved.isEmpty()) {
      err.println("error: the saved plan is stale; nothing was changed. Since it was made:");
      moved.forEach((app, what) -> what.forEach(w -> err.println("  " + app + ": " + w)));
      err.println("Make a new plan with `formation plan`.");
      err.flush();
      return null;
    }
    Plan plan = StalePlan.rebased(saved.plan(), now);
    digest = saved.configDigest();
    commit = saved.gitCommit();
    out.println(
        "Applying the saved plan "
            + planFile
            + " ("
            + plan.toAdd()
            + " to add, "
            + plan.toChange()
            + " to change, "
            + plan.toRemove()
            + " to remove).");
    return plan;
  }

  /**
   * True after telling the user which config files have uncommitted changes. Files git does not
   * track are not refused: there is no commit to record the apply on, and the user hears so.
   */
  private boolean refuseDirty(PrintWriter err) {
    GitRepo.FileStatus status;
    try {
      status = ApplyRecords.status(config);
    } catch (GitException e) {
      err.println("warning: cannot read the git status of the config: " + e.getMessage());
      err.flush();
      return false;
    }
    if (status == null) {
      return false;
    }
    if (!status.changed().isEmpty()) {
      err.println("error: the config files have uncommitted changes; nothing was read or changed:");
      status.changed().forEach(f -> err.println("  " + f));
      err.println(
          "Commit them first, so the apply is recorded on the commit it applied, or pass"
              + " --allow-dirty.");
      err.flush();
      return true;
    }
    if (!status.untracked().isEmpty()) {
      err.println(
          "note: not tracked by git, so this apply is not recorded in "
              + "refs/notes/formation: "
              + String.join(", ", status.untracked()));
      err.flush();
    }
    return false;
  }

  /** Notes the apply on its commit when at least one app was applied. */
  private void record(Plan plan, ApplyReport report, PrintWriter err) {
    if (commit == null
        || report.count(AppResult.Outcome.APPLIED) == 0
        || !ApplyRecords.inGit(config)) {
      return;
    }
    String line =
        ApplyNoteJson.line(plan, report, Instant.now(), VersionProvider.version(), digest, commit);
    ApplyRecords.note(config, commit, line, err);
  }
}
