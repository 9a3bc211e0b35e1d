package dev.formation.planfile;

import tools.jackson.databind.JsonNode;

/**
 * A JSON value with the path that led to it, so a malformed plan file is reported as {@code
 * plan.apps[2].changes[0].type: expected a string}, never as a stack trace.
 */
record JsonField(JsonNode node, String path) {

  JsonField get(String name) throws PlanFileException {
    if (!node.isObject()) {
      throw error("expected an object");
    }
    JsonNode child = node.get(name);
    if (child == null) {
      throw new PlanFileException(child(name) + ": missing");
    }
    return new JsonField(child, child(name));
  }

  boolean has(String name) {
    return node.isObject() && node.has(name);
  }

  /** The keys of an object, in file order. */
  java.util.List<String> fieldNames() throws PlanFileException {
    if (!node.isObject()) {
      throw error("expected an object");
    }
    return java.util.List.copyOf(node.propertyNames());
  }

  boolean isNull() {
    return node.isNull();
  }

  String string() throws PlanFileException {
    if (!node.isString()) {
      throw error("expected a string");
    }
    return node.stringValue();
  }

  String stringOrNull() throws PlanFileException {
    return node.isNull() ? null : string();
  }

  long longValue() throws PlanFileException {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw error("expected an integer");
    }
    return node.longValue();
  }

  int intValue() throws PlanFileException {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("expected an integer");
    }
    return node.intValue();
  }

  boolean bool() throws PlanFileException {
    if (!node.isBoolean()) {
      throw error("expected true or false");
    }
    return node.booleanValue();
  }

  int size() throws PlanFileException {
    if (!node.isArray()) {
      throw error("expected a list");
    }
    return node.size();
  }

  JsonField at(int index) {
    return new JsonField(node.get(index), path + "[" + index + "]");
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  PlanFileException error(String what) {
    return new PlanFileException((path.isEmpty() ? "top level" : path) + ": " + what);
  }
}
