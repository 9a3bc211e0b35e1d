package dev.formation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @Test
  void home_followsHomeVariable_likeTheHerokuCli() {
    assertEquals(
        Path.of("/tmp/elsewhere"), Environment.home(Map.of("HOME", "/tmp/elsewhere"), "/root"));
  }

  @Test
  void home_withoutHomeVariable_isTheJvmUserHome() {
    assertEquals(Path.of("/root"), Environment.home(Map.of(), "/root"));
    assertEquals(Path.of("/root"), Environment.home(Map.of("HOME", " "), "/root"));
  }
}
