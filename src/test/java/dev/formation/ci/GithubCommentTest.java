package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeGitHub;
import dev.formation.testing.FakeGitHub.Comment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/ci/github/comment.sh}, the pull request's one formation comment, against a fake GitHub
 * REST API on 127.0.0.1 that pages comments and checks the token as GitHub does.
 */
class GithubCommentTest {
  private static final String MARKER = "<!-- formation:plan -->";
  private static final String TOKEN = "ghs_test-token-0123456789";

  @TempDir Path dir;
  private FakeGitHub github;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub("acme/shop", TOKEN);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private Script.Result comment(String body, String token, Map<String, String> more)
      throws Exception {
    Path file = dir.resolve("comment.md");
    Files.writeString(file, body);
    Map<String, String> env = new HashMap<>(more);
    env.put("GITHUB_API_URL", github.url());
    env.put("GITHUB_REPOSITORY", "acme/shop");
    env.put("FORMATION_GITHUB_TOKEN", token);
    return Script.run(dir, List.of(), env, "github/comment.sh", file.toString(), "7");
  }

  @Test
  void firstRun_posts_secondRun_updatesTheSameComment() throws Exception {
    github.add(7, "LGTM");
    github.add(8, MARKER + "\nthe comment of another pull request");

    Script.Result first = comment("plan: web 2 → 3\n", TOKEN, Map.of());
    Script.Result second = comment("plan: web 2 → 4\n", TOKEN, Map.of());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    List<Comment> comments = github.comments(7);
    assertThat(comments).hasSize(2);
    Comment ours = comments.get(1);
    assertThat(ours.body()).isEqualTo(MARKER + "\nplan: web 2 → 4\n");
    assertThat(first.out())
        .isEqualTo("formation: posted comment " + ours.id() + " on pull request #7\n");
    assertThat(second.out())
        .isEqualTo("formation: updated comment " + ours.id() + " on pull request #7\n");
    assertThat(github.comments(8).get(0).body()).endsWith("another pull request");
    assertThat(github.requests())
        .containsExactly(
            "GET /repos/acme/shop/issues/7/comments?per_page=100",
            "POST /repos/acme/shop/issues/7/comments",
            "GET /repos/acme/shop/issues/7/comments?per_page=100",
            "PATCH /repos/acme/shop/issues/comments/" + ours.id());
  }

  @Test
  void aMarkedCommentOnPage2_isFoundByFollowingTheLinkHeader() throws Exception {
    long ours = 0;
    for (int i = 0; i < 130; i++) {
      long id = github.add(7, i == 120 ? "old plan\n" + MARKER : "comment " + i);
      ours = i == 120 ? id : ours;
    }

    Script.Result r = comment("new plan\n", TOKEN, Map.of());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(github.comments(7)).hasSize(130);
    assertThat(github.comments(7).get(120).body()).isEqualTo(MARKER + "\nnew plan\n");
    assertThat(github.requests())
        .containsExactly(
            "GET /repos/acme/shop/issues/7/comments?per_page=100",
            "GET /repos/acme/shop/issues/7/comments?per_page=100&page=2",
            "PATCH /repos/acme/shop/issues/comments/" + ours);
  }

  @Test
  void aRefusedToken_failsWithGitHubsAnswer_andNeverPrintsTheToken() throws Exception {
    Script.Result r = comment("plan\n", "ghs_wrong-token-9876543210", Map.of());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("GitHub answered HTTP 401 to GET " + github.url())
        .contains("Bad credentials")
        .doesNotContain("ghs_wrong");
    assertThat(r.out()).doesNotContain("ghs_wrong");
    assertThat(github.comments(7)).isEmpty();
  }

  @Test
  void aNextPageOffTheApi_isNotFollowed_soTheTokenGoesNowhereElse() throws Exception {
    for (int i = 0; i < 101; i++) {
      github.add(7, "comment " + i);
    }
    github.linkBase("http://127.0.0.2:9");

    Script.Result r = comment("plan\n", TOKEN, Map.of());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("formation: the next page is not on " + github.url() + ": http://127.0.0.2:9/");
    assertThat(github.requests())
        .containsExactly("GET /repos/acme/shop/issues/7/comments?per_page=100");
  }

  @Test
  void fromAWorkflowRun_commentsOnlyWhenThePullRequestIsStillAtTheReviewedCommit()
      throws Exception {
    github.head(7, "b".repeat(40));

    Script.Result stale = comment("plan\n", TOKEN, Map.of("FORMATION_HEAD_SHA", "a".repeat(40)));
    Script.Result current = comment("plan\n", TOKEN, Map.of("FORMATION_HEAD_SHA", "b".repeat(40)));

    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err())
        .contains("pull request #7 is at " + "b".repeat(40) + ", not " + "a".repeat(40));
    assertThat(current.exitCode()).as(current.err()).isZero();
    assertThat(github.comments(7)).hasSize(1);
  }

  @Test
  void aBodyOverGitHubsLimit_isCutWithANote() throws Exception {
    Script.Result r = comment("x".repeat(70_000), TOKEN, Map.of());

    assertThat(r.exitCode()).as(r.err()).isZero();
    String body = github.comments(7).get(0).body();
    assertThat(body.length()).isBetween(65_000, 65_536);
    assertThat(body).startsWith(MARKER).contains("(cut: GitHub takes 65536 characters");
  }

  @Test
  void aNumberThatIsNotOne_isRefusedBeforeAnyRequest() throws Exception {
    Path file = Files.writeString(dir.resolve("c.md"), "plan\n");
    Map<String, String> env =
        Map.of(
            "GITHUB_API_URL",
            github.url(),
            "GITHUB_REPOSITORY",
            "acme/shop",
            "FORMATION_GITHUB_TOKEN",
            TOKEN);

    Script.Result r =
        Script.run(dir, List.of(), env, "github/comment.sh", file.toString(), "7/../8");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("not a pull request number: '7/../8'");
    assertThat(github.requests()).isEmpty();
  }
}
