package dev.formation.config;

import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YSeq;
import dev.formation.diag.Code;
import dev.formation.diag.Credentials;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a URL with a password anywhere in a file, under any key ({@code x-} keys and anchors
 * included): a file is reviewed, committed and shared, so a connection URL belongs in an
 * environment variable (or a Kubernetes Secret) that the file only names. The diagnostic shows the
 * URL masked, and so does the quoted source line ({@link dev.formation.diag.Sources}).
 */
final class CredentialCheck {
  private final Diagnostics diags;
  private final Set<SourceRange> seen = new HashSet<>();

  CredentialCheck(Diagnostics diags) {
    this.diags = diags;
  }

  void check(YNode root) {
    walk(root, new TreePath.Walk());
  }

  private void walk(YNode node, TreePath.Walk at) {
    if (node instanceof YMap map) {
      for (YMap.Entry e : map.entries()) {
        if (Credentials.present(e.key())) {
          report(e.key(), e.keyRange(), at.here());
        }
        at.enter(e.key());
        walk(e.value(), at);
        at.leave();
      }
    } else if (node instanceof YSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        at.enter(i);
        walk(seq.items().get(i), at);
        at.leave();
      }
    } else if (node instanceof YScalar s && Credentials.present(s.text())) {
      report(s.text(), s.range(), at.here());
    }
  }

  /** Once per place: an alias repeats the node it names, not the mistake. */
  private void report(String text, SourceRange range, TreePath at) {
    if (!seen.add(range)) {
      return;
    }
    diags.error(
        Code.FM043,
        (at.size() == 0 ? "the file" : Places.field(at))
            + " holds a URL with a password: `"
            + Credentials.mask(text)
            + "`",
        range,
        "put the URL in an environment variable and name it (`url_env: REDIS_URL`; on"
            + " Kubernetes also `secret: NAME/KEY`), then change the password: it is in the"
            + " file's history");
  }
}
