package dev.formation.config;

import java.nio.file.Path;

/**
 * Where a local app's code lives and the port its router listens on.
 *
 * @param dir the folder holding the Procfile, already resolved against the config file
 */
public record LocalSpec(Path dir, int port) {}
