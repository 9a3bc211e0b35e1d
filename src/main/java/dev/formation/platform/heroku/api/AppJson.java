package dev.formation.platform.heroku.api;

/** The part of an app object formation reads: its id and generation. */
public record AppJson(String id, String name, NamedRef generation) {}
