package dev.formation.platform.heroku.api;

/** A Heroku error body: {@code {"id": "not_found", "message": "..."}}. */
public record ErrorJson(String id, String message, String url) {}
