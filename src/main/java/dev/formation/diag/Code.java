package dev.formation.diag;

/**
 * Every stable diagnostic code. A code never changes meaning; each has a page in {@code
 * docs/diagnostics/FMnnn.md}.
 */
public enum Code {
  FM001("unreadable-file", "The file cannot be read, is too large, or is not text"),
  FM002("yaml-syntax", "The file is not valid YAML"),
  FM003("duplicate-key", "A key appears twice in one mapping"),
  FM004("yaml-too-complex", "Alias expansion or nesting goes past formation's bounds"),
  FM005("not-a-formation", "The document is empty or its top level is not a mapping"),
  FM006("yaml-tag", "A YAML tag that changes a value's type, or one formation does not read"),
  FM007("control-character", "A string holding NUL, an escape or another control character"),
  FM010("unknown-key", "A key that the format does not define"),
  FM011("wrong-type", "A value of the wrong type"),
  FM012("missing-key", "A required key is missing"),
  FM013("unsupported-version", "The file's version is not 1"),
  FM014("duplicate-app", "The same app is defined in two files"),
  FM015("number-out-of-range", "A number too large, too small or too precise for any field"),
  FM020("invalid-app-name", "An app name that the platform would refuse"),
  FM021("invalid-process-type", "A process type name that the platform would refuse"),
  FM030("unknown-size", "A dyno size that is not in the catalogue"),
  FM031("legacy-size", "A retired dyno size name"),
  FM032("mixed-tiers", "Sizes from tiers that cannot share one app"),
  FM040(
      "invalid-quantity", "A quantity that is negative, fractional, or outside the autoscale band"),
  FM041("over-type-limit", "More dynos of one process type than its size allows"),
  FM042("over-app-limit", "More dynos in one app than the platform allows"),
  FM043(
      "credentials-in-file",
      "A URL with a password written in the file, where only its environment variable belongs"),
  FM044(
      "queue-source",
      "A queue rule's source: not exactly one of redis and postgres, a bad list, Secret or query"),
  FM045(
      "queue-rule",
      "A queue rule beside p95_ms or notify, a per_dyno or duration that cannot be read"),
  FM046(
      "queue-secret",
      "A queue source without the Secret a Kubernetes app needs, or with one that means nothing"),
  FM047(
      "queue-on-kubernetes",
      "A queue rule KEDA cannot carry on Kubernetes: a scale_down_after over one hour"),
  FM050("autoscale-not-web", "Autoscaling on a process type other than web"),
  FM051("autoscale-size", "Autoscaling on a size that does not support it"),
  FM052("autoscale-bounds", "Autoscale min, max or p95_ms out of range"),
  FM053("quantity-with-autoscale", "A quantity beside autoscale is only the starting count"),
  FM060("local-block", "The local block is missing for a local app or given for another platform"),
  FM061("local-dir", "The local app folder is missing or has no Procfile"),
  FM062("not-in-procfile", "A process type that the app's Procfile does not define"),
  FM063("local-port", "The local router port is out of range or used twice"),
  FM064(
      "kubernetes-block",
      "The kubernetes block is given for another platform, or holds a bad name"),
  FM065(
      "deployment-template", "A Deployment name template without {type}, or names it cannot make"),
  FM066("kubernetes-sizes", "A size map or price entry that is not a size, a quantity or a price"),
  FM067("kubernetes-autoscale", "An autoscale setting a HorizontalPodAutoscaler cannot carry"),
  FM070("unknown-timezone", "A time zone name that the tz database does not know"),
  FM071("window-days", "A window's days cannot be read"),
  FM072("window-time", "A window's from or to is not a time of day, or the window is empty"),
  FM073(
      "window-setting",
      "A window sets neither or both of quantity and autoscale, or the wrong one"),
  FM074("duplicate-window", "Two windows of one process type have the same name"),
  FM075("overlapping-windows", "Two windows of one process type can be in force at once"),
  FM080("guardrail-setting", "A guardrail value that cannot be used"),

  // Findings of planning: schedules, guardrails, and what the platform holds.
  FM090("guardrail-breach", "The plan breaks a guardrail; nothing is applied"),
  FM091("unknown-guardrail", "--allow names a rule that is not a guardrail"),
  FM092("window-ended", "A saved plan was made for a window that is no longer in force"),
  FM093("type-not-released", "A listed process type that the app's release does not define"),
  FM094("unmanaged-tier", "An unmanaged process type on a size that cannot share the app's tier"),

