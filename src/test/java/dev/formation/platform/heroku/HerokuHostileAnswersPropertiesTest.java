package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.platform.PlatformException;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.HostileAnswers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of the adapter over generated hostile answers ({@link HostileAnswers}) served by the
 * fake: a read returns a valid {@link LiveApp} (every process with a type, a size and a count of 0
 * or more) or a {@link PlatformException} with a message, naming the request id whenever an answer
 * arrived; never another exception. Requests, waits and time stay bounded.
 *
 * <p>{@code -Dformation.hostile.answers=N} and {@code -Dformation.hostile.seed=S} choose the cases.
 */
class HerokuHostileAnswersPropertiesTest {
  static final int CASES = Integer.getInteger("formation.hostile.answers", 300);
  static final long SEED = Long.getLong("formation.hostile.seed", 20_261_202L);

  /** Retries (5) times pages (10), at most: a runaway shows as more. */
  static final int MAX_REQUESTS = 50;

  @TempDir Path home;
  FakeHeroku fake;
  HerokuTestSupport t;

  @BeforeEach
  void start() throws PlatformException {
    fake = FakeHeroku.start();
    fake.addApp("shop", "cedar").process("web", "performance-m", 2);
    t = new HerokuTestSupport(fake, home);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void read_ofGeneratedHostileAnswers_isAValidAppOrAClearPlatformError() {
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long maxVirtualWaitMs = 0;
    int maxRequests = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = SEED + i;
      fake.clearFaults();
      fake.clearRequests();
      List<FakeFault> faults = HostileAnswers.forSeed(seed, "shop");
      faults.forEach(fake::inject);
      long sleptBefore = t.timing.sleptMillis();
      String outcome;
      try {
        LiveApp app = t.platform.read("shop", true);
        String problem = invalid(app);
        outcome = problem == null ? "valid result" : null;
        if (problem != null) {
          failures.add("seed " + seed + ": " + problem);
        }
      } catch (PlatformException e) {
        outcome = "PlatformException";
        kinds.merge(kind(e.getMessage()), 1, Integer::sum);
        String problem = unclear(e);
        if (problem != null) {
          failures.add("seed " + seed + ": " + problem + ": " + e.getMessage());
        }
      } catch (RuntimeException e) {
        outcome = e.getClass().getSimpleName();
        failures.add("seed " + seed + ": " + e);
      }
      int requests = fake.requests().size();
      long waited = t.timing.sleptMillis() - sleptBefore;
      if (requests > MAX_REQUESTS) {
        failures.add("seed " + seed + ": " + requests + " requests");
      }
      if (waited > HerokuConfig.DEFAULT_DEADLINE.toMillis()) {
        failures.add("seed " + seed + ": waited " + waited + " ms");
      }
      maxRequests = Math.max(maxRequests, requests);
      maxVirtualWaitMs = Math.max(maxVirtualWaitMs, waited);
      if (outcome != null) {
        outcomes.merge(outcome, 1, Integer::sum);
      }
    }
    System.out.println(
        "hostile answers: "
            + CASES
            + " reads; outcomes "
            + outcomes
            + "; most requests in one read "
            + maxRequests
            + "; longest retry wait "
            + maxVirtualWaitMs
            + " ms (virtual); errors by kind "
            + kinds);
    assertThat(failures).as("%d of %d reads failed", failures.size(), CASES).isEmpty();
  }

  /** The first words of a message, to count errors by kind. */
  private static String kind(String message) {
    String[] words = String.valueOf(message).split(" ");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length)));
  }

  private static String invalid(LiveApp app) {
    for (LiveProcess p : app.processes()) {
      if (p.type() == null || p.type().isBlank()) {
        return "a process without a type";
      }
      if (p.size() == null || p.size().isBlank()) {
        return "process " + p.type() + " without a size";
      }
      if (p.quantity() < 0) {
        return "process " + p.type() + " with " + p.quantity() + " dynos";
      }
    }
    return null;
  }

  /** A clear error: a message, and the request id when an answer (a status) came back. */
  private static String unclear(PlatformException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return "no message";
    }
    if (m.contains("Exception:")
        && !m.startsWith("could not complete")
        && !m.startsWith("no answer")) {
      return "an internal exception in the message";
    }
    if (e.status() != 0 && !m.contains("request id")) {
      return "an answer with status " + e.status() + " but no request id in the message";
    }
    return null;
  }
}
