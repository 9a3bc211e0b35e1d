package dev.formation.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command; it only groups the subcommands. */
@Command(
    name = "formation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative dyno formations: validate, plan and apply formation.yaml.",
    subcommands = {SizesCommand.class, HelpCommand.class})
public final class FormationCommand {}
