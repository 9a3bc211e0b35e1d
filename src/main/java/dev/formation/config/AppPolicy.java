package dev.formation.config;

import java.time.ZoneId;

/**
 * What an app takes from the top level unless it says otherwise: the zone its windows are written
 * in and its guardrails.
 */
record AppPolicy(ZoneId zone, GuardrailSpec guardrails) {}
