package dev.formation.plan;

/** How a change counts in the plan summary: add, change or remove. */
public enum Action {
  ADD("+", "add"),
  CHANGE("~", "change"),
  REMOVE("-", "remove");

  private final String symbol;
  private final String word;

  Action(String symbol, String word) {
    this.symbol = symbol;
    this.word = word;
  }

  /** The Terraform-like marker: {@code +}, {@code ~} or {@code -}. */
  public String symbol() {
    return symbol;
  }

  /** The lower-case word used in JSON and summaries. */
  public String word() {
    return word;
  }

  /** The action of this word ({@code add}, {@code change}, {@code remove}). */
  public static Action word(String word) {
    for (Action a : values()) {
      if (a.word.equals(word)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no action is called " + word);
  }
}
