package dev.formation.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.cli.render.PlanSchema;
import dev.formation.cli.render.RichPlan;
import dev.formation.config.AppSpec;
import dev.formation.config.PlatformKind;
import dev.formation.diag.Code;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Fingerprint;
import dev.formation.plan.Fixtures;
import dev.formation.plan.Plan;
import dev.formation.plan.SetupChange;
import dev.formation.platform.local.LocalRegistration;
import dev.formation.platform.local.LocalSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PlanFileTest {
  private static final SavedPlan SAVED =
      new SavedPlan(
          RichPlan.plan(),
          "3f9a0c1d2e4b5a6978d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6",
          "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
          Instant.parse("2026-11-28T10:00:00Z"),
          "0.1.0");

  @Test
  void write_thenParse_givesBackThePlanWithoutCommands() throws Exception {
    SavedPlan back = PlanFile.parse(PlanFile.write(SAVED), "plan.json");

    assertThat(back).isEqualTo(withoutCommands(SAVED));
    assertThat(back.plan().apps().get(0).live().processes().get(0).updatedAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void write_toFile_thenRead_roundTripsWithNullGitCommit(@TempDir Path dir) throws Exception {
    SavedPlan outsideGit =
        new SavedPlan(
            SAVED.plan(), SAVED.configDigest(), null, SAVED.createdAt(), SAVED.toolVersion());
    Path file = dir.resolve("plan.json");

    PlanFile.write(file, outsideGit);

    assertThat(PlanFile.read(file)).isEqualTo(withoutCommands(outsideGit));
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void write_leavesOutCommandsAndItsPlanMatchesTheSchema() {
    String text = PlanFile.write(SAVED);
    String plan = JsonMapper.shared().readTree(text).get("plan").toString();

    assertThat(text).doesNotContain("bin/web").contains("\"git_commit\" : \"a1b2c3d4");
    assertThat(PlanSchema.errors(plan)).isEmpty();
  }

  @Test
  void localPlan_savedAndRead_keepsTheRegistration_butNoCommandText() throws Exception {
    Map<String, String> procfile = new LinkedHashMap<>();
    procfile.put("web", "ruby secret-flag=hunter2 web.rb");
    AppSpec spec =
        new AppSpec(
            "demo",
            PlatformKind.named("local"),
            false,
            new LocalSpec(Path.of("/srv/demo"), 5000, procfile),
            List.of(Fixtures.proc("web", "standard-1x", 1)),
            null);
    LiveApp live =
        new LiveApp(
            "demo",
            "id-1",
            "cedar",
            List.of(new LiveProcess("web", "Standard-1X", 1, "ruby old.rb", null)),
            null,
            new LocalRegistration(Path.of("/srv/old"), 5000, Map.of("web", "ruby old.rb")));
    Plan plan = new Plan(List.of(Fixtures.planApp(spec, live)));
    String text =
        PlanFile.write(
            new SavedPlan(
                plan, SAVED.configDigest(), null, SAVED.createdAt(), SAVED.toolVersion()));

    AppPlan back = PlanFile.parse(text, "plan.json").plan().apps().get(0);

    assertThat(text).doesNotContain("hunter2").doesNotContain("old.rb");
    LocalRegistration placed = (LocalRegistration) back.placement();
    assertThat(placed.dir()).isEqualTo(Path.of("/srv/demo"));
    assertThat(placed.sameCommands(procfile)).isTrue();
    assertThat(back.setupChanges())
        .extracting(SetupChange::operation)
        .containsExactly("dir", "command");
    assertThat(back.fingerprint()).isEqualTo(Fingerprint.of(live));
    assertThat(Fingerprint.of(back.live())).isEqualTo(Fingerprint.of(live));
    assertThat(PlanSchema.errors(JsonMapper.shared().readTree(text).get("plan").toString()))
        .isEmpty();
  }

  @Test
  void parse_notJson_isAClearError() {
    assertThatThrownBy(() -> PlanFile.parse("{nope", "plan.json"))
        .isInstanceOf(PlanFileException.class)
        .hasMessageStartingWith("plan.json is not JSON: ");
  }

  @Test
  void parse_otherJson_isNotAPlanFile() {
    assertThatThrownBy(() -> PlanFile.parse("{\"format_version\": 1}", "x.json"))
        .hasMessage("x.json: not a plan file written by `formation plan --out`");
  }

  @Test
  void parse_newerFormatVersion_isRefused() {
    String text =
        PlanFile.write(SAVED).replace("\"format_version\" : 1,", "\"format_version\" : 2,");

    assertThatThrownBy(() -> PlanFile.parse(text, "p.json"))
        .hasMessage("p.json: format_version 2 is not supported; this formation reads version 1");
  }

  @Test
  void parse_handEditedQuantity_isRefusedByItsDigest() {
    String text = PlanFile.write(SAVED).replaceFirst("\"quantity\" : 2", "\"quantity\" : 50");
    assertThat(text).isNotEqualTo(PlanFile.write(SAVED));

    assertThatThrownBy(() -> PlanFile.parse(text, "p.json"))
        .hasMessage(
            "p.json: the file was changed after `formation plan --out` wrote it (its digest does"
                + " not match); nothing of it is applied");
  }

  @Test
  void parse_truncatedOrUnsealed_isRefused() {
    String text = PlanFile.write(SAVED);

    assertThatThrownBy(() -> PlanFile.parse(text.substring(0, text.length() / 2), "p.json"))
        .hasMessageStartingWith("p.json is not JSON");
    assertThatThrownBy(
            () -> PlanFile.parse(text.replaceFirst(",\\s*\"digest\" : \"[^\"]*\"", ""), "p.json"))
        .hasMessageContaining("digest: missing");
  }

  @Test
  void parse_resealedWithABadValueOrAnUnknownField_isRefusedByTheSchema() {
    String badAction =
        reseal(
            PlanFile.write(SAVED)
                .replaceFirst("\"action\" : \"remove\"", "\"action\" : \"destroy\""));
    String unknownField =
        reseal(
            PlanFile.write(SAVED).replaceFirst("\"kind\" : \"formation-plan\",", "$0 \"x\": 1,"));

    assertThatThrownBy(() -> PlanFile.parse(badAction, "p.json"))
        .hasMessageContaining("does not match schemas/plan.schema.json")
        .hasMessageContaining("/plan/apps/0/changes/0/action");
    assertThatThrownBy(() -> PlanFile.parse(unknownField, "p.json"))
        .hasMessageContaining("does not match schemas/plan.schema.json")
        .hasMessageContaining("x");
  }

  @Test
  void parse_aPlanSavedBeforeErrorsHadCodes_givesEachErrorTheCodeOfItsWording() throws Exception {
    ObjectNode tree = (ObjectNode) JsonMapper.shared().readTree(PlanFile.write(SAVED));
    ObjectNode plan = (ObjectNode) tree.get("plan");
    ((ObjectNode) plan.get("summary")).remove(List.of("incomplete", "unread_apps"));
    plan.get("apps").forEach(a -> ((ObjectNode) a).remove("diagnostics"));
    String before = reseal(tree.toString());
    assertThat(before).doesNotContain("\"diagnostics\"").doesNotContain("unread_apps");

    Plan back = PlanFile.parse(before, "p.json").plan();

    assertThat(back.app("gone").orElseThrow().errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo(Code.FM120))
        .satisfies(e -> assertThat(e.message()).startsWith("cannot read app gone: "));
    assertThat(back.app("broken").orElseThrow().errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo(Code.FM093));
    assertThat(back.unreadApps()).isEqualTo(1);
  }

  @Test
  void parse_anAppsDiagnosticWithAnUnknownCode_isRefused() {
    String unknown = reseal(PlanFile.write(SAVED).replace("\"FM120\"", "\"FM999\""));

    assertThatThrownBy(() -> PlanFile.parse(unknown, "p.json"))
        .hasMessageContaining("unknown code or severity");
  }

  /** The file with its digest made again, as someone who edits it on purpose would. */
  private static String reseal(String text) {
    ObjectNode tree = (ObjectNode) JsonMapper.shared().readTree(text);
    tree.remove("digest");
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  JsonMapper.shared()
                      .writeValueAsString(tree)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      tree.put("digest", "sha256:" + java.util.HexFormat.of().formatHex(hash));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return tree.toString();
  }

  private static SavedPlan withoutCommands(SavedPlan saved) {
    Plan plan =
        new Plan(
            saved.plan().apps().stream()
                .map(
                    a ->
                        new AppPlan(
                            a.app(),
                            a.platform(),
                            a.live() == null ? null : withoutCommands(a.live()),
                            a.changes(),
                            a.unmanaged(),
                            a.errors(),
                            a.notes(),
                            a.fingerprint(),
                            a.before(),
                            a.after(),
                            a.placement()))
                .toList());
    return new SavedPlan(
        plan, saved.configDigest(), saved.gitCommit(), saved.createdAt(), saved.toolVersion());
  }

  private static LiveApp withoutCommands(LiveApp live) {
    return new LiveApp(
        live.name(),
        live.id(),
        live.generation(),
        live.processes().stream()
            .map(p -> new LiveProcess(p.type(), p.size(), p.quantity(), null, p.updatedAt()))
            .toList(),
        live.monitor());
  }
}