  // Findings of the operations: git, platforms, saved plans and the apply's own refusals.
  FM100("git", "A git operation failed: not a repository, an unknown ref, a history not read"),
  FM101("uncommitted-config", "apply refused: the config files have uncommitted changes"),
  FM102("missing-input", "A -f path that neither version of a diff holds"),
  FM103("untracked-config", "The config files are not tracked by git; the apply is not recorded"),
  FM104("apply-not-recorded", "An apply was carried out but its git note could not be written"),
  FM105("no-apply-records", "This clone has no apply records: the git notes were not fetched"),
  FM110("unknown-app", "--app names an app that the config does not define"),
  FM120("platform-read", "An app's live state could not be read"),
  FM121("platform-write", "A write to the platform failed; the app is partly applied"),
  FM122("not-converged", "After apply, the platform does not show the planned formation"),
  FM123("write-unknown", "A write's answer was lost and the app could not be read again"),
  FM130("stale-plan", "A saved plan's apps changed on the platform since it was made"),
  FM131("plan-file", "A saved plan cannot be read or written"),
  FM132("saved-plan-options", "An option that does not go with a saved plan"),
  FM140("no-approval", "A command that asks for a `yes` has no terminal to ask on"),
  FM145("output-not-written", "A command's output could not be written to standard output"),
  FM150("local-platform", "The local platform could not be started, reached or changed"),
  FM151("no-local-app", "The local platform has no app of that name"),
  FM152("weak-local-token", "The local platform's API token is too short or too easy to guess"),
  FM153(
      "local-platform-stopped",
      "The local platform is not running: apps are read as it recorded them"),
  FM154("router-port-taken", "A local app's router port is in use by another program"),
  FM155("orphaned-dynos", "Dynos of a local platform daemon that died are still running"),

  // Editing formation.yaml: `formation scale`, `formation import --merge`, `formation fmt`.
  FM170("shared-value", "A value to edit comes from an anchor other processes or apps use too"),
  FM171("autoscaled-count", "A count to edit is owned by the process type's autoscale rule"),
  FM172(
      "unknown-process-type",
      "A process type to scale is not in the file, or a new one lacks a size"),
  FM173(
      "scale-argument", "A scale argument is not TYPE=N, TYPE+N, TYPE-N, TYPE=SIZE or TYPE=N:SIZE"),
  FM174(
      "cannot-edit",
      "A part of the file formation cannot edit without rewriting more than the value"),
  FM175("edit-invalid", "The edited file would not be valid; nothing was written"),
  FM176("file-not-written", "The edited file could not be written; the file on disk is unchanged"),
  FM177("which-app", "The file defines several apps and the command names none"),
  FM178("not-formatted", "A file is not in the canonical layout `formation fmt` writes"),
  FM179(
      "cannot-format",
      "formation fmt cannot lay out a file and keep what it says; the file is unchanged"),

  // The command line and the process itself.
  FM160("usage", "The command line cannot be read: an unknown option, a missing argument"),
  FM161("interrupted", "Ctrl-C stopped the command before it finished"),
  FM162(
      "kubernetes-insecure-tls",
      "A kubeconfig cluster sets insecure-skip-tls-verify: its certificate is not checked"),
  FM163(
      "kubernetes-changed-since-plan",
      "A Deployment changed between the plan's read and the scale; nothing was scaled"),
  FM164(
      "keda-not-installed",
      "A queue rule on a cluster without KEDA: no ScaledObject can be written"),
  FM165(
      "keda-owned-replicas",
      "The replicas of a Deployment a KEDA ScaledObject scales, which formation never writes"),

  // Terraform habits: machine-readable apply, targeted plans.
  FM180("json-needs-approval", "apply --format json without --auto-approve or a saved plan"),
  FM181(
      "unknown-target", "--target names an app or a process type that the config does not define"),
  FM182("target-tier-move", "A targeted size change would leave untargeted types in another tier"),
  FM183("targeted-plan", "A plan narrowed with --target may leave the rest out of step"),
  FM184("offline-not-saved", "An offline plan cannot be saved for apply"),
  FM185("offline-no-repository", "An offline plan of a config outside git plans every app as new"),
  FM186(
      "offline-no-records",
      "An offline plan found no apply records in git and plans every app as new"),
  FM190("undo-stale", "The file has changed since the edit that Undo would take back"),
  FM191("ui-port", "formation ui cannot listen on the port it was given"),

  // Queue autoscaling: formation's own controller and the local daemon's.
  FM200(
      "nothing-to-autoscale",
      "formation autoscale found no queue-autoscaled process type it should control"),
  FM201(
      "autoscale-failed",
      "A backlog or a formation could not be read, or a new count not written: the count stayed"),
  FM202("autoscale-state", "formation autoscale cannot read or write its samples file (--state)");

  private final String slug;
  private final String title;

  Code(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  /**
   * Whether the code is about a config file (a finding of {@code validate}), not an operation
   * (FM09x and FM1xx).
   */
  public boolean aboutConfig() {
    return compareTo(FM090) < 0;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
