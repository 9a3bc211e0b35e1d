package dev.formation.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply records: appended, never lost to a concurrent writer, and refused loudly when locked. */
class GitNotesTest {
  @TempDir Path dir;
  private GitFixture repo;
  private String head;

  @BeforeEach
  void init() {
    repo = GitFixture.init(dir);
    head = repo.write("formation.yaml", "version: 1\n").commit("config");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private String noteOnHead() throws GitException {
    try (GitRepo git = GitRepo.open(dir)) {
      return GitNotes.all(git).get(head);
    }
  }

  @Test
  void append_twice_keepsBothLinesInOrder() throws Exception {
    try (GitRepo git = GitRepo.open(dir)) {
      GitNotes.append(git, head, "first");
      GitNotes.append(git, head, "second");
    }

    assertThat(noteOnHead()).isEqualTo("first\nsecond\n");
  }

  @Test
  void append_sixWritersAtOnce_eachWithItsOwnRepository_leavesSixLines() throws Exception {
    int writers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String line = "apply of app" + i;
        done.add(
            pool.submit(
                () -> {
                  // a repository of its own, as a separate process would have: only git's lock
                  // file and the ref's old value stand between the writers
                  try (GitRepo git = GitRepo.open(dir)) {
                    start.await();
                    GitNotes.append(git, head, line);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(noteOnHead().lines())
        .containsExactlyInAnyOrder(
            "apply of app0",
            "apply of app1",
            "apply of app2",
            "apply of app3",
            "apply of app4",
            "apply of app5");
  }

  @Test
  void append_whileALockFileStays_failsNamingTheLockAndLeavesTheNoteAsItWas() throws Exception {
    try (GitRepo git = GitRepo.open(dir)) {
      GitNotes.append(git, head, "before");
    }
    Path lock = dir.resolve(".git").resolve(GitNotes.REF + ".lock");
    Files.writeString(lock, "");

    try (GitRepo git = GitRepo.open(dir)) {
      assertThatThrownBy(() -> GitNotes.append(git, head, "lost?", Duration.ofMillis(200)))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("stayed locked")
          .hasMessageContaining(lock.toString());
    }

    Files.delete(lock);
    assertThat(noteOnHead()).isEqualTo("before\n");
  }

  @Test
  void append_whenGitCannotStoreTheRecord_isAGitExceptionNotACrash() throws Exception {
    // every object packed, then a file where each loose-object folder would go: reading works,
    // writing any new object fails, as it does on a full disk
    repo.git().gc().setAggressive(false).call();
    Path objects = dir.resolve(".git/objects");
    for (int i = 0; i < 256; i++) {
      Path fanOut = objects.resolve(String.format("%02x", i));
      if (!Files.exists(fanOut)) {
        Files.writeString(fanOut, "in the way");
      }
    }

    try (GitRepo git = GitRepo.open(dir)) {
      assertThatThrownBy(() -> GitNotes.append(git, head, "x", Duration.ofMillis(200)))
          .isInstanceOf(GitException.class)
          .hasMessageStartingWith("cannot write the apply note on " + head.substring(0, 7));
    }
  }
}
