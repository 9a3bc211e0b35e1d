package dev.formation.cli;

import picocli.CommandLine.Command;

/** The root command; it only groups the subcommands. */
@Command(
    name = "formation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative dyno formations: validate, plan and apply formation.yaml.",
    subcommands = {picocli.CommandLine.HelpCommand.class, LocalCommand.class})
public final class FormationCommand {}
